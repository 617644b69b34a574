package dev.pipewright.engine.run;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.expr.Bindings;
import dev.pipewright.engine.expr.Evaluator;
import dev.pipewright.engine.expr.ExpressionException;
import dev.pipewright.engine.expr.SourceText;
import dev.pipewright.engine.expr.Values;
import dev.pipewright.engine.resume.Decision;
import dev.pipewright.engine.resume.Fingerprint;
import dev.pipewright.engine.resume.ResumeSession;
import dev.pipewright.engine.resume.SnapshotUse;
import dev.pipewright.engine.resume.StageKey;
import dev.pipewright.engine.resume.TypeVersions;
import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.SnapshotRetention;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs one stage with LANGUAGE.md's settings: {@code when}, {@code for-each}, {@code retry} with
 * {@code backoff}, {@code timeout} per attempt, {@code optional}; and emits its events.
 */
final class StageRunner {

    private final Interpreter pipeline;
    private final StageSlot slot;
    private final Block.Stage stage;
    private final StageSettings settings;
    private final CancelScope parentScope;
    private final boolean optional;

    StageRunner(Interpreter pipeline, StageSlot slot, CancelScope parentScope) {
        this.pipeline = pipeline;
        this.slot = slot;
        this.stage = slot.stage;
        this.settings = slot.settings;
        this.parentScope = parentScope;
        this.optional = settings.optional();
    }

    /** Runs the stage, records how it ended and emits its final event. */
    StageResult runTopLevel() {
        Instant start = Instant.now();
        StageResult result;
        CancelReason before = parentScope.reason();
        if (before != null) {
            result = StageResult.cancelled(pipeline.mask("not started: " + before.message()));
        } else {
            try {
                Optional<String> skip = skipReason();
                if (skip.isPresent()) {
                    String reason = pipeline.mask(skip.get());
                    pipeline.recordEnd(slot, StageResult.skipped(), optional);
                    pipeline.emit(h -> new RunEvent.StageSkipped(h, slot.name(), reason));
                    return StageResult.skipped();
                }
                CancelScope stageScope = parentScope.child();
                try {
                    result = settings.forEach() != null ? runForEach(stageScope)
                            : runAttempts(slot.name(), RunBindings.NO_ITEM, stageScope);
                } finally {
                    stageScope.close();
                }
            } catch (ExpressionException e) {
                result = StageResult.failed(pipeline.mask("stage `" + slot.name() + "`: " + e.describe()), false);
            }
        }
        finish(slot.name(), result, Interpreter.since(start), true);
        return result;
    }

    /** Emits the event that ends a stage (or a for-each element, with {@code record} false). */
    private void finish(String name, StageResult result, Duration duration, boolean record) {
        double progress = record ? pipeline.recordEnd(slot, result, optional) : pipeline.progress();
        switch (result.status()) {
            case SUCCEEDED -> {
                Map<String, Object> outputs = pipeline.services().masker.maskMap(result.outputs());
                StageResult.Cached cached = result.cached();
                String fingerprint = result.fingerprint() == null ? null : result.fingerprint().hex();
                if (cached != null) {
                    pipeline.emit(h -> new RunEvent.StageCached(h, name, slot.index, cached.fromRun(),
                            cached.fromStage(), fingerprint, cached.saved(), progress, outputs));
                } else {
                    pipeline.emit(h -> new RunEvent.StageCompleted(h, name, slot.index, duration, progress, outputs,
                            fingerprint));
                }
                if (resumable() && result.fingerprint() != null) {
                    pipeline.services().resume.succeeded(StageKey.parse(name), result.fingerprint(), result.outputs());
                }
            }
            case FAILED -> {
                if (optional && record) {
                    pipeline.emit(h -> new RunEvent.StageWarned(h, name, result.error(),
                            "optional stage `" + name + "` failed; the pipeline goes on"));
                } else {
                    pipeline.emit(h -> new RunEvent.StageFailed(h, name, result.error(), duration, result.timedOut(),
                            false));
                }
            }
            case CANCELLED -> pipeline.emit(h -> new RunEvent.StageFailed(h, name, result.error(), duration, false, true));
            default -> throw new IllegalStateException("a stage cannot end " + result.status());
        }
    }

