package dev.pipewright.engine.run;

import dev.pipewright.engine.events.EventHeader;
import dev.pipewright.engine.events.Metrics;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.expr.Evaluator;
import dev.pipewright.engine.expr.ExpressionException;
import dev.pipewright.engine.expr.SecretReferences;
import dev.pipewright.engine.expr.Values;
import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Finally;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.spi.StageFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Walks one pipeline: its body in order, then its {@code finally} block, and says how it ended.
 * The top-level pipeline of a run and each pipeline called by {@code core.pipeline} get one each;
 * they share the run's {@link RunServices}. Stage semantics live in {@link StageRunner}.
 */
final class Interpreter {

    /** The bound of parallel blocks without {@code max} and of for-each, when the pipeline sets no {@code max-parallel}. */
    static final int DEFAULT_MAX_PARALLEL = 8;

    private final RunServices services;
    private final PipelineFile file;
    private final Pipeline pipeline;
    private final String parent;
    private final Path baseDirectory;
    private final Map<String, Object> paramValues;
    private final Map<String, StageSlot> slots = new HashMap<>();
    /** Every stage with its type, in index order, as {@code pipeline:start} announces them. */
    private final List<RunEvent.PlannedStage> plan;
    private final List<StageSlot> bodySlots = new ArrayList<>();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final List<Metrics.StageError> errors = Collections.synchronizedList(new ArrayList<>());
    /** Cancelled by the pipeline's timeout, a cancelled run, or the calling attempt. */
    private final CancelScope bodyScope;
    /** Cancelled only when the run is abandoned (a second cancel) or the calling attempt is. */
    private final CancelScope finallyScope;

    /** The first non-optional failure of the body, then of finally. */
    private volatile StageSlot failedSlot;
    private volatile String failure;

    Interpreter(RunServices services, PipelineFile file, Map<String, Object> suppliedParams, String parent,
            CancelScope bodyScope, CancelScope finallyScope) throws ExpressionException {
        this.services = services;
        this.file = file;
        this.pipeline = file.pipeline();
        this.parent = parent;
        this.bodyScope = bodyScope;
        this.finallyScope = finallyScope;
        Path path = Path.of(file.path()).toAbsolutePath().normalize();
        this.baseDirectory = path.getParent() == null ? Path.of("").toAbsolutePath() : path.getParent();
        int index = 0;
        for (Block block : pipeline.body()) {
            List<Block.Stage> stages = block instanceof Block.Parallel p ? p.stages() : List.of((Block.Stage) block);
            for (Block.Stage stage : stages) {
                StageSlot slot = new StageSlot(stage, index++);
                slots.put(slot.name(), slot);
                bodySlots.add(slot);
            }
        }
        for (Block.Stage stage : pipeline.finallyBlock().map(Finally::stages).orElse(List.of())) {
            StageSlot slot = new StageSlot(stage, index++);
            slots.put(slot.name(), slot);
        }
        this.plan = slots.values().stream().sorted(java.util.Comparator.comparingInt(s -> s.index))
                .map(s -> new RunEvent.PlannedStage(s.name(), s.settings.uses())).toList();
        for (String secret : SecretReferences.in(pipeline)) {
            services.masker.register(services.env.get(secret));
        }
        this.paramValues = resolveParams(suppliedParams);
    }

