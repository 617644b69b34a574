package dev.pipewright.engine.resume;

import dev.pipewright.engine.store.RunDirectory;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * Resuming and caching for one run: the interpreter asks {@link #begin} before it starts a stage
 * call and reports each success with {@link #succeeded}. It fingerprints every call, records it
 * in {@code fingerprints.jsonl}, and decides with {@link ResumeDecider} against the run it
 * compares with (loaded only when a call may reuse something). Thread-safe: stages of a
 * {@code parallel} block and {@code for-each} elements call it concurrently.
 */
public final class ResumeSession implements AutoCloseable {

    private final ResumeOptions options;
    private final Path stateDirectory;
    private final RunDirectory directory;
    private final String pipeline;
    private final Fingerprinter fingerprinter;
    private final FingerprintLog log;
    /** Where lines of the fingerprint log are written: the run's event dispatcher, off the stages' threads. */
    private final Executor logWriter;
    /** Fingerprints of the stages that have succeeded, by name: what later stages read came from them. */
    private final Map<String, Fingerprint> producers = new ConcurrentHashMap<>();
    private Optional<PreviousRun> previous;
    /**
     * Stages started again from a snapshot, by name: until the stage that took the snapshot is
     * decided, reads of their outputs are fingerprinted as the earlier run's outputs (the new
     * container stands for the old one), so the stages the snapshot holds are reused.
     */
    private final Map<String, Alias> aliases = new ConcurrentHashMap<>();

    private record Alias(Map<String, Object> earlier, StageKey until, String snapshot) {
    }

    private ResumeSession(ResumeOptions options, Path stateDirectory, RunDirectory directory, String pipeline,
            UnaryOperator<String> masker, Executor logWriter) {
        this.options = options;
        this.stateDirectory = stateDirectory;
        this.directory = directory;
        this.pipeline = pipeline;
        this.fingerprinter = new Fingerprinter(FingerprintSalt.of(stateDirectory), masker,
                RunPlaceholders.of(directory.workDirectory(), directory.runId()));
        this.log = FingerprintLog.append(directory.root());
        this.logWriter = Objects.requireNonNull(logWriter, "logWriter is null");
    }

    /**
     * Opens the session of a run that starts now. When resuming, the resumed run's work directory
     * is copied into this run's, so files its reused stages made are there.
     *
     * @param logWriter runs the writes of {@code fingerprints.jsonl}, in order ({@code Runnable::run}
     *     writes them at once); it must have run them all before {@link #close}
     * @throws IllegalArgumentException when the run to resume does not exist or ran another pipeline
     */
    public static ResumeSession open(ResumeOptions options, Path stateDirectory, RunDirectory directory,
            String pipeline, UnaryOperator<String> masker, Executor logWriter) {
        Objects.requireNonNull(options, "options is null");
        Path state = stateDirectory.toAbsolutePath().normalize();
        ResumeSession session = new ResumeSession(options, state, directory, pipeline, masker, logWriter);
        try {
            if (options.resuming()) {
                session.previous = Optional.ofNullable(session.resumed());
                if (session.previous.isPresent()) {
                    session.copyWorkDirectory(session.previous.get().id());
                }
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /**
     * Checks, before a run directory is made, that the run to resume exists and ran the same
     * pipeline.
     *
     * @throws IllegalArgumentException saying what is wrong and what to do
     */
    public static void validate(ResumeOptions options, Path stateDirectory, String pipeline) {
        String id = options.run();
        if (id == null) {
            return;
        }
        Path state = stateDirectory.toAbsolutePath().normalize();
        if (!RunHistory.exists(state, id)) {
            throw new IllegalArgumentException("cannot resume run " + id + ": there is no such run under "
                    + RunDirectory.runsRoot(state) + " (`pipewright runs` lists them)");
        }
        String ran = RunHistory.pipelineOf(state, id).orElse("?");
        if (!ran.equals(pipeline)) {
            throw new IllegalArgumentException("cannot resume run " + id + ": it ran pipeline `" + ran
                    + "`, not `" + pipeline + "`");
        }
    }

    private PreviousRun resumed() {
        validate(options, stateDirectory, pipeline);
        // Nothing to resume is not an error: the first run of a pipeline may say --resume too.
        String id = options.run() != null ? options.run()
                : RunHistory.latest(stateDirectory, pipeline, directory.runId()).orElse(null);
        return id == null ? null : RunHistory.load(stateDirectory, id);
    }

    /** The run to compare with; loaded on first use, since most runs of impure stages never need it. */
    private synchronized Optional<PreviousRun> previous() {
        if (previous == null) {
            previous = options.mode() == ResumeOptions.Mode.OFF ? Optional.empty()
                    : RunHistory.latest(stateDirectory, pipeline, directory.runId())
                            .map(run -> RunHistory.load(stateDirectory, run));
        }
        return previous;
    }

    /** The id of the run this one compares with, when it has one and has loaded it. */
    public synchronized Optional<String> comparedWith() {
        return previous == null ? Optional.empty() : previous.map(PreviousRun::id);
    }

    /**
     * What was decided for a stage call, and its fingerprint.
     *
     * @param snapshot when the call must run again: the last snapshot of the resumed run taken of
     *     what its outputs named, to start from ({@link StageType#fromSnapshot}); else null
     */
    public record Call(StageKey key, Fingerprint fingerprint, Decision decision, Map<String, Object> reusedOutputs,
            Snapshot snapshot) {
    }

    /**
     * A snapshot of the resumed run that a call may start again from.
     *
     * @param image the snapshot's id
     * @param taker the stage call that took it
     * @param earlier the call's own record in the resumed run (its outputs are what the taker read)
     */
    public record Snapshot(String image, StageRecord taker, StageRecord earlier) {
    }

    /**
     * Says that {@code call} started again from its {@link Call#snapshot}: the stages up to the one
     * that took it are decided as if they read the earlier outputs.
     */
    public void startedFromSnapshot(Call call) {
        Snapshot snapshot = call.snapshot();
        aliases.put(call.key().stage(), new Alias(snapshot.earlier().outputs(), snapshot.taker().key(), snapshot.image()));
    }

    /**
     * Fingerprints a stage call about to start, decides whether an earlier result stands in for
     * it, and records both.
     *
     * @param key the call
     * @param type its stage type
     * @param qualifiedType {@code docker.build}
     * @param typeVersion the version of the plugin that provides it; empty when unknown
     * @param cacheSetting the stage's {@code cache} setting; null when it has none
     * @param arguments its evaluated arguments
     * @param reads the {@code stages.X.Y} values the arguments read, by reference
     * @param context the call as {@link StageType#checkReusable} sees it
     */
    public Call begin(StageKey key, StageType type, String qualifiedType, String typeVersion, Boolean cacheSetting,
            Map<String, Object> arguments, Map<String, Object> reads, ReuseContext context) {
        Map<String, UpstreamValue> upstream = new LinkedHashMap<>();
        Map<String, String> standIns = new LinkedHashMap<>();
        reads.forEach((reference, value) -> {
            Object read = aliased(reference, value);
            if (value instanceof String now && read instanceof String earlier && !now.equals(earlier)) {
                standIns.put(now, earlier);
            }
            upstream.put(reference, new UpstreamValue(read, producers.get(stageOf(reference))));
        });
        // The arguments hold the new container's id too (`container = stages.start.container`).
        Map<String, Object> fingerprinted = standIns.isEmpty() ? arguments : replaced(arguments, standIns);
        FingerprintInputs inputs = fingerprinter.inputs(qualifiedType, typeVersion, fingerprinted, upstream);
        Fingerprint fingerprint = inputs.fingerprint();
        CachePolicy policy = new CachePolicy(cacheSetting, type.pure(), options.resuming());
        Optional<PreviousRun> compared = policy.applies() || policy.disabled() ? previous() : Optional.empty();
        Map<String, Map<String, Object>> relocated = new ConcurrentHashMap<>();
        Decision decision = ResumeDecider.decide(key, inputs, policy, compared, record -> {
            Map<String, Object> outputs = restore(type.schema(), relocate(record));
            relocated.put(record.key().toString(), outputs);
            return check(type, outputs, context);
        });
        Alias ending = aliases.isEmpty() ? null
                : aliases.values().stream().filter(alias -> alias.until().equals(key)).findFirst().orElse(null);
        if (ending != null) {
            aliases.values().remove(ending);
            if (decision instanceof Decision.Reuse reuse) {
                decision = new Decision.Reuse(reuse.source(), ending.snapshot());
            }
        }
        CallRecord record = CallRecord.of(key, inputs, decision);
        logWriter.execute(() -> log.write(record));
        Map<String, Object> reused = decision instanceof Decision.Reuse reuse
                ? relocated.get(reuse.source().key().toString())
                : null;
        Snapshot snapshot = decision instanceof Decision.RunAgain && compared.isPresent()
                ? lastSnapshot(key, compared.get())
                : null;
        return new Call(key, fingerprint, decision, reused, snapshot);
    }

    /** {@code arguments} with each text of {@code standIns}' keys replaced by its value. */
    private static Map<String, Object> replaced(Map<String, Object> arguments, Map<String, String> standIns) {
        Map<String, Object> copy = new LinkedHashMap<>();
        arguments.forEach((name, value) -> copy.put(name, replaced(value, standIns)));
        return copy;
    }

    private static Object replaced(Object value, Map<String, String> standIns) {
        if (value instanceof String text) {
            for (Map.Entry<String, String> standIn : standIns.entrySet()) {
                text = text.replace(standIn.getKey(), standIn.getValue());
            }
            return text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), replaced(v, standIns)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> replaced(item, standIns)).toList();
        }
        return value;
    }

    /** The earlier output a read stands for while its stage runs from a snapshot; else the value read. */
    private Object aliased(String reference, Object value) {
        String stage = stageOf(reference);
        Alias alias = aliases.get(stage);
        if (alias == null) {
            return value;
        }
        Object earlier = alias.earlier().get(reference.substring(("stages." + stage + ".").length()));
        return earlier == null ? value : earlier;
    }

    /**
     * The last snapshot {@code run} took of what the call {@code key} made: of a succeeded stage
     * that read its outputs and said {@code snapshot = true}.
     */
    private static Snapshot lastSnapshot(StageKey key, PreviousRun run) {
        Optional<StageRecord> earlier = run.record(key);
        if (key.isElement() || earlier.isEmpty() || earlier.get().status() != StageStatus.SUCCEEDED) {
            return null;
        }
        String prefix = "stages." + key.stage() + ".";
        Snapshot last = null;
        for (StageRecord record : run.records()) {
            if (record.status() == StageStatus.SUCCEEDED && record.outputs().get("snapshot") instanceof String image
                    && record.inputs() != null
                    && record.inputs().reads().stream().anyMatch(read -> read.name().startsWith(prefix))) {
                last = new Snapshot(image, record, earlier.get());
            }
        }
        return last;
    }

    private static Optional<String> check(StageType type, Map<String, Object> outputs, ReuseContext context) {
        try {
            return Objects.requireNonNullElse(type.checkReusable(outputs, context), Optional.empty());
        } catch (RuntimeException e) {
            return Optional.of("checking it failed: " + e.getMessage());
        }
    }

    /** Reports that a call (or a whole {@code for-each} stage) succeeded, or was reused. */
    public void succeeded(StageKey key, Fingerprint fingerprint, Map<String, Object> outputs) {
        if (!key.isElement()) {
            producers.put(key.stage(), fingerprint);
        }
        if (fingerprinter.holdsSecret(outputs)) {
            logWriter.execute(() -> log.secretOutputs(key));
        }
    }

    /** The fingerprint of a whole {@code for-each} stage: of its elements', in order. */
    public static Fingerprint combine(List<Fingerprint> elements) {
        StringBuilder text = new StringBuilder("pipewright/for-each/1\n");
        elements.forEach(fingerprint -> text.append(fingerprint == null ? "-" : fingerprint.hex()).append('\n'));
        return Fingerprint.of(CanonicalForm.sha256().digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String stageOf(String reference) {
        // stages.NAME.OUTPUT...
        int start = reference.indexOf('.') + 1;
        int end = reference.indexOf('.', start);
        return end < 0 ? reference.substring(start) : reference.substring(start, end);
    }

    /**
     * The outputs of an earlier call as this run sees them. When resuming, the earlier run's work
     * directory was copied into this run's, so paths into it are moved here.
     */
    private Map<String, Object> relocate(StageRecord record) {
        if (!options.resuming() || !record.run().equals(previous.map(PreviousRun::id).orElse(null))) {
            return record.outputs();
        }
        RunDirectory earlier = RunDirectory.of(stateDirectory, record.run());
        RunPlaceholders from = RunPlaceholders.of(earlier.workDirectory(), earlier.runId());
        RunPlaceholders to = RunPlaceholders.of(directory.workDirectory(), directory.runId());
        @SuppressWarnings("unchecked")
        Map<String, Object> moved = (Map<String, Object>) relocate(record.outputs(), from, to);
        return moved;
    }

    private static Object relocate(Object value, RunPlaceholders from, RunPlaceholders to) {
        if (value instanceof String s) {
            return to.expand(from.apply(s));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), relocate(v, from, to)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(relocate(item, from, to)));
            return copy;
        }
        return value;
    }

    /** The event log keeps durations as milliseconds; outputs the schema types as durations get their type back. */
    private static Map<String, Object> restore(StageSchema schema, Map<String, Object> outputs) {
        Map<String, Object> restored = new LinkedHashMap<>(outputs);
        for (StageSchema.Output output : schema.outputs()) {
            if (output.type() == ValueType.DURATION && restored.get(output.name()) instanceof Number millis) {
                restored.put(output.name(), Duration.ofMillis(millis.longValue()));
            }
        }
        return restored;
    }

    private void copyWorkDirectory(String runId) {
        Path from = RunDirectory.of(stateDirectory, runId).workDirectory();
        Path to = directory.workDirectory();
        if (!Files.isDirectory(from)) {
            return;
        }
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the work directory of run " + runId + " to " + to + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
