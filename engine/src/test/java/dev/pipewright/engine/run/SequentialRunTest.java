package dev.pipewright.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.store.RunIds;
import dev.pipewright.engine.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequentialRunTest {

    @TempDir
    Path dir;

    @Test
    void stagesRunInOrderAndLaterStagesReadEarlierOutputs() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline chain {
                  param who: string = "world"
                  stage greet { uses = core.set  with { text = "hello ${params.who}" } }
                  stage shout { uses = core.exec  with { shell = "echo '${stages.greet.text}!'" } }
                  stage last  { uses = core.set  with { got = stages.shout.stdout, code = stages.shout.exit-code } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.exitCode()).isZero();
        assertThat(run.events(StageCompleted.class).stream().map(StageCompleted::stage))
                .containsExactly("greet", "shout", "last");
        assertThat(run.only(StageCompleted.class, "last").outputs())
                .containsEntry("got", "hello world!").containsEntry("code", 0L);
        assertThat(run.logLines("shout")).containsExactly("hello world!");
    }

    @Test
    void theEventLogHoldsEveryEventInDeliveryOrder() throws Exception {
        TestRun run = new TestRun(dir);
        run.run("""
                pipeline logged {
                  stage a { uses = core.log  with { message = "one" } }
                  stage b { uses = core.log  with { message = "two" } }
                }
                """);

        assertThat(run.eventLog()).containsExactlyElementsOf(run.events);
        assertThat(run.events.get(0)).isInstanceOf(RunEvent.PipelineStarted.class);
        assertThat(run.events.get(run.events.size() - 1)).isInstanceOf(RunEvent.PipelineCompleted.class);
        assertThat(run.events(RunEvent.StageStarted.class).stream().map(RunEvent.StageStarted::progress))
                .containsExactly(0.0, 0.5);
        assertThat(run.events(StageCompleted.class).stream().map(StageCompleted::progress)).containsExactly(0.5, 1.0);
    }

    @Test
    void theRunDirectoryLivesUnderTheStateDirectoryWithASortableId() throws Exception {
        TestRun run = new TestRun(dir);
        run.run("""
                pipeline where {
                  stage touch { uses = core.exec  with { shell = "echo hi > '${run.dir}/out.txt'" } }
                }
                """);

        RunHandle handle = run.handle();
        assertThat(RunIds.looksLikeRunId(handle.runId())).isTrue();
        assertThat(handle.runDirectory().root()).isEqualTo(dir.resolve(".pipewright/runs/" + handle.runId()));
        assertThat(Files.readString(handle.runDirectory().workDirectory().resolve("out.txt"))).isEqualTo("hi\n");
    }

    @Test
    void nullFallbackAndInterpolationUseLiveValues() throws Exception {
        TestRun run = new TestRun(dir).env("PW_TEST_COLOR", "blue");
        run.run("""
                pipeline values {
                  stage pick {
                    uses = core.set
                    with {
                      color   = env.PW_TEST_COLOR ?? "red"
                      missing = env.PW_TEST_NOT_SET ?? "fallback"
                      line    = "${pipeline.name} on ${env.PW_TEST_COLOR}"
                      same    = 1 == 1.0
                    }
                  }
                }
                """);

        assertThat(run.only(StageCompleted.class, "pick").outputs())
                .containsEntry("color", "blue").containsEntry("missing", "fallback")
                .containsEntry("line", "values on blue").containsEntry("same", true);
    }

    @Test
    void aFailingStageFailsTheRunAndLaterStagesDoNotRun() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline broken {
                  stage ok   { uses = core.log   with { message = "fine" } }
                  stage bad  { uses = core.exec  with { shell = "echo about to fail; exit 3" } }
                  stage next { uses = core.log   with { message = "never" } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.failedStage()).isEqualTo("bad");
        assertThat(outcome.error()).contains("exited with code 3").contains("about to fail");
        assertThat(run.events(RunEvent.StageStarted.class, "next")).isEmpty();
        RunEvent.PipelineFailed last = (RunEvent.PipelineFailed) run.events.get(run.events.size() - 1);
        assertThat(last.failedStage()).isEqualTo("bad");
        assertThat(last.metrics().stagesCompleted()).isEqualTo(1);
        assertThat(last.metrics().totalStages()).isEqualTo(3);
    }

    @Test
    void anOptionalFailureIsAWarningAndTheRunGoesOn() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline lenient {
                  stage flaky { uses = core.fail  optional = true  with { message = "not today" } }
                  stage after { uses = core.set  with { saw = stages.flaky.status } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.only(RunEvent.StageWarned.class, "flaky").error()).isEqualTo("not today");
        assertThat(run.events(RunEvent.StageFailed.class)).isEmpty();
        assertThat(run.only(StageCompleted.class, "after").outputs()).containsEntry("saw", "failed");
        RunEvent.PipelineCompleted last = (RunEvent.PipelineCompleted) run.events.get(run.events.size() - 1);
        assertThat(last.metrics().errors()).extracting(e -> e.stage() + ":" + e.optional()).containsExactly("flaky:true");
    }

    @Test
    void aSkippedStageCarriesTheConditionAndTheValuesItSaw() throws Exception {
        TestRun run = new TestRun(dir);
        run.run("""
                pipeline skipping {
                  param deploy: bool = false
                  stage check { uses = core.set  with { exists = true } }
                  stage pull {
                    uses = core.log
                    when = !stages.check.exists && params.deploy
                    with { message = "pulling" }
                  }
                  stage after { uses = core.set  with { status = stages.pull.status } }
                }
                """);

        assertThat(run.only(RunEvent.StageSkipped.class, "pull").reason())
                .isEqualTo("`!stages.check.exists && params.deploy` was false (stages.check.exists = true)");
        assertThat(run.events(RunEvent.StageStarted.class, "pull")).isEmpty();
        assertThat(run.only(StageCompleted.class, "after").outputs()).containsEntry("status", "skipped");
    }

    @Test
    void argumentsOfTheWrongTypeFailTheStageWithAClearMessage() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline typed {
                  param wait: string = "soon"
                  stage nap { uses = core.sleep  with { duration = params.wait } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.error()).contains("argument `duration` of `core.sleep` must be a duration, but it is string");
    }

    @Test
    void suppliedParametersOverrideDefaults() throws Exception {
        TestRun run = new TestRun(dir).param("names", List.of("a", "b"));
        run.run("""
                pipeline params {
                  param names: list = []
                  stage show { uses = core.set  with { first = "${params.names}" } }
                }
                """);

        assertThat(run.only(StageCompleted.class, "show").outputs()).containsEntry("first", "[\"a\", \"b\"]");
    }
}