    private Map<String, Object> resolveParams(Map<String, Object> supplied) throws ExpressionException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : pipeline.params()) {
            String name = param.name().value();
            if (supplied.containsKey(name)) {
                values.put(name, supplied.get(name));
            } else if (param.defaultValue().isPresent()) {
                values.put(name, Evaluator.evaluate(param.defaultValue().get(), new RunBindings(this, RunBindings.NO_ITEM)));
            } else {
                throw new ExpressionException("parameter `" + name + "` of pipeline `" + name() + "` is required: give it "
                        + "a value (-p " + name + "=VALUE)", param.span());
            }
        }
        return Collections.unmodifiableMap(values);
    }

    // ---- what stages and bindings read ----

    RunServices services() {
        return services;
    }

    String name() {
        return pipeline.name().value();
    }

    Map<String, Object> params() {
        return paramValues;
    }

    Path baseDirectory() {
        return baseDirectory;
    }

    PipelineFile file() {
        return file;
    }

    /** Whether this is the run's own pipeline, not one called by {@code core.pipeline}. */
    boolean isTopLevel() {
        return parent == null;
    }

    StageSlot slot(String name) {
        return slots.get(name);
    }

    int totalStages() {
        return slots.size();
    }

    String mask(String text) {
        return services.masker.mask(text);
    }

    /** Publishes an event built on a fresh header; masking is the builder's job. */
    void emit(Function<EventHeader, RunEvent> event) {
        services.channel.publish(event.apply(new EventHeader(Instant.now(), services.runId, name(), parent)));
    }

    /** Time since {@code start}, in whole milliseconds as events carry it, so events read back equal. */
    static Duration since(Instant start) {
        return Duration.ofMillis(Duration.between(start, Instant.now()).toMillis());
    }

    /** The share of stages that have ended, 0..1. */
    double progress() {
        int total = totalStages();
        return total == 0 ? 1.0 : (double) ended.get() / total;
    }

    /** Records how a stage ended and returns the progress including it. */
    double recordEnd(StageSlot slot, StageResult result, boolean optional) {
        slot.finish(result);
        if (result.status() == StageStatus.SUCCEEDED) {
            succeeded.incrementAndGet();
        }
        if (result.status() == StageStatus.FAILED) {
            errors.add(new Metrics.StageError(slot.name(), result.error(), optional));
            if (!optional && failedSlot == null) {
                synchronized (this) {
                    if (failedSlot == null) {
                        failedSlot = slot;
                        failure = result.error();
                    }
                }
            }
        }
        if (result.status().ended()) {
            ended.incrementAndGet();
        }
        return progress();
    }

    // ---- the walk ----

    /** How a pipeline ended. */
    record Ending(RunStatus status, String error, String failedStage, Map<String, Object> lastOutputs) {
    }

    /** Runs the pipeline and emits its events, from {@code pipeline:start} to its final event. */
    Ending run() {
        Instant start = Instant.now();
        emit(h -> new RunEvent.PipelineStarted(h, totalStages(), services.masker.maskMap(paramValues),
                ProcessHandle.current().pid(), Host.name(), plan));
        ScheduledFuture<?> timeout = scheduleTimeout();
        try {
            for (Block block : pipeline.body()) {
                if (failedSlot != null || bodyScope.isCancelled()) {
                    break;
                }
                if (block instanceof Block.Stage stage) {
                    new StageRunner(this, slots.get(stage.name().value()), bodyScope).runTopLevel();
                } else {
                    runParallel((Block.Parallel) block);
                }
            }
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
        CancelReason bodyCancel = bodyScope.reason();
        boolean bodyFailed = failedSlot != null;
        for (Block.Stage stage : pipeline.finallyBlock().map(Finally::stages).orElse(List.of())) {
            new StageRunner(this, slots.get(stage.name().value()), finallyScope).runTopLevel();
        }
        Duration duration = Interpreter.since(start);
        Metrics metrics = new Metrics(succeeded.get(), totalStages(), List.copyOf(errors));
        Map<String, Object> lastOutputs = lastOutputs();
        if (bodyCancel != null && bodyCancel.kind() == CancelReason.Kind.RUN_CANCELLED) {
            String reason = mask(bodyCancel.message());
            emit(h -> new RunEvent.PipelineCancelled(h, reason, duration, metrics));
            return new Ending(RunStatus.CANCELLED, reason, null, lastOutputs);
        }
        if (bodyCancel != null && !bodyFailed) {
            String error = mask(bodyCancel.message());
            emit(h -> new RunEvent.PipelineFailed(h, error, null, duration, metrics));
            return new Ending(RunStatus.FAILED, error, null, lastOutputs);
        }
        StageSlot failed = failedSlot;
        if (failed != null) {
            String error = failure;
            emit(h -> new RunEvent.PipelineFailed(h, error, failed.name(), duration, metrics));
            return new Ending(RunStatus.FAILED, error, failed.name(), lastOutputs);
        }
        emit(h -> new RunEvent.PipelineCompleted(h, duration, metrics));
        return new Ending(RunStatus.SUCCEEDED, null, null, lastOutputs);
    }

    private ScheduledFuture<?> scheduleTimeout() {
        Duration limit = durationSetting("timeout");
        if (limit == null) {
            return null;
        }
        String message = "pipeline `" + name() + "` timed out after " + Values.duration(limit);
        return services.timers.schedule(
                () -> bodyScope.cancel(new CancelReason(CancelReason.Kind.PIPELINE_TIMEOUT, message)),
                limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Duration durationSetting(String key) {
        return pipeline.setting(key).filter(Expr.DurationLit.class::isInstance)
                .map(e -> ((Expr.DurationLit) e).value()).orElse(null);
    }

    /** {@code max-parallel}, or 8 when the pipeline does not say. */
    int maxParallel() {
        return pipeline.setting("max-parallel").filter(Expr.NumberLit.class::isInstance)
                .map(e -> ((Expr.NumberLit) e).value().intValue()).filter(n -> n > 0).orElse(DEFAULT_MAX_PARALLEL);
    }

    private void runParallel(Block.Parallel block) {
        int max = block.setting("max").filter(Expr.NumberLit.class::isInstance)
                .map(e -> ((Expr.NumberLit) e).value().intValue()).filter(n -> n > 0).orElse(maxParallel());
        CancelScope blockScope = bodyScope.child();
        try {
            List<Runnable> branches = new ArrayList<>();
            for (Block.Stage stage : block.stages()) {
                StageSlot slot = slots.get(stage.name().value());
                branches.add(() -> {
                    StageResult result = new StageRunner(this, slot, blockScope).runTopLevel();
                    if (result.status() == StageStatus.FAILED && !slot.settings.optional()) {
                        blockScope.cancel(new CancelReason(CancelReason.Kind.SIBLING_FAILED,
                                "cancelled because stage `" + slot.name() + "` in parallel block `"
                                        + block.name().value() + "` failed"));
                    }
                });
            }
            Bounded.runAll(services.threads, branches, max);
        } finally {
            blockScope.close();
        }
    }

    /** The outputs of the body's last stage as written, when it succeeded; what {@code core.pipeline} returns. */
    private Map<String, Object> lastOutputs() {
        if (bodySlots.isEmpty()) {
            return Map.of();
        }
        StageResult last = bodySlots.get(bodySlots.size() - 1).result();
        return last == null || last.status() != StageStatus.SUCCEEDED ? Map.of() : last.outputs();
    }

    /** What {@link AttemptContext#runPipeline} does. */
    Map<String, Object> runNested(Path file, Map<String, Object> params, String callingStage, CancelScope attemptScope)
            throws StageFailure, InterruptedException {
        PipelineFile nested;
        try {
            nested = services.loader.load(file);
        } catch (PipelineLoader.LoadException e) {
            throw StageFailure.permanent(mask(e.getMessage()));
        }
        String nestedParent = parent == null ? callingStage : parent + "/" + callingStage;
        CancelScope body = attemptScope.child();
        CancelScope fin = attemptScope.child();
        try {
            Interpreter interpreter;
            try {
                interpreter = new Interpreter(services, nested, params == null ? Map.of() : params, nestedParent, body, fin);
            } catch (ExpressionException e) {
                throw StageFailure.permanent(mask(e.describe()));
            }
            Ending ending = interpreter.run();
            if (ending.status() == RunStatus.SUCCEEDED) {
                return ending.lastOutputs();
            }
            if (attemptScope.isCancelled()) {
                throw new InterruptedException("cancelled");
            }
            throw StageFailure.permanent("pipeline `" + nested.pipeline().name().value() + "` (" + file + ") failed"
                    + (ending.failedStage() == null ? "" : " at stage `" + ending.failedStage() + "`") + ": "
                    + ending.error());
        } finally {
            body.close();
            fin.close();
        }
    }
}
