import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the JVM did during each timed request of a benchmark, from a JFR recording: GC pauses and cycles, JIT
 * compilations and deoptimisations, the JVM's and the machine's CPU load, and where the request's own thread spent its
 * samples. The windows come from the benchmark's output (bench/run scoring prints "sent HH:MM:SS.mmm UTC (EPOCH)" and
 * "answered in SECONDS s" for each run).
 *
 * <p>{@code java bench/JfrRuns.java FILE.jfr BENCH-OUTPUT.txt [TOP]}; the recording needs the compilation events
 * below their default threshold to see every compilation, e.g. {@code
 * -XX:StartFlightRecording=filename=F.jfr,settings=profile,jdk.Compilation#threshold=0ms}.
 */
public class JfrRuns {

    record Window(String name, Instant from, Instant to) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && !t.isAfter(to);
        }
    }

    static final class Figures {
        int youngPauses, mixedPauses, fullPauses, concurrentCycles;
        double pauseMs, longestPauseMs, concurrentMs;
        int compilations, c2Compilations, osr, deopts;
        double compileMs, c2CompileMs;
        final Map<String, Integer> deoptReasons = new HashMap<>();
        final Map<String, Double> slowCompiles = new HashMap<>();
        double jvmCpu, machineCpu;
        int cpuSamples;
        long heapAfterMax;
        final Map<String, Integer> requestTop = new HashMap<>();
        final Map<String, Integer> requestOurs = new HashMap<>();
        int requestSamples;
        final Map<String, Integer> threadSamples = new HashMap<>();
    }

    public static void main(String[] args) throws Exception {
        List<Window> windows = windows(Path.of(args[1]));
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Map<Window, Figures> figures = new HashMap<>();
        windows.forEach(w -> figures.put(w, new Figures()));
        List<RecordedEvent> samples = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                for (Window w : windows) {
                    if (!w.covers(e.getStartTime()) && !w.covers(e.getEndTime())) continue;
                    Figures f = figures.get(w);
                    switch (type) {
                        case "jdk.GarbageCollection" -> {
                            String name = e.getString("name");
                            double pauses = ms(e.getDuration("sumOfPauses"));
                            if (name.equals("G1Old") || name.contains("Concurrent") || name.equals("ZGC Major")) {
                                f.concurrentCycles++;
                                f.concurrentMs += ms(e.getDuration());
                            } else if (name.contains("Full")) {
                                f.fullPauses++;
                            }
                            f.pauseMs += pauses;
                            f.longestPauseMs = Math.max(f.longestPauseMs, ms(e.getDuration("longestPause")));
                        }
                        case "jdk.G1GarbageCollection" -> {
                            String kind = e.getString("type");
                            if (kind.contains("Mixed")) f.mixedPauses++;
                            else f.youngPauses++;
                        }
                        case "jdk.GCHeapSummary" -> {
                            if ("After GC".equals(e.getString("when"))) {
                                f.heapAfterMax = Math.max(f.heapAfterMax, e.getLong("heapUsed"));
                            }
                        }
                        case "jdk.Compilation" -> {
                            f.compilations++;
                            double took = ms(e.getDuration());
                            f.compileMs += took;
                            if (e.getInt("compileLevel") == 4) {
                                f.c2Compilations++;
                                f.c2CompileMs += took;
                            }
                            if (e.getBoolean("isOsr")) f.osr++;
                            if (took >= 50) {
                                f.slowCompiles.merge(method(e.getValue("method")) + " L" + e.getInt("compileLevel"),
                                        took, Double::sum);
                            }
                        }
                        case "jdk.Deoptimization" -> {
                            f.deopts++;
                            f.deoptReasons.merge(
                                    e.getString("reason") + "/" + e.getString("action") + " "
                                            + method(e.getValue("method")),
                                    1,
                                    Integer::sum);
                        }
                        case "jdk.CPULoad" -> {
                            if (w.covers(e.getStartTime())) {
                                f.jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                                f.machineCpu += e.getFloat("machineTotal");
                                f.cpuSamples++;
                            }
                        }
                        case "jdk.ExecutionSample" -> {
                            if (w.covers(e.getStartTime())) samples.add(e);
                        }
                        default -> {}
                    }
                }
            }
        }
        // Each run's request thread: the one whose samples in its window run CreditDesk code most often.
        Map<Window, String> requestThreads = new HashMap<>();
        for (Window w : windows) {
            Map<String, Integer> ours = new HashMap<>();
            for (RecordedEvent s : samples) {
                if (w.covers(s.getStartTime()) && touches(s.getStackTrace(), "org.creditdesk.")) {
                    ours.merge(thread(s), 1, Integer::sum);
                }
            }
            ours.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .ifPresent(e -> requestThreads.put(w, e.getKey()));
        }
        for (RecordedEvent s : samples) {
            for (Window w : windows) {
                if (!w.covers(s.getStartTime())) continue;
                Figures f = figures.get(w);
                String t = thread(s);
                f.threadSamples.merge(t.replaceAll("[#-]?\\d+$", "*"), 1, Integer::sum);
                if (!t.equals(requestThreads.get(w)) || s.getStackTrace() == null) continue;
                f.requestSamples++;
                List<RecordedFrame> frames = s.getStackTrace().getFrames();
                if (!frames.isEmpty()) f.requestTop.merge(frame(frames.getFirst()), 1, Integer::sum);
                for (RecordedFrame fr : frames) {
                    if (fr.getMethod().getType().getName().startsWith("org.creditdesk.")) {
                        f.requestOurs.merge(frame(fr), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        for (Window w : windows) {
            Figures f = figures.get(w);
            System.out.printf(
                    "%n== %s (%.1f s): GC pauses %.0f ms (young %d, mixed %d, full %d; longest %.0f ms), concurrent cycles %d"
                            + " (%.0f ms), heap after GC max %d MB%n",
                    w.name(),
                    ms(Duration.between(w.from(), w.to())) / 1000,
                    f.pauseMs,
                    f.youngPauses,
                    f.mixedPauses,
                    f.fullPauses,
                    f.longestPauseMs,
                    f.concurrentCycles,
                    f.concurrentMs,
                    f.heapAfterMax >> 20);
            System.out.printf(
                    "   JIT: %d compilations (%.0f ms; C2 %d, %.0f ms; OSR %d), %d deoptimisations; CPU load (of the machine's"
                            + " cores, mean of %d samples): JVM %.2f, machine %.2f%n",
                    f.compilations,
                    f.compileMs,
                    f.c2Compilations,
                    f.c2CompileMs,
                    f.osr,
                    f.deopts,
                    f.cpuSamples,
                    f.cpuSamples == 0 ? 0 : f.jvmCpu / f.cpuSamples,
                    f.cpuSamples == 0 ? 0 : f.machineCpu / f.cpuSamples);
            print("   slow compilations (ms)", f.slowCompiles, top);
            print("   deoptimisations", f.deoptReasons, top);
            print("   samples by thread", f.threadSamples, top);
            System.out.printf("   request thread: %d samples%n", f.requestSamples);
            print("   request thread, top frame", f.requestTop, top);
            print("   request thread, innermost CreditDesk frame", f.requestOurs, top);
        }
    }

    private static <N extends Number> void print(String title, Map<String, N> counts, int top) {
        if (counts.isEmpty()) return;
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue().doubleValue(), a.getValue().doubleValue()))
                .limit(top)
                .forEach(e -> System.out.printf("      %8.0f  %s%n", e.getValue().doubleValue(), e.getKey()));
    }

    // "Run N: ... answered in S s", preceded by "sent HH:MM:SS.mmm UTC (EPOCH)" on the next line.
    private static List<Window> windows(Path output) throws Exception {
        Pattern answered = Pattern.compile("^(Run \\d+): .*answered in ([0-9.]+) s");
        Pattern sent = Pattern.compile("sent .* \\(([0-9.]+)\\)");
        List<Window> windows = new ArrayList<>();
        String name = null;
        double took = 0;
        for (String line : java.nio.file.Files.readAllLines(output)) {
            Matcher a = answered.matcher(line);
            if (a.find()) {
                name = a.group(1);
                took = Double.parseDouble(a.group(2));
                continue;
            }
            Matcher s = sent.matcher(line);
            if (s.find() && name != null) {
                double at = Double.parseDouble(s.group(1));
                Instant from = Instant.ofEpochMilli((long) (at * 1000));
                windows.add(new Window(name, from, from.plusMillis((long) (took * 1000))));
                name = null;
            }
        }
        return windows;
    }

    private static boolean touches(RecordedStackTrace stack, String prefix) {
        if (stack == null) return false;
        for (RecordedFrame f : stack.getFrames()) {
            if (f.getMethod().getType().getName().startsWith(prefix)) return true;
        }
        return false;
    }

    private static String thread(RecordedEvent e) {
        return e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + " (" + f.getType() + ")";
    }

    private static String method(Object m) {
        if (m instanceof jdk.jfr.consumer.RecordedMethod rm) return rm.getType().getName() + "." + rm.getName();
        return String.valueOf(m);
    }

    private static double ms(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e6;
    }
}
