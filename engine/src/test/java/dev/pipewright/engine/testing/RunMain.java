package dev.pipewright.engine.testing;

import dev.pipewright.engine.run.RunHandle;
import java.nio.file.Path;

/** Runs a pipeline in a JVM of its own, so a test can kill that JVM: {@code RunMain STATE_DIR FILE}. */
public final class RunMain {

    private RunMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        TestRun run = new TestRun(directory);
        RunHandle handle = run.start(java.nio.file.Files.readString(Path.of(args[1])));
        System.out.println(handle.runDirectory().eventsFile());
        System.out.flush();
        handle.awaitOutcome();
    }
}
