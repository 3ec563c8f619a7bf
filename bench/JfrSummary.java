import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A text flame-graph summary of a JFR recording's CPU samples (bench/run quick with CREDITDESK_BENCH_PROFILE=1):
 * the share of samples whose stack contains each library (inclusive), the methods on top of the stack (self), and
 * the CreditDesk methods by inclusive share. {@code java bench/JfrSummary.java FILE.jfr [TOP]}
 */
public class JfrSummary {

    /** Libraries by package prefix, in the order a sample's frames are matched for "self". */
    static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.springframework.security.crypto", "password hashing");
        LIBRARIES.put("org.springframework.security", "Spring Security");
        LIBRARIES.put("org.postgresql", "PostgreSQL driver");
        LIBRARIES.put("com.zaxxer.hikari", "connection pool");
        LIBRARIES.put("tools.jackson", "Jackson");
        LIBRARIES.put("com.fasterxml.jackson", "Jackson");
        LIBRARIES.put("ch.qos.logback", "logging");
        LIBRARIES.put("org.slf4j", "logging");
        LIBRARIES.put("org.springframework.transaction", "Spring transactions");
        LIBRARIES.put("org.springframework.jdbc", "Spring JDBC");
        LIBRARIES.put("org.springframework.web", "Spring MVC");
        LIBRARIES.put("org.springframework.modulith", "Spring Modulith events");
        LIBRARIES.put("org.springframework.aop", "Spring AOP");
        LIBRARIES.put("org.springframework", "Spring (other)");
        LIBRARIES.put("org.apache.catalina", "Tomcat");
        LIBRARIES.put("org.apache.coyote", "Tomcat");
        LIBRARIES.put("org.apache.tomcat", "Tomcat");
        LIBRARIES.put("org.creditdesk", "CreditDesk");
        LIBRARIES.put("java.", "JDK");
        LIBRARIES.put("jdk.", "JDK");
        LIBRARIES.put("sun.", "JDK");
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> inclusiveLibrary = new HashMap<>();
        Map<String, Integer> selfLibrary = new HashMap<>();
        Map<String, Integer> selfMethod = new HashMap<>();
        Map<String, Integer> ownInclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            Set<String> libraries = new HashSet<>();
            Set<String> own = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame);
                libraries.add(library(method));
                if (method.startsWith("org.creditdesk")) own.add(method);
            }
            libraries.forEach(l -> inclusiveLibrary.merge(l, 1, Integer::sum));
            own.forEach(m -> ownInclusive.merge(m, 1, Integer::sum));
            if (!frames.isEmpty()) {
                String self = name(frames.get(0));
                selfMethod.merge(self, 1, Integer::sum);
                selfLibrary.merge(library(self), 1, Integer::sum);
            }
        }
        System.out.printf("%s: %d CPU samples (jdk.ExecutionSample)%n", args[0], samples);
        print("library on the stack (inclusive)", inclusiveLibrary, samples, top);
        print("library on top of the stack (self)", selfLibrary, samples, top);
        print("method on top of the stack (self)", selfMethod, samples, top);
        print("CreditDesk method on the stack (inclusive)", ownInclusive, samples, top);
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String library(String method) {
        for (Map.Entry<String, String> e : LIBRARIES.entrySet()) {
            if (method.startsWith(e.getKey())) return e.getValue();
        }
        return "other";
    }

    static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.printf("%n%s%n", title);
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(samples, 1), e.getKey());
        }
    }
}
