package dev.pipewright.engine.resume.bench;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.EventHeader;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.resume.FingerprintInputs;
import dev.pipewright.engine.resume.Fingerprinter;
import dev.pipewright.engine.resume.ResumeOptions;
import dev.pipewright.engine.resume.ResumeSession;
import dev.pipewright.engine.resume.RunPlaceholders;
import dev.pipewright.engine.resume.StageKey;
import dev.pipewright.engine.resume.UpstreamValue;
import dev.pipewright.engine.store.RunDirectory;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost resuming adds to every stage call, against what the engine already pays for it: the
 * JSON line of its {@code stage:complete} event, with the same values. Run by
 * {@code bench/resume/fingerprint.sh}; the figures are in bench/README.md ("Resume").
 *
 * <p>{@code arguments} scales the call: that many arguments (strings, a list, a map in turn) and a
 * tenth as many upstream reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FingerprintBenchmark {

    @Param({"1", "10", "100"})
    int arguments;

    private Map<String, Object> args;
    private Map<String, UpstreamValue> reads;
    private Map<String, Object> readValues;
    private Fingerprinter fingerprinter;
    private RunEvent.StageCompleted completed;
    private Path state;
    private ResumeSession session;
    private int calls;

    private static final StageType TYPE = new StageType() {
        public String name() {
            return "bench";
        }

        public StageSchema schema() {
            return StageSchema.builder("bench").openArguments().build();
        }

        public Map<String, Object> run(StageContext context) {
            return Map.of();
        }
    };

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        args = new LinkedHashMap<>();
        for (int i = 0; i < arguments; i++) {
            args.put("arg-" + i, switch (i % 3) {
                case 0 -> "sh -c 'make -j4 target-" + i + " && echo done " + i + "'";
                case 1 -> List.of("a-" + i, "b-" + i, "c-" + i, (long) i);
                default -> Map.of("key-" + i, "value-" + i, "timeout", Duration.ofSeconds(i), "flag", true);
            });
        }
        reads = new LinkedHashMap<>();
        readValues = new LinkedHashMap<>();
        for (int i = 0; i < Math.max(1, arguments / 10); i++) {
            String value = "sha256:" + "0123456789abcdef".repeat(4);
            reads.put("stages.upstream-" + i + ".id", new UpstreamValue(value, null));
            readValues.put("stages.upstream-" + i + ".id", value);
        }
        state = Files.createTempDirectory("fingerprint-bench");
        fingerprinter = new Fingerprinter(new byte[32], text -> text, RunPlaceholders.of(state.resolve("work"), "r1"));
        completed = new RunEvent.StageCompleted(new EventHeader(Instant.now(), "r1", "bench", null), "stage", 3,
                Duration.ofMillis(1234), 0.5, args, "0".repeat(64));
        RunDirectory directory = RunDirectory.create(state);
        session = ResumeSession.open(ResumeOptions.OFF, state, directory, "bench", text -> text, Runnable::run);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        session.close();
        try (var files = Files.walk(state)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The peer: the line the event log writes for every completed stage anyway. */
    @Benchmark
    public String eventLine() {
        return EventCodec.encode(completed);
    }

    /** The fingerprint alone: the canonical form of every argument and read, one SHA-256 over it, a digest per input. */
    @Benchmark
    public Object fingerprint() {
        FingerprintInputs inputs = fingerprinter.inputs("core.exec", "1.0", args, reads);
        return inputs.fingerprint();
    }

    /** All resuming adds to a stage call: fingerprint, decision, and its line in fingerprints.jsonl (flushed). */
    @Benchmark
    public Object sessionBegin() {
        return session.begin(new StageKey("stage", calls++), TYPE, "core.exec", "1.0", null, args, readValues, CONTEXT);
    }

    private static final ReuseContext CONTEXT = new ReuseContext() {
        public String stageName() {
            return "stage";
        }

        public String stageType() {
            return "core.exec";
        }

        public String runId() {
            return "r1";
        }

        public Arguments arguments() {
            return new Arguments(Map.of());
        }

        public Path runDirectory() {
            return Path.of(".");
        }

        public Path baseDirectory() {
            return Path.of(".");
        }
    };

}
