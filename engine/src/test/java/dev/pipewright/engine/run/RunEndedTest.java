package dev.pipewright.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.testing.TestRun;
import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins hear that a run ended, after its finally block, whatever the outcome. */
class RunEndedTest {

    @TempDir
    Path dir;

    /** Records each runEnded call together with whether the finally stage had run by then. */
    private static final class Recorder implements StagePlugin {
        final List<String> calls = new CopyOnWriteArrayList<>();
        TestRun run;

        @Override
        public String namespace() {
            return "recorder";
        }

        @Override
        public List<StageType> stageTypes() {
            return List.of();
        }

        @Override
        public void runEnded(String runId) {
            // Events reach listeners asynchronously; the file the finally stage writes does not.
            boolean finallyDone = java.nio.file.Files.exists(run.handle().runDirectory().root().resolve("tidy.done"));
            calls.add(runId + (finallyDone ? " after finally" : " before finally"));
        }
    }

    private List<String> runAndRecord(String body) throws Exception {
        Recorder recorder = new Recorder();
        TestRun run = new TestRun(dir).plugin(recorder);
        recorder.run = run;
        run.run("""
                pipeline p {
                  %s
                  finally { stage tidy { uses = core.exec  with { shell = "touch '${run.dir}/../tidy.done'" } } }
                }
                """.formatted(body));
        assertThat(recorder.calls).singleElement().asString().startsWith(run.handle().runId());
        return recorder.calls;
    }

    @Test
    void aSucceededRunIsReportedAfterItsFinallyBlock() throws Exception {
        assertThat(runAndRecord("stage ok { uses = core.log  with { message = \"hi\" } }"))
                .singleElement().asString().endsWith(" after finally");
    }

    @Test
    void aFailedRunIsReportedToo() throws Exception {
        assertThat(runAndRecord("stage broken { uses = core.fail  with { message = \"no\" } }"))
                .singleElement().asString().endsWith(" after finally");
    }

    @Test
    void aPluginThatThrowsIsReportedAndTheRunStillEnds() throws Exception {
        StagePlugin throwing = new StagePlugin() {
            @Override
            public String namespace() {
                return "throwing";
            }

            @Override
            public List<StageType> stageTypes() {
                return List.of();
            }

            @Override
            public void runEnded(String runId) {
                throw new IllegalStateException("engine gone");
            }
        };
        TestRun run = new TestRun(dir).plugin(throwing);

        RunOutcome outcome = run.run("pipeline p { stage ok { uses = core.log  with { message = \"hi\" } } }");

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.diagnostics()).contains("plugin `throwing` could not clean up after run").contains("engine gone");
    }
}
