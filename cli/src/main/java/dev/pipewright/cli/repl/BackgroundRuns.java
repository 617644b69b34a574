package dev.pipewright.cli.repl;

import dev.pipewright.cli.RunPreparation;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.run.PipelineRunner;
import dev.pipewright.engine.run.RunHandle;
import dev.pipewright.engine.state.LiveRunState;
import dev.pipewright.engine.state.RunState;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The runs this REPL started: each runs in the background with a {@link LiveRunState} that
 * queries read, and announces its end through {@code onEnd}.
 */
final class BackgroundRuns {

    /** One run started here. */
    record Started(String runId, String pipeline, RunHandle handle, LiveRunState live) {
        boolean running() {
            return !live.ended();
        }
    }

    private final StageCatalog catalog;
    private final Path stateDirectory;
    private final Consumer<RunState> onEnd;
    private final Map<String, Started> runs = new ConcurrentHashMap<>();
    private final PipelineRunner runner = new PipelineRunner();

    BackgroundRuns(StageCatalog catalog, Path stateDirectory, Consumer<RunState> onEnd) {
        this.catalog = catalog;
        this.stateDirectory = stateDirectory;
        this.onEnd = onEnd;
    }

    /** Checks the file and starts it; returns at once. */
    Started start(Path file, List<String> assignments) throws RunPreparation.NotRunnable {
        RunPreparation.Prepared prepared = RunPreparation.prepare(file, assignments, catalog, stateDirectory);
        LiveRunState live = new LiveRunState();
        RunListener announcer = new RunListener() {
            @Override
            public void onEvent(RunEvent event) {
                // The end is announced from close(), once the log writer has flushed the final event.
            }

            @Override
            public void close() {
                RunState state = live.snapshot();
                if (state != null) {
                    onEnd.accept(state);
                }
            }
        };
        // Problems outside the run (a listener that threw) must not scribble over the prompt.
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunHandle handle;
        try {
            handle = runner.start(prepared.request().withListeners(List.of(live, announcer)).withDiagnostics(quiet));
        } catch (IllegalArgumentException e) {
            throw new RunPreparation.NotRunnable(e.getMessage());
        }
        Started started = new Started(handle.runId(), prepared.pipeline(), handle, live);
        runs.put(handle.runId(), started);
        return started;
    }

    Optional<Started> find(String idOrPrefix) {
        Started exact = runs.get(idOrPrefix);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<Started> matches = runs.values().stream().filter(r -> r.runId().startsWith(idOrPrefix)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** The live state of a run started here, if it was. */
    Optional<RunState> live(String runId) {
        return Optional.ofNullable(runs.get(runId)).map(r -> r.live().snapshot());
    }

    List<Started> running() {
        List<Started> running = new ArrayList<>();
        runs.values().forEach(run -> {
            if (run.running()) {
                running.add(run);
            }
        });
        running.sort((a, b) -> a.runId().compareTo(b.runId()));
        return running;
    }

    List<Started> all() {
        return List.copyOf(runs.values());
    }

    /** Cancels every running run and waits a bounded time for their {@code finally} blocks. */
    void cancelAll(String reason, Duration grace) throws InterruptedException {
        List<Started> running = running();
        running.forEach(run -> run.handle().cancel(reason));
        for (Started run : running) {
            run.handle().awaitOutcome(grace);
        }
    }
}
