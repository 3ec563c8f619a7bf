package org.creditdesk.shared.web;

import java.time.LocalDate;
import org.creditdesk.shared.StrictDates;
import org.creditdesk.shared.TextLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How every JSON body is read, for every endpoint at once (issue 15 findings 2 and 3): a date only as
 * the string {@code yyyy-MM-dd} in the years {@link StrictDates#MIN_YEAR}–{@link StrictDates#MAX_YEAR}
 * (a number such as {@code 20261206} is refused), and every string without NUL or a lone surrogate and
 * at most {@link TextLimits#ANY_TEXT_MAX} characters. A refusal is a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JacksonModule strictInputModule() {
        return new SimpleModule("creditdesk-strict-input")
                .addDeserializer(LocalDate.class, new DateDeserializer())
                .addDeserializer(String.class, new TextDeserializer());
    }

    static final class DateDeserializer extends ValueDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.reportInputMismatch(
                        LocalDate.class, "%s", "a date must be a string yyyy-MM-dd, not " + p.currentToken());
            }
            return switch (StrictDates.read(p.getString().strip())) {
                case StrictDates.Valid valid -> valid.date();
                case StrictDates.Invalid invalid ->
                    throw ctxt.weirdStringException(p.getString(), LocalDate.class, invalid.reason());
            };
        }
    }

    static final class TextDeserializer extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text == null) return null;
            var problem = TextLimits.textProblem(text, TextLimits.ANY_TEXT_MAX);
            if (problem.isPresent()) {
                throw ctxt.weirdStringException(
                        text.substring(0, Math.min(40, text.length())), String.class, problem.get());
            }
            return text;
        }
    }
}
