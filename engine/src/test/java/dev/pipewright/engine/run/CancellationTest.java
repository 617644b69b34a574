package dev.pipewright.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.events.RunEvent.StageFailed;
import dev.pipewright.engine.testing.Pids;
import dev.pipewright.engine.testing.TestRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancellationTest {

    /**
     * A shell with a child it waits for and an orphaned grandchild (its parent subshell exits at
     * once, so only the process group still ties it to the stage).
     */
    private static final String TREE = "( sleep 301 & echo $! > orphan.pid ); sleep 302 & echo $! > child.pid; "
            + "echo $$ > shell.pid; echo started; wait";

    @TempDir
    Path dir;

    @Test
    void timeoutKillsTheProcessTree() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline hanging {
                  stage hang { uses = core.exec  timeout = 1s  with { shell = "%s" } }
                }
                """.formatted(TREE));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        StageFailed failed = run.only(StageFailed.class, "hang");
        assertThat(failed.timedOut()).isTrue();
        assertThat(failed.error()).isEqualTo("stage `hang` timed out after 1s");
        long shell = Pids.read(dir.resolve("shell.pid"));
        assertThat(run.logLines("hang")).as("what was stopped is recorded")
                .anyMatch(line -> line.startsWith("pipewright: cancelled: killed process " + shell));
        Pids.awaitGone(Pids.read(dir.resolve("shell.pid")), Pids.read(dir.resolve("child.pid")),
                Pids.read(dir.resolve("orphan.pid")));
    }

    @Test
    void finallyRunsAfterAFailure() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline failing {
                  stage bad { uses = core.fail  with { message = "broken build" } }
                  finally {
                    stage cleanup { uses = core.log  with { message = "bad was ${stages.bad.status}" } }
                  }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.error()).isEqualTo("broken build");
        assertThat(run.logLines("cleanup")).containsExactly("bad was failed");
    }

    @Test
    void finallyRunsAfterATimeoutAndItsFailureDoesNotHideTheBodys() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline timing-out {
                  stage slow { uses = core.sleep  timeout = 200ms  with { duration = 1m } }
                  finally {
                    stage broken-cleanup { uses = core.fail  with { message = "cleanup failed too" } }
                    stage report { uses = core.log  with { message = "slow: ${stages.slow.status}" } }
                  }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.failedStage()).isEqualTo("slow");
        assertThat(outcome.error()).contains("timed out after 200ms");
        assertThat(run.only(StageFailed.class, "broken-cleanup").error()).isEqualTo("cleanup failed too");
        assertThat(run.logLines("report")).containsExactly("slow: failed");
    }

    @Test
    void aFailureInFinallyFailsAnOtherwiseSuccessfulRun() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline cleanup-fails {
                  stage ok { uses = core.log  with { message = "fine" } }
                  finally { stage cleanup { uses = core.fail  with { message = "could not clean" } } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.failedStage()).isEqualTo("cleanup");
    }

    @Test
    void aFailingParallelStageCancelsItsSiblings() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline racing {
                  parallel checks {
                    stage long-running { uses = core.exec  with { shell = "%s" } }
                    stage failing { uses = core.exec  with { shell = "while [ ! -e shell.pid ]; do sleep 0.05; done; exit 4" } }
                  }
                  stage after { uses = core.log  with { message = "never" } }
                }
                """.formatted(TREE));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.failedStage()).isEqualTo("failing");
        StageFailed sibling = run.only(StageFailed.class, "long-running");
        assertThat(sibling.cancelled()).isTrue();
        assertThat(sibling.error()).isEqualTo("cancelled because stage `failing` in parallel block `checks` failed");
        assertThat(run.events(RunEvent.StageStarted.class, "after")).isEmpty();
        Pids.awaitGone(Pids.read(dir.resolve("shell.pid")), Pids.read(dir.resolve("child.pid")),
                Pids.read(dir.resolve("orphan.pid")));
    }

    @Test
    void anOptionalParallelFailureLeavesSiblingsRunning() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline tolerant {
                  parallel checks {
                    stage slow { uses = core.exec  with { shell = "sleep 0.5; echo done" } }
                    stage flaky { uses = core.fail  optional = true }
                  }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.only(StageCompleted.class, "slow").outputs()).containsEntry("stdout", "done");
    }

    @Test
    void cancellingTheRunStopsTheStageThenRunsFinally() throws Exception {
        TestRun run = new TestRun(dir);
        RunHandle handle = run.start("""
                pipeline interrupted {
                  stage hang { uses = core.exec  with { shell = "%s" } }
                  stage next { uses = core.log  with { message = "never" } }
                  finally { stage cleanup { uses = core.log  with { message = "hang: ${stages.hang.status}" } } }
                }
                """.formatted(TREE));
        Pids.awaitFile(dir.resolve("shell.pid"));
        handle.cancel("interrupted (SIGINT)");
        RunOutcome outcome = handle.awaitOutcome();

        assertThat(outcome.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(outcome.exitCode()).isEqualTo(130);
        assertThat(run.only(StageFailed.class, "hang").cancelled()).isTrue();
        assertThat(run.events(RunEvent.StageStarted.class, "next")).isEmpty();
        assertThat(run.logLines("cleanup")).containsExactly("hang: cancelled");
        assertThat(run.events.get(run.events.size() - 1)).isInstanceOfSatisfying(RunEvent.PipelineCancelled.class,
                e -> assertThat(e.reason()).isEqualTo("interrupted (SIGINT)"));
        Pids.awaitGone(Pids.read(dir.resolve("shell.pid")), Pids.read(dir.resolve("child.pid")),
                Pids.read(dir.resolve("orphan.pid")));
    }

    @Test
    void thePipelineTimeoutFailsTheRunAndStillRunsFinally() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline bounded {
                  timeout = 300ms
                  stage slow { uses = core.sleep  with { duration = 1m } }
                  finally { stage cleanup { uses = core.log  with { message = "cleaning" } } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.error()).isEqualTo("pipeline `bounded` timed out after 300ms");
        assertThat(run.only(StageFailed.class, "slow").cancelled()).isTrue();
        assertThat(run.logLines("cleanup")).containsExactly("cleaning");
    }
}
