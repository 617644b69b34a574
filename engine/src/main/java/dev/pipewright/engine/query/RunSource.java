package dev.pipewright.engine.query;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import java.util.List;
import java.util.Optional;

/**
 * Where queries find runs: the run store, optionally overlaid with the live state of runs started
 * in this process (the REPL).
 */
public interface RunSource {

    /** One run, fully projected; empty when there is no such run. */
    Optional<RunState> run(String id);

    /** The newest run of a pipeline. */
    Optional<RunState> latest(String pipeline);

    /**
     * Runs newest first, filtered (null means any). The states returned may be summaries: their
     * {@code stages} and {@code params} are empty; {@link #run} gives the whole run.
     */
    List<RunState> list(String pipeline, RunStatus state, int last);

    /** The run's events in order, as its log holds them. */
    List<RunEvent> events(String id);

    /** The names of the pipelines that have runs, for hints. */
    List<String> pipelines();
}
