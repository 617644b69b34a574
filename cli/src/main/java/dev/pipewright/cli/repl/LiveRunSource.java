package dev.pipewright.cli.repl;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.query.RunSource;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.engine.store.RunStore;
import java.util.List;
import java.util.Optional;

/**
 * The run store, with the runs this REPL started answered from their live state: fresher than
 * their log, and the same projection, so the answers agree.
 */
final class LiveRunSource implements RunSource {

    private final RunStore store;
    private final BackgroundRuns runs;

    LiveRunSource(RunStore store, BackgroundRuns runs) {
        this.store = store;
        this.runs = runs;
    }

    @Override
    public Optional<RunState> run(String id) {
        Optional<String> resolved = runs.find(id).map(BackgroundRuns.Started::runId).or(() -> store.resolve(id));
        return resolved.flatMap(runId -> runs.live(runId).or(() -> store.run(runId)));
    }

    @Override
    public Optional<RunState> latest(String pipeline) {
        return store.list(pipeline, null, 1).stream().findFirst().flatMap(summary -> run(summary.id()));
    }

    @Override
    public List<RunState> list(String pipeline, RunStatus state, int last) {
        return store.list(pipeline, null, Integer.MAX_VALUE).stream()
                .map(summary -> runs.live(summary.id()).orElse(summary))
                .filter(run -> state == null || run.state() == state)
                .limit(last)
                .toList();
    }

    @Override
    public List<RunEvent> events(String id) {
        return store.events(id);
    }

    @Override
    public List<String> pipelines() {
        return store.pipelines();
    }
}