    /** Why the stage is skipped, when its {@code when} is false. */
    private Optional<String> skipReason() throws ExpressionException {
        Expr when = settings.when();
        if (when == null) {
            return Optional.empty();
        }
        Evaluator.Traced traced = Evaluator.evaluateTraced(when, bindings(RunBindings.NO_ITEM));
        if (!(traced.value() instanceof Boolean condition)) {
            throw new ExpressionException("`when` must be a bool, but it is " + Values.typeName(traced.value()),
                    when.span());
        }
        if (condition) {
            return Optional.empty();
        }
        String text = SourceText.of(pipeline.file().source(), when.span());
        String reason = "`" + (text == null ? "when" : text.strip()) + "` was false";
        if (!traced.seen().isEmpty()) {
            reason += " (" + traced.seen().entrySet().stream()
                    .map(e -> e.getKey() + " = " + Values.literal(e.getValue()))
                    .collect(Collectors.joining(", ")) + ")";
        }
        return Optional.of(reason);
    }

    private StageResult runForEach(CancelScope stageScope) throws ExpressionException {
        Expr expr = settings.forEach();
        Object value = Evaluator.evaluate(expr, bindings(RunBindings.NO_ITEM));
        if (!(value instanceof List<?> items)) {
            throw new ExpressionException("`for-each` needs a list, but it is " + Values.typeName(value), expr.span());
        }
        StageResult[] results = new StageResult[items.size()];
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            String name = slot.name() + "[" + i + "]";
            tasks.add(() -> {
                Instant start = Instant.now();
                StageResult result = runAttempts(name, items.get(index), stageScope);
                results[index] = result;
                finish(name, result, Interpreter.since(start), false);
                if (result.status() == StageStatus.FAILED && !optional) {
                    stageScope.cancel(new CancelReason(CancelReason.Kind.SIBLING_FAILED,
                            "cancelled because `" + name + "` failed"));
                }
            });
        }
        Bounded.runAll(pipeline.services().threads, tasks, pipeline.maxParallel());
        return aggregate(results);
    }

    /** One result for all elements: outputs become lists in element order. */
    private StageResult aggregate(StageResult[] results) {
        List<String> failures = new ArrayList<>();
        String cancelled = null;
        for (int i = 0; i < results.length; i++) {
            StageResult r = results[i];
            if (r.status() == StageStatus.FAILED) {
                failures.add(slot.name() + "[" + i + "]: " + r.error());
            } else if (r.status() == StageStatus.CANCELLED && cancelled == null) {
                cancelled = r.error();
            }
        }
        if (!failures.isEmpty()) {
            return StageResult.failed(failures.size() + " of " + results.length + " elements failed; "
                    + String.join("; ", failures), false);
        }
        if (cancelled != null) {
            return StageResult.cancelled(cancelled);
        }
        Set<String> names = new LinkedHashSet<>();
        pipeline.services().catalog.schema(settings.uses() == null ? "" : settings.uses()).ifPresent(
                schema -> schema.outputs().forEach(o -> names.add(o.name())));
        for (StageResult r : results) {
            names.addAll(r.outputs().keySet());
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (String name : names) {
            List<Object> list = new ArrayList<>(results.length);
            for (StageResult r : results) {
                list.add(r.outputs().get(name));
            }
            outputs.put(name, Collections.unmodifiableList(list));
        }
        StageResult whole = StageResult.succeeded(Collections.unmodifiableMap(outputs));
        List<Fingerprint> elements = new ArrayList<>(results.length);
        for (StageResult r : results) {
            elements.add(r.fingerprint());
        }
        return elements.contains(null) ? whole : whole.withFingerprint(ResumeSession.combine(elements));
    }

    /** Attempts, with retries and backoff, until one succeeds, none is left, or the scope is cancelled. */
    private StageResult runAttempts(String name, Object item, CancelScope scope) {
        String uses = settings.usesOrUnknown();
        Optional<StageType> found = pipeline.services().catalog.find(uses);
        if (found.isEmpty()) {
            return StageResult.failed("stage `" + name + "` uses `" + uses + "`, which no installed plugin provides", false);
        }
        StageType type = found.get();
        int retries;
        Duration timeout;
        Duration backoff;
        try {
            retries = (int) longSetting("retry", settings.retry(), 0);
            timeout = durationSetting("timeout", settings.timeout(), null);
            backoff = durationSetting("backoff", settings.backoff(), Backoff.DEFAULT_FIRST);
        } catch (ExpressionException e) {
            return StageResult.failed(pipeline.mask("stage `" + name + "`: " + e.describe()), false);
        }
        Map<String, Object> reads = new LinkedHashMap<>();
        Arguments firstArguments;
        try {
            firstArguments = arguments(type, name, item, reads);
        } catch (ExpressionException e) {
            return StageResult.failed(pipeline.mask("stage `" + name + "`: " + e.describe()), false);
        }
        ResumeSession.Call call = null;
        if (resumable() && scope.reason() == null) {
            call = pipeline.services().resume.begin(StageKey.parse(name), type, uses, TypeVersions.of(type),
                    cacheSetting(), firstArguments.asMap(), reads, new ReuseView(name, uses, firstArguments));
            if (call.decision() instanceof Decision.Reuse reuse) {
                return StageResult.reused(call.reusedOutputs(), call.fingerprint(), new StageResult.Cached(
                        reuse.source().run(), reuse.source().key().toString(), reuse.source().duration()));
            }
        }
        String snapshot = null;
        if (call != null && call.snapshot() != null) {
            Optional<Arguments> restarted = type.fromSnapshot(firstArguments, call.snapshot().image());
            if (restarted.isPresent()) {
                firstArguments = restarted.get();
                snapshot = call.snapshot().image();
                pipeline.services().resume.startedFromSnapshot(call);
            }
        }
        for (int attempt = 1; ; attempt++) {
            CancelReason cancelled = scope.reason();
            if (cancelled != null) {
                return StageResult.cancelled(pipeline.mask(cancelled.message()));
            }
            Arguments arguments;
            try {
                arguments = attempt == 1 ? firstArguments : arguments(type, name, item, new LinkedHashMap<>());
                if (attempt > 1 && snapshot != null) {
                    arguments = type.fromSnapshot(arguments, snapshot).orElse(arguments);
                }
            } catch (ExpressionException e) {
                return StageResult.failed(pipeline.mask("stage `" + name + "`: " + e.describe()), false);
            }
            CancelScope attemptScope = scope.child();
            int number = attempt;
            double progress = pipeline.progress();
            pipeline.emit(h -> new RunEvent.StageStarted(h, name, slot.index, number, progress));
            AttemptRunner.Outcome outcome;
            try {
                outcome = AttemptRunner.run(pipeline.services(), type,
                        new AttemptContext(pipeline, name, uses, attempt, arguments, attemptScope), attemptScope, timeout);
            } catch (InterruptedException e) {
                // Nobody interrupts the engine's own threads; treat it like a cancelled run.
                Thread.currentThread().interrupt();
                return StageResult.cancelled("stage `" + name + "` was interrupted");
            } finally {
                attemptScope.close();
            }
            if (outcome.succeeded()) {
                Map<String, Object> outputs = outcome.outputs();
                if (snapshotSetting()) {
                    try {
                        outputs = withSnapshot(type, uses, name, arguments, outputs, call);
                    } catch (StageFailure e) {
                        return StageResult.failed(pipeline.mask("stage `" + name + "`: " + e.getMessage()), false);
                    }
                }
                StageResult result = StageResult.succeeded(outputs);
                return call == null ? result : result.withFingerprint(call.fingerprint());
            }
            String error = pipeline.mask(outcome.error());
            if (outcome.cancelled() != null) {
                return StageResult.cancelled(error);
            }
            if (!outcome.retryable() || attempt > retries || scope.isCancelled()) {
                return StageResult.failed(error, outcome.timedOut());
            }
            Duration delay = Backoff.delay(backoff, attempt);
            pipeline.emit(h -> new RunEvent.StageRetrying(h, name, number, delay, error));
            if (sleep(scope, delay)) {
                return StageResult.cancelled(pipeline.mask(scope.reason().message()));
            }
        }
    }

    /** @return whether the scope was cancelled while waiting */
    private static boolean sleep(CancelScope scope, Duration delay) {
        try {
            scope.signal().get(delay.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** The {@code with} map evaluated now, checked against the schema, defaults filled in. */
    private Arguments arguments(StageType type, String name, Object item, Map<String, Object> reads)
            throws ExpressionException {
        StageSchema schema = type.schema();
        Expr.MapLit with = settings.with();
        RunBindings bindings = bindings(item);
        // What the arguments read of earlier stages is part of the call's fingerprint.
        Bindings recording = ref -> {
            Object value = bindings.resolve(ref);
            if (ref.root().equals("stages")) {
                reads.put(ref.dotted(), value);
            }
            return value;
        };
        Map<String, Object> written = with != null ? Evaluator.evaluateMap(with, recording) : Map.of();
        // Copied only when a default is added (Arguments makes its own copy anyway).
        Map<String, Object> values = written;
        for (StageSchema.Parameter parameter : schema.parameters()) {
            Object value = values.get(parameter.name());
            if (value == null && parameter.defaultValue() != null) {
                if (values == written) {
                    values = new LinkedHashMap<>(written);
                }
                values.put(parameter.name(), parameter.defaultValue());
            } else if (value == null && parameter.required()) {
                throw new ExpressionException("argument `" + parameter.name() + "` of `" + settings.usesOrUnknown()
                        + "` is required but " + (values.containsKey(parameter.name()) ? "is null" : "missing"),
                        stage.span());
            } else if (!parameter.type().accepts(value)) {
                throw new ExpressionException("argument `" + parameter.name() + "` of `" + settings.usesOrUnknown()
                        + "` must be a " + parameter.type() + ", but it is " + Values.typeName(value),
                        (with != null ? with.span() : stage.span()));
            }
        }
        if (!schema.openArguments()) {
            for (String key : values.keySet()) {
                if (schema.parameter(key).isEmpty()) {
                    throw new ExpressionException("`" + settings.usesOrUnknown() + "` has no argument `" + key + "`",
                            (with != null ? with.span() : stage.span()));
                }
            }
        }
        return new Arguments(values);
    }

    /** Only the run's own stages resume; those of pipelines called by {@code core.pipeline} always run. */
    private boolean resumable() {
        return pipeline.isTopLevel();
    }

    /** Whether the stage says {@code snapshot = true}. */
    private boolean snapshotSetting() {
        return settings.snapshot();
    }

    /** The outputs with the snapshot the stage type took of what the call changed ({@code snapshot}). */
    private Map<String, Object> withSnapshot(StageType type, String uses, String name, Arguments arguments,
            Map<String, Object> outputs, ResumeSession.Call call) throws StageFailure {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SnapshotRetention.RUN_LABEL, pipeline.services().runId);
        labels.put(SnapshotRetention.STAGE_LABEL, name);
        // `pipewright gc` judges a snapshot against the runs of its own state directory only.
        labels.put(SnapshotUse.STATE_DIRECTORY_LABEL,
                pipeline.services().directory.stateDirectory().toAbsolutePath().normalize().toString());
        if (call != null) {
            labels.put("pipewright.fingerprint", call.fingerprint().hex());
        }
        String image = type.snapshot(arguments, labels)
                .orElseThrow(() -> StageFailure.permanent("`snapshot = true`, but " + uses + " cannot take snapshots"));
        Map<String, Object> with = new LinkedHashMap<>(outputs);
        with.put("snapshot", image);
        return with;
    }

    /** The stage's {@code cache} setting; null when it has none. */
    private Boolean cacheSetting() {
        return settings.cache();
    }

    /** The stage call as {@code StageType.checkReusable} sees it. */
    private final class ReuseView implements ReuseContext {
        private final String name;
        private final String uses;
        private final Arguments arguments;

        ReuseView(String name, String uses, Arguments arguments) {
            this.name = name;
            this.uses = uses;
            this.arguments = arguments;
        }

        public String stageName() {
            return name;
        }

        public String stageType() {
            return uses;
        }

        public String runId() {
            return pipeline.services().runId;
        }

        public Arguments arguments() {
            return arguments;
        }

        public Path runDirectory() {
            return pipeline.services().directory.workDirectory();
        }

        public Path baseDirectory() {
            return pipeline.baseDirectory();
        }
    }

    private RunBindings bindings(Object item) {
        return new RunBindings(pipeline, item);
    }

    private long longSetting(String key, Expr expr, long otherwise) throws ExpressionException {
        if (expr == null) {
            return otherwise;
        }
        Object value = Evaluator.evaluate(expr, bindings(RunBindings.NO_ITEM));
        if (value instanceof Long l) {
            return l;
        }
        throw new ExpressionException("`" + key + "` must be an int, but it is " + Values.typeName(value), expr.span());
    }

    private Duration durationSetting(String key, Expr expr, Duration otherwise) throws ExpressionException {
        if (expr == null) {
            return otherwise;
        }
        Object value = Evaluator.evaluate(expr, bindings(RunBindings.NO_ITEM));
        if (value instanceof Duration d) {
            return d;
        }
        throw new ExpressionException("`" + key + "` must be a duration, but it is " + Values.typeName(value),
                expr.span());
    }
}
