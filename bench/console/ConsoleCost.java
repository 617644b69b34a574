import dev.pipewright.cli.console.ConsoleStyle;
import dev.pipewright.cli.console.JsonConsole;
import dev.pipewright.cli.console.PlainConsole;
import dev.pipewright.cli.console.TtyConsole;
import dev.pipewright.engine.events.EventHeader;
import dev.pipewright.engine.events.Metrics;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import dev.pipewright.engine.store.EventLogWriter;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * What each console costs the run's event thread per event, next to its peer on that thread: the
 * event log writer (events.jsonl). Feeds N stage:log events (plus start and end) to each listener
 * alone, in-process, output to /dev/null; interleaved rounds, median ns/event.
 *
 *   java -cp cli/target/pipewright.jar bench/console/ConsoleCost.java [ROUNDS] [N...]
 */
public class ConsoleCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        Path log = Files.createTempFile("events", ".jsonl");
        Map<String, Supplier<RunListener>> listeners = new LinkedHashMap<>();
        listeners.put("events.jsonl", () -> new EventLogWriter(log));
        listeners.put("plain", () -> new PlainConsole(devNull(), ConsoleStyle.monochrome()));
        listeners.put("plain+colour", () -> new PlainConsole(devNull(), ConsoleStyle.colour()));
        listeners.put("json", () -> new JsonConsole(devNull()));
        listeners.put("tty", () -> {
            try {
                ExternalTerminal terminal = new ExternalTerminal("bench", "xterm-256color",
                        java.io.InputStream.nullInputStream(), new FileOutputStream("/dev/null"), StandardCharsets.UTF_8);
                terminal.setSize(new Size(120, 40));
                return new TtyConsole(terminal, ConsoleStyle.colour());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.printf("%-10s %-13s %12s %14s%n", "N", "listener", "ns/event", "vs events.jsonl");
        for (int n : sizes) {
            List<RunEvent> events = run(n);
            Map<String, List<Double>> results = new LinkedHashMap<>();
            for (int round = 0; round < rounds + 1; round++) {
                for (Map.Entry<String, Supplier<RunListener>> entry : listeners.entrySet()) {
                    RunListener listener = entry.getValue().get();
                    long start = System.nanoTime();
                    // In batches of 512 with endOfBatch() after each, as the run's event channel
                    // delivers a flood (the event log flushes there).
                    for (int i = 0; i < events.size(); i++) {
                        listener.onEvent(events.get(i));
                        if (i % 512 == 511 || i == events.size() - 1) {
                            listener.endOfBatch();
                        }
                    }
                    listener.close();
                    double perEvent = (System.nanoTime() - start) / (double) events.size();
                    if (round > 0) { // the first round warms the JIT up
                        results.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(perEvent);
                    }
                    Files.write(log, new byte[0]);
                }
            }
            double peer = median(results.get("events.jsonl"));
            results.forEach((name, values) -> System.out.printf("%-10d %-13s %12.0f %14.2f%n",
                    n, name, median(values), median(values) / peer));
        }
        Files.deleteIfExists(log);
    }

    private static PrintWriter devNull() {
        try {
            return new PrintWriter(new OutputStreamWriter(new FileOutputStream("/dev/null"), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<RunEvent> run(int lines) {
        List<RunEvent> events = new ArrayList<>(lines + 4);
        Instant now = Instant.now();
        EventHeader header = new EventHeader(now, "20261128-120000-000-bench", "logging", null);
        events.add(new RunEvent.PipelineStarted(header, 1, Map.of(), 1, "bench"));
        events.add(new RunEvent.StageStarted(header, "print", 0, 1, 0));
        for (int i = 1; i <= lines; i++) {
            events.add(new RunEvent.StageLogged(header, "print", "stdout", Integer.toString(i)));
        }
        events.add(new RunEvent.StageCompleted(header, "print", 0, Duration.ofSeconds(1), 1.0, Map.of()));
        events.add(new RunEvent.PipelineCompleted(header, Duration.ofSeconds(1), new Metrics(1, 1, List.of())));
        return events;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
