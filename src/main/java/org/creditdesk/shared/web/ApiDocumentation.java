package org.creditdesk.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document at {@code /api/docs} (browsers are sent on to Swagger UI at {@code /api/docs/ui}):
 * the machine-readable side of docs/api.md. Every operation gets a readable id (controller and method,
 * e.g. {@code creditLimitApprove}) and lists the problem+json answers it can give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_TYPES = "https://creditdesk.org/problems/";

    @Bean
    OpenAPI creditDeskApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("CreditDesk API")
                        .version("v1")
                        .description(
                                "Credit limits and checks, holds, receivables ledger, imports, monitoring and risk."
                                        + " The contract with its rules is docs/api.md in the repository. Errors are"
                                        + " application/problem+json (RFC 9457) with an errors array naming each field or"
                                        + " CSV line; their type is " + PROBLEM_TYPES
                                        + "{title in kebab case}: malformed-request"
                                        + " (400), not-authenticated (401), not-allowed (403), not-found (404),"
                                        + " conflicts-with-existing-data (409), rule-violation (422), internal-error (500)."
                                        + " Titles and generic details follow Accept-Language (en, zh-CN) or the user's chosen"
                                        + " language.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OperationCustomizer readableIdsAndProblems() {
        return (operation, handler) -> {
            operation.setOperationId(operationId(handler));
            addProblems(operation, handler);
            return operation;
        };
    }

    /**
     * {@code creditLimitApprove} for {@code CreditLimitController.approve}; an overloaded method name
     * gets its HTTP method too ({@code creditLimitRequestGet}, {@code creditLimitRequestPost}).
     */
    static String operationId(HandlerMethod handler) {
        Method method = handler.getMethod();
        String stem = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String id = StringUtils.uncapitalize(stem) + StringUtils.capitalize(method.getName());
        long sameName = Arrays.stream(handler.getBeanType().getDeclaredMethods())
                .filter(m -> m.getName().equals(method.getName()))
                .filter(m -> AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class))
                .count();
        if (sameName > 1) {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
            RequestMethod[] verbs = mapping == null ? new RequestMethod[0] : mapping.method();
            if (verbs.length > 0) id += StringUtils.capitalize(verbs[0].name().toLowerCase(Locale.ROOT));
        }
        return id;
    }

    private static void addProblems(Operation operation, HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        boolean reads = mapping == null
                || mapping.method().length == 0
                || Arrays.asList(mapping.method()).contains(RequestMethod.GET);
        boolean hasPathVariable = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean hasInput = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p ->
                        p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestParam.class));
        Map<String, String> problems = new TreeMap<>();
        if (hasInput || hasPathVariable)
            problems.put("400", "Malformed request: a field or parameter that does not parse");
        problems.put("401", "Not authenticated: no or wrong HTTP Basic credentials");
        problems.put("403", "Not allowed: the user's roles or areas do not permit this");
        if (hasPathVariable) problems.put("404", "Not found, or outside the user's areas");
        if (!reads) {
            problems.put("409", "Conflicts with existing data, or changed concurrently");
            problems.put("422", "Rule violation: the request is well-formed but breaks a business rule");
        }
        problems.put("500", "Internal error: a defect, logged on the server");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) responses.addApiResponse(status, problem(description));
        });
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the JSON field or CSV column"))
                .addProperty("line", new IntegerSchema().format("int64").description("the CSV line"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details with the fields or lines refused")
                .addProperty("type", new StringSchema().format("uri").example(PROBLEM_TYPES + "rule-violation"))
                .addProperty("title", new StringSchema().example("Rule violation"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(violation));
    }
}
