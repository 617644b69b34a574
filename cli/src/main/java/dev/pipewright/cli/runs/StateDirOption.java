package dev.pipewright.cli.runs;

import dev.pipewright.cli.LeanArguments;
import dev.pipewright.engine.store.RunStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state-dir}, shared by the commands that read the run store. */
public final class StateDirOption {

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where .pipewright/runs/<run-id>/ is kept (default: the current directory)")
    Path stateDirectory = Path.of(".");

    /** Takes {@code --state-dir} from arguments the lean start read. */
    void read(LeanArguments arguments) {
        arguments.value("--state-dir").map(Path::of).ifPresent(directory -> stateDirectory = directory);
    }

    public RunStore store() {
        return new RunStore(stateDirectory);
    }
}
