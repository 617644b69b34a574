package dev.pipewright.cli.runs;

import dev.pipewright.engine.store.RunStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state-dir}, shared by the commands that read the run store. */
public final class StateDirOption {

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where .pipewright/runs/<run-id>/ is kept (default: the current directory)")
    Path stateDirectory;

    public RunStore store() {
        return new RunStore(stateDirectory);
    }
}
