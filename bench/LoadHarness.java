import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded HTTP load generator for CreditDesk, one file, no dependencies:
 * {@code java bench/LoadHarness.java --base http://127.0.0.1:PORT --codes FILE --request 'NAME|METHOD|PATH|BODY' ...}.
 *
 * <p>C workers (platform or virtual threads) share one keep-alive HTTP/1.1 client and send requests back to back
 * for W seconds of warm-up, then D seconds of measurement, then stop. Each request picks one of the templates and
 * fills its placeholders: {customerCode} (a random code from the file), {orderNo} (unique per request and run),
 * {seq}, {runId}, {amount} (random, 2 decimals, from a seeded generator), any --var NAME=VALUE and
 * --pick NAME=A,B,C (a random one per request). Latencies of 2xx answers go into a fixed-bucket log-linear
 * histogram (0.1% resolution) per worker; other answers are counted by status.
 *
 * <p>It only talks to 127.0.0.1 or localhost: it is a benchmark, not a tool to point at other people's servers.
 */
public class LoadHarness {

    static final String USAGE =
            """
            Usage: java bench/LoadHarness.java --base http://127.0.0.1:PORT --request 'NAME|METHOD|PATH|BODY' [...]
              --request T        a template: name|method|path|JSON body (body may be empty); repeat for a mix
              --codes FILE       customer codes, one a line, for {customerCode}
              --user NAME        HTTP Basic user (default admin); the password comes from the environment
                                 variable LOADHARNESS_PASSWORD or --password-file FILE
              --concurrency C    workers (default 16)      --threads platform|virtual (default platform)
              --warmup W         seconds not recorded (default 10)   --duration D  seconds recorded (default 60)
              --seed S           random seed (default 42)  --amount MIN-MAX  for {amount} (default 100-50000)
              --var NAME=VALUE   a constant placeholder    --pick NAME=A,B,C  a random choice per request
              --summary FILE     append one line per template: name requests rps p50 p90 p99 max errors
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    record Template(String name, String method, String path, String body) {
        static Template parse(String spec) {
            String[] parts = spec.split("\\|", 4);
            if (parts.length < 3) throw new IllegalArgumentException("--request needs name|method|path[|body]: " + spec);
            return new Template(
                    parts[0], parts[1].toUpperCase(Locale.ROOT), parts[2], parts.length == 4 ? parts[3] : "");
        }
    }

    /**
     * Log-linear buckets over microseconds: exact below 1024 µs, then 1024 buckets per power of two, so a
     * bucket is at most 0.1% wide. Up to 2^31 µs (35 minutes); longer values land in the last bucket.
     */
    static final class Histogram {
        static final int SUB = 1024;
        static final int MAX_EXPONENT = 31;
        final long[] counts = new long[SUB + (MAX_EXPONENT - 10 + 1) * SUB];
        long total;
        long max;

        void record(long micros) {
            counts[index(Math.max(0, micros))]++;
            total++;
            max = Math.max(max, micros);
        }

        static int index(long v) {
            if (v < SUB) return (int) v;
            int exponent = 63 - Long.numberOfLeadingZeros(v);
            if (exponent > MAX_EXPONENT) return SUB + (MAX_EXPONENT - 10 + 1) * SUB - 1;
            int shift = exponent - 10;
            return SUB + shift * SUB + (int) ((v >> shift) - SUB);
        }

        /** The middle of the bucket, in microseconds. */
        static double valueOf(int index) {
            if (index < SUB) return index;
            int shift = (index - SUB) / SUB;
            long low = ((long) ((index - SUB) % SUB) + SUB) << shift;
            return low + ((1L << shift) - 1) / 2.0;
        }

        void add(Histogram other) {
            for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
            total += other.total;
            max = Math.max(max, other.max);
        }

        double percentile(double p) {
            if (total == 0) return Double.NaN;
            long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) return Math.min(valueOf(i), max);
            }
            return max;
        }
    }

    /** What one worker saw for one template; merged after the run, so workers never contend. */
    static final class Tally {
        final Histogram latencies = new Histogram();
        final Map<String, Long> failures = new TreeMap<>();
        long warmup;

        void fail(String what) {
            failures.merge(what, 1L, Long::sum);
        }

        void add(Tally other) {
            latencies.add(other.latencies);
            other.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
            warmup += other.warmup;
        }

        long errors() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String[]> picks = new LinkedHashMap<>();
        List<Template> templates = new ArrayList<>();
        String base = null;
        Path codesFile = null;
        Path summary = null;
        Path passwordFile = null;
        String user = "admin";
        int concurrency = 16;
        int warmupSeconds = 10;
        int durationSeconds = 60;
        long seed = 42;
        boolean virtual = false;
        long amountMinCents = 100_00;
        long amountMaxCents = 50_000_00;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.print(USAGE);
                return;
            }
            if (i + 1 >= args.length) fail(arg + " needs a value");
            String value = args[++i];
            switch (arg) {
                case "--base" -> base = value;
                case "--request" -> templates.add(Template.parse(value));
                case "--codes" -> codesFile = Path.of(value);
                case "--user" -> user = value;
                case "--password-file" -> passwordFile = Path.of(value);
                case "--concurrency" -> concurrency = positive(arg, value);
                case "--warmup" -> warmupSeconds = Integer.parseInt(value);
                case "--duration" -> durationSeconds = positive(arg, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--summary" -> summary = Path.of(value);
                case "--threads" -> virtual = switch (value) {
                    case "virtual" -> true;
                    case "platform" -> false;
                    default -> throw new IllegalArgumentException("--threads platform|virtual, not " + value);
                };
                case "--amount" -> {
                    String[] range = value.split("-", 2);
                    amountMinCents = new BigDecimal(range[0]).movePointRight(2).longValueExact();
                    amountMaxCents = new BigDecimal(range[1]).movePointRight(2).longValueExact();
                    if (amountMinCents <= 0 || amountMaxCents < amountMinCents) fail("--amount MIN-MAX, 0 < MIN <= MAX");
                }
                case "--var" -> vars.put(nameOf(value), value.substring(value.indexOf('=') + 1));
                case "--pick" -> picks.put(nameOf(value), value.substring(value.indexOf('=') + 1).split(","));
                default -> fail("unknown option " + arg);
            }
        }
        if (base == null || templates.isEmpty()) fail("--base and at least one --request are required");
        URI baseUri = URI.create(base);
        if (!"127.0.0.1".equals(baseUri.getHost()) && !"localhost".equals(baseUri.getHost())) {
            fail("only 127.0.0.1 or localhost may be loaded, not " + baseUri.getHost());
        }
        String password = passwordFile != null
                ? Files.readString(passwordFile).strip()
                : System.getenv("LOADHARNESS_PASSWORD");
        if (password == null) fail("set LOADHARNESS_PASSWORD or --password-file");
        List<String> codes = codesFile == null
                ? List.of()
                : Files.readAllLines(codesFile).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        boolean needsCodes = templates.stream().anyMatch(t -> (t.path + t.body).contains("{customerCode}"));
        if (needsCodes && codes.isEmpty()) fail("{customerCode} needs --codes FILE with at least one code");

        // A template with an unknown placeholder fails here, not silently inside every worker.
        Map<String, String> sample = new LinkedHashMap<>(vars);
        for (String name : List.of("customerCode", "seq", "runId", "orderNo", "amount")) sample.put(name, "x");
        picks.forEach((name, choices) -> sample.put(name, choices[0]));
        for (Template template : templates) {
            fill(template.path, sample, false);
            fill(template.body, sample, true);
        }

        String authorization = "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        // Unique across runs on the same database, so {orderNo} never meets an order of an earlier run.
        String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        AtomicLong sequence = new AtomicLong();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        long start = System.nanoTime();
        long recordFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long stopAt = recordFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        Tally[][] tallies = new Tally[concurrency][templates.size()];
        System.out.printf(
                Locale.ROOT,
                "Load: %d %s workers, warm-up %d s, measured %d s, %s, templates %s, run %s%n",
                concurrency,
                virtual ? "virtual" : "platform",
                warmupSeconds,
                durationSeconds,
                baseUri,
                templates.stream().map(Template::name).toList(),
                runId);

        // A worker never outlives the run by more than one request timeout.
        Duration requestTimeout = Duration.ofSeconds(30);
        final long minCents = amountMinCents;
        final long spanCents = amountMaxCents - amountMinCents + 1;
        try (ExecutorService workers = virtual
                ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                final int worker = w;
                final Random random = new Random(seed * 1_000_003L + w);
                for (int t = 0; t < templates.size(); t++) tallies[w][t] = new Tally();
                workers.submit(() -> {
                    Map<String, String> values = new LinkedHashMap<>(vars);
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= stopAt) return;
                        int t = templates.size() == 1 ? 0 : random.nextInt(templates.size());
                        Template template = templates.get(t);
                        long seq = sequence.incrementAndGet();
                        if (!codes.isEmpty()) values.put("customerCode", codes.get(random.nextInt(codes.size())));
                        values.put("seq", Long.toString(seq));
                        values.put("runId", runId);
                        values.put("orderNo", "BENCH-" + runId + "-" + seq);
                        values.put(
                                "amount",
                                BigDecimal.valueOf(minCents + random.nextLong(spanCents), 2)
                                        .toPlainString());
                        picks.forEach((name, choices) -> values.put(name, choices[random.nextInt(choices.length)]));
                        HttpRequest.Builder request = HttpRequest.newBuilder(
                                        baseUri.resolve(fill(template.path, values, false)))
                                .timeout(requestTimeout)
                                .header("Authorization", authorization)
                                .header("Accept", "application/json");
                        if (template.body.isEmpty()) {
                            request.method(template.method, HttpRequest.BodyPublishers.noBody());
                        } else {
                            request.header("Content-Type", "application/json")
                                    .method(
                                            template.method,
                                            HttpRequest.BodyPublishers.ofString(fill(template.body, values, true)));
                        }
                        String outcome;
                        begin = System.nanoTime();
                        try {
                            HttpResponse<Void> response =
                                    client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                            int status = response.statusCode();
                            outcome = status >= 200 && status < 300 ? null : Integer.toString(status);
                        } catch (IOException e) {
                            outcome = e.getClass().getSimpleName();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        long end = System.nanoTime();
                        Tally tally = tallies[worker][t];
                        if (end < recordFrom) {
                            tally.warmup++;
                        } else if (end <= stopAt) {
                            if (outcome == null) tally.latencies.record((end - begin) / 1_000);
                            else tally.fail(outcome);
                        }
                    }
                });
            }
        }

        List<String> lines = new ArrayList<>();
        System.out.printf(
                Locale.ROOT,
                "%-14s %9s %9s %9s %9s %9s %9s  %s%n",
                "template",
                "ok",
                "req/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "errors by status");
        for (int t = 0; t < templates.size(); t++) {
            Tally merged = new Tally();
            for (int w = 0; w < concurrency; w++) merged.add(tallies[w][t]);
            Histogram h = merged.latencies;
            long all = h.total + merged.errors();
            double rps = h.total / (double) durationSeconds;
            String name = templates.get(t).name;
            boolean unavailable = h.total == 0 && all > 0 && merged.failures.keySet().equals(java.util.Set.of("404"));
            System.out.printf(
                    Locale.ROOT,
                    "%-14s %9d %9.1f %9.2f %9.2f %9.2f %9.2f  %s%s%n",
                    name,
                    h.total,
                    rps,
                    h.percentile(50) / 1000,
                    h.percentile(90) / 1000,
                    h.percentile(99) / 1000,
                    h.max / 1000.0,
                    merged.failures.isEmpty() ? "none" : merged.failures,
                    unavailable ? "  -> endpoint not available (every request answered 404)" : "");
            lines.add(String.format(
                    Locale.ROOT,
                    "%s %d %.1f %.2f %.2f %.2f %.2f %d %s",
                    name,
                    h.total,
                    rps,
                    h.percentile(50) / 1000,
                    h.percentile(90) / 1000,
                    h.percentile(99) / 1000,
                    h.max / 1000.0,
                    merged.errors(),
                    unavailable ? "unavailable" : "available"));
        }
        if (summary != null) {
            Files.write(summary, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static String fill(String template, Map<String, String> values, boolean json) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + template);
            String escaped = json
                    ? value.replace("\\", "\\\\").replace("\"", "\\\"")
                    : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            m.appendReplacement(out, Matcher.quoteReplacement(escaped));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String nameOf(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) throw new IllegalArgumentException("expected NAME=VALUE, not " + assignment);
        return assignment.substring(0, equals);
    }

    static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n <= 0) throw new IllegalArgumentException(option + " must be positive");
        return n;
    }

    static void fail(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
