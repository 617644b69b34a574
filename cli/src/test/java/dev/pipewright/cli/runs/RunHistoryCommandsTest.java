package dev.pipewright.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.cli.runs.RealRuns.Result;
import dev.pipewright.engine.run.RunHandle;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryCommandsTest {

    private static final String BUILD = """
            pipeline build {
              param tag: string = "v1"
              stage compile {
                uses = core.exec
                with { shell = "echo compiling; echo 'warning: unused'" }
              }
              stage test {
                uses = core.exec
                with { shell = "echo 'test 1 ok' >&2; echo 'test 2 FAILED' >&2; exit 4" }
              }
              stage package {
                uses = core.log
                with { message = "never" }
              }
            }
            """;
    private static final String HELLO = """
            pipeline hello {
              stage greet {
                uses = core.exec
                with { shell = "echo hello" }
              }
            }
            """;

    @TempDir
    static Path stateDir;

    private static String failed;
    private static String succeeded;

    @BeforeAll
    static void runTwoPipelines() throws Exception {
        failed = RealRuns.run(stateDir, BUILD);
        succeeded = RealRuns.run(stateDir, HELLO);
    }

    private Result pipewright(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--state-dir";
        all[args.length + 1] = stateDir.toString();
        return RealRuns.command(all);
    }

    @Test
    void runsListsTheRunsNewestFirstAsATable() {
        Result result = pipewright("runs");

        assertThat(result.exitCode()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).startsWith("RUN").contains("PIPELINE", "STATE", "PROGRESS", "STARTED", "DURATION", "ERROR");
        assertThat(lines[1]).startsWith(succeeded).contains("hello", "succeeded", "100%");
        assertThat(lines[2]).startsWith(failed).contains("build", "failed", "67%", "`sh -c echo 'test 1");
    }

    @Test
    void runsFiltersByPipelineStateAndCount() {
        assertThat(pipewright("runs", "--state", "failed").out()).contains(failed).doesNotContain(succeeded);
        assertThat(pipewright("runs", "--pipeline", "hello").out()).contains(succeeded).doesNotContain(failed);
        assertThat(pipewright("runs", "--last", "1").out().lines().count()).isEqualTo(2);
        assertThat(pipewright("runs", "--pipeline", "nothing").out()).isEqualTo("no runs match\n");
    }

    @Test
    void runsRejectsAnUnknownState() {
        Result result = pipewright("runs", "--state", "done");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown state `done`; a run is running, succeeded, failed, cancelled, interrupted");
    }

    @Test
    void showPrintsEachStageAndTheFailedStagesLastLines() {
        Result result = pipewright("show", failed);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("run       " + failed, "pipeline  build", "state     failed",
                "params    tag=v1");
        assertThat(result.out()).containsPattern("compile +succeeded +\\S+ +1");
        assertThat(result.out()).containsPattern("test +failed +\\S+ +1 +.*code 4");
        assertThat(result.out()).contains("last lines of test:\n  test 1 ok\n  test 2 FAILED\n");
        assertThat(result.out()).as("announced but never run").containsPattern("package +pending +- +0");
        assertThat(result.out()).doesNotContain("last lines of package");
    }

    @Test
    void showTakesAPipelineNameForItsLatestRunOrAPrefix() {
        assertThat(pipewright("show", "hello").out()).contains("run       " + succeeded);
        assertThat(pipewright("show", failed.substring(0, 22)).out()).contains("run       " + failed);
    }

    @Test
    void showOfAnUnknownRunIsAUsageError() {
        Result result = pipewright("show", "nothing-like-it");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("there is no run or pipeline `nothing-like-it`");
    }

    @Test
    void queryPrintsJsonShapedLikeTheSelection() {
        Result result = pipewright("query", "--compact",
                "pipeline(name: \"build\") { state currentStage stages { name status attempts } }");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("{\"pipeline\":{\"state\":\"failed\",\"currentStage\":null,\"stages\":["
                + "{\"name\":\"compile\",\"status\":\"succeeded\",\"attempts\":1},"
                + "{\"name\":\"test\",\"status\":\"failed\",\"attempts\":1},"
                + "{\"name\":\"package\",\"status\":\"pending\",\"attempts\":0}]}}\n");
    }

    @Test
    void queryErrorsExitTwoWithTheirPosition() {
        Result result = pipewright("query", "run(id: \"" + failed + "\") {\n  stages { nme }\n}");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("query:2:12: error: unknown field `nme` of a stage (did you mean `name`?)");
        assertThat(result.err()).contains("  stages { nme }\n             ^~~");
    }

    @Test
    void logsPrintsEveryStagesOutputOrOneStages() {
        assertThat(pipewright("logs", failed).out())
                .isEqualTo("[compile] compiling\n[compile] warning: unused\n[test] test 1 ok\n[test] test 2 FAILED\n");
        assertThat(pipewright("logs", failed, "test").out()).isEqualTo("test 1 ok\ntest 2 FAILED\n");
        Result unknown = pipewright("logs", failed, "deploy");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("has no stage `deploy`; its stages: compile, test");
    }

    @Test
    void logsFollowTailsALiveRunUntilItsFinalEvent() throws Exception {
        RunHandle slow = RealRuns.start(stateDir, """
                pipeline slow {
                  stage tick {
                    uses = core.exec
                    with { shell = "for i in 1 2 3; do echo tick $i; sleep 0.4; done" }
                  }
                  stage done { uses = core.log  with { message = "done" } }
                }
                """);

        CompletableFuture<Result> follow = CompletableFuture.supplyAsync(
                () -> pipewright("logs", slow.runId(), "--follow"));

        Result result = follow.get(60, TimeUnit.SECONDS);
        assertThat(slow.awaitOutcome(java.time.Duration.ZERO)).as("the run had ended when follow returned").isPresent();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("[tick] tick 1\n[tick] tick 2\n[tick] tick 3\n");
    }
}
