import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times every page of the navigation as a person sees it: signs in through the login form as one user
 * (session cookie, CSRF token from the form), then requests each page of the list one after another,
 * {@code --warmup} times unrecorded and {@code --runs} times recorded, and prints one line per page:
 * {@code role path status p50 p95 max bytes}. Lines of the pages file are {@code ROLE KIND PATH}: KIND
 * {@code page} is fetched with the session, {@code api} with HTTP Basic (JSON reports); PATH may hold
 * {customerCode} (a seeded random code of the file given with --codes, the same for every run of the page).
 *
 * <p>It talks only to 127.0.0.1 or localhost: it is a benchmark, not a tool for other people's servers.
 */
public class PageTimer {

    static final String USAGE =
            """
            Usage: java bench/PageTimer.java --base http://127.0.0.1:PORT --pages FILE --role ROLE --user NAME
                     [--codes FILE] [--warmup 3] [--runs 20] [--seed 42] [--summary FILE]
              the password comes from the environment variable PAGETIMER_PASSWORD
            """;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String base = required(options, "--base");
        URI baseUri = URI.create(base);
        if (!List.of("127.0.0.1", "localhost").contains(baseUri.getHost())) {
            throw new IllegalArgumentException("only 127.0.0.1 or localhost: " + base);
        }
        String role = required(options, "--role");
        String user = required(options, "--user");
        String password = System.getenv("PAGETIMER_PASSWORD");
        if (password == null) throw new IllegalArgumentException("PAGETIMER_PASSWORD is not set");
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "3"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "20"));
        Random random = new Random(Long.parseLong(options.getOrDefault("--seed", "42")));
        List<String> codes = options.containsKey("--codes")
                ? Files.readAllLines(Path.of(options.get("--codes"))).stream()
                        .filter(l -> !l.isBlank())
                        .toList()
                : List.of();

        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        signIn(client, base, user, password);
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(required(options, "--pages")))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            String[] parts = trimmed.split("\\s+", 3);
            if (parts.length != 3) throw new IllegalArgumentException("ROLE KIND PATH expected: " + line);
            if (!parts[0].equals(role) && !parts[0].equals("*")) continue;
            String code = codes.isEmpty() ? "" : codes.get(random.nextInt(codes.size()));
            String path = parts[2].replace("{customerCode}", URLEncoder.encode(code, StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(120))
                    .GET();
            if (parts[1].equals("api")) request.header("Authorization", basic);
            Timing timing = time(client, request.build(), warmup, runs);
            String result = "%s %s %d %.1f %.1f %.1f %d"
                    .formatted(role, path, timing.status, timing.p50, timing.p95, timing.max, timing.bytes);
            System.out.println(result);
            lines.add(result);
        }
        if (options.containsKey("--summary")) {
            Files.write(
                    Path.of(options.get("--summary")),
                    lines,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    record Timing(int status, double p50, double p95, double max, long bytes) {}

    /** A page slower than this on its first request is timed once, not warmed up and repeated. */
    static final double SLOW_MILLIS = 5_000;

    /**
     * Milliseconds to the last byte; the status of the last answer (a non-200 page is reported as such). A page
     * that does not answer within the request timeout is reported with status 0 and the timeout as its time; a
     * page slower than {@link #SLOW_MILLIS} on its first request is reported with that one time, so that one slow
     * page does not stop (or take over) the run.
     */
    static Timing time(HttpClient client, HttpRequest request, int warmup, int runs)
            throws IOException, InterruptedException {
        long first = System.nanoTime();
        HttpResponse<byte[]> firstAnswer;
        try {
            firstAnswer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            double timeout = request.timeout().orElseThrow().toMillis();
            return new Timing(0, timeout, timeout, timeout, 0);
        }
        double firstMillis = (System.nanoTime() - first) / 1e6;
        if (firstMillis > SLOW_MILLIS) {
            return new Timing(
                    firstAnswer.statusCode(), firstMillis, firstMillis, firstMillis, firstAnswer.body().length);
        }
        for (int i = 1; i < warmup; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        List<Double> millis = new ArrayList<>();
        int status = 0;
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1e6);
            status = response.statusCode();
            bytes = response.body().length;
        }
        Collections.sort(millis);
        return new Timing(status, percentile(millis, 50), percentile(millis, 95), millis.getLast(), bytes);
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static void signIn(HttpClient client, String base, String user, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        if (!token.find()) throw new IllegalStateException("no CSRF token on /login (" + form.statusCode() + ")");
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + answer.statusCode() + " " + location);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.print(USAGE);
                throw new IllegalArgumentException("bad option: " + args[i]);
            }
            options.put(args[i].toLowerCase(Locale.ROOT), args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.print(USAGE);
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
