package dev.pipewright.cli.runs;

import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.store.RunStore;
import java.util.List;
import java.util.Optional;

/**
 * Finds the run a command names: a run id, a unique prefix of one, or a pipeline's name (its latest
 * run); otherwise an error that says what exists.
 */
final class RunLookup {

    private RunLookup() {
    }

    static RunState find(RunStore store, String name) throws RunNotFound {
        Optional<RunState> run = store.run(name);
        if (run.isPresent()) {
            return run.get();
        }
        Optional<RunState> latest = store.latest(name);
        if (latest.isPresent()) {
            return latest.get();
        }
        List<String> matches = store.ids().stream().filter(id -> id.startsWith(name)).limit(4).toList();
        if (matches.size() > 1) {
            throw new RunNotFound("`" + name + "` matches several runs (" + String.join(", ", matches)
                    + (matches.size() > 3 ? ", ..." : "") + "); give more of the id");
        }
        if (store.ids().isEmpty()) {
            throw new RunNotFound("there are no runs in " + store.runsRoot() + " (is --state-dir right?)");
        }
        throw new RunNotFound("there is no run or pipeline `" + name + "` in " + store.runsRoot()
                + "; `pipewright runs` lists the runs");
    }

    /** The named run does not exist; the message says what to do. */
    static final class RunNotFound extends Exception {
        private static final long serialVersionUID = 1L;

        RunNotFound(String message) {
            super(message);
        }
    }
}
