package dev.pipewright.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.testing.TestRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForEachAndNestingTest {

    @TempDir
    Path dir;

    @Test
    void forEachOutputsKeepElementOrderWhateverOrderTheyFinishIn() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline fan-out {
                  param items: list = [{ name = "slow", wait = "0.6" }, { name = "mid", wait = "0.3" }, { name = "fast", wait = "0" }]
                  stage each {
                    uses = core.exec
                    for-each = params.items
                    with { shell = "sleep ${item.wait}; echo ${item.name}; echo ${item.name} >> order.txt" }
                  }
                  stage after { uses = core.set  with { all = stages.each.stdout } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("order.txt"))).containsExactly("fast", "mid", "slow");
        assertThat(run.only(StageCompleted.class, "each").outputs())
                .containsEntry("stdout", List.of("slow", "mid", "fast"))
                .containsEntry("exit-code", List.of(0L, 0L, 0L));
        assertThat(run.only(StageCompleted.class, "after").outputs()).containsEntry("all", List.of("slow", "mid", "fast"));
        assertThat(run.logLines("each[0]")).containsExactly("slow");
        assertThat(run.logLines("each[2]")).containsExactly("fast");
    }

    @Test
    void forEachIsBoundedByMaxParallel() throws Exception {
        // One marker file per running element: counting them is exact, where a shared counter file
        // edited by concurrent `sed -i` could lose an update and show a third runner that never was.
        TestRun run = new TestRun(dir);
        run.run("""
                pipeline bounded {
                  max-parallel = 2
                  stage each {
                    uses = core.exec
                    for-each = [1, 2, 3, 4, 5, 6]
                    with { shell = "mkdir -p running; touch running/${item}; n=$(ls running | wc -l); echo $n >> seen; sleep 0.2; rm running/${item}" }
                  }
                }
                """);

        List<Integer> seen = java.nio.file.Files.readAllLines(dir.resolve("seen")).stream().map(String::strip)
                .map(Integer::valueOf).toList();
        assertThat(seen).hasSize(6).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    }

    @Test
    void aFailingElementFailsTheStageAndCancelsTheOthers() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline partly-broken {
                  stage each {
                    uses = core.exec
                    for-each = ["ok", "bad", "slow"]
                    with { shell = "if [ ${item} = bad ]; then exit 2; fi; if [ ${item} = slow ]; then sleep 60; fi" }
                  }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.failedStage()).isEqualTo("each");
        assertThat(outcome.error()).startsWith("1 of 3 elements failed; each[1]: ");
        assertThat(run.only(RunEvent.StageFailed.class, "each[2]").cancelled()).isTrue();
    }

    @Test
    void aCalledPipelineRunsNestedAndReturnsItsLastStagesOutputs() throws Exception {
        TestRun run = new TestRun(dir);
        run.write("sub.pipeline", """
                pipeline sub {
                  param who: string
                  stage hello { uses = core.log  with { message = "hello ${params.who}" } }
                  stage result { uses = core.set  with { greeting = "hi ${params.who}" } }
                }
                """);
        RunOutcome outcome = run.run("""
                pipeline caller {
                  stage call { uses = core.pipeline  with { file = "sub.pipeline", params = { who = "you" } } }
                  stage use { uses = core.set  with { got = stages.call.greeting } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.only(StageCompleted.class, "use").outputs()).containsEntry("got", "hi you");
        List<RunEvent> nested = run.events.stream().filter(e -> e.header().nested()).toList();
        assertThat(nested).extracting(RunEvent::type).containsExactly("pipeline:start", "stage:start", "stage:log",
                "stage:complete", "stage:start", "stage:complete", "pipeline:complete");
        assertThat(nested).allSatisfy(e -> {
            assertThat(e.header().parent()).isEqualTo("call");
            assertThat(e.pipeline()).isEqualTo("sub");
            assertThat(e.run()).isEqualTo(run.handle().runId());
        });
        RunEvent last = run.events.get(run.events.size() - 1);
        assertThat(last).isInstanceOf(RunEvent.PipelineCompleted.class);
        assertThat(last.header().nested()).isFalse();
    }

    @Test
    void aBrokenCalledPipelineFailsTheCallingStageWithItsDiagnostics() throws Exception {
        TestRun run = new TestRun(dir);
        run.write("broken.pipeline", "pipeline broken { stage x { uses = core.log ");
        RunOutcome outcome = run.run("""
                pipeline caller {
                  stage call { uses = core.pipeline  with { file = "broken.pipeline", params = {} } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.error()).contains("broken.pipeline:1:").contains("error:");
    }

    @Test
    void aCalledPipelinesFailureNamesItsStage() throws Exception {
        TestRun run = new TestRun(dir);
        run.write("failing.pipeline", """
                pipeline failing { stage boom { uses = core.fail  with { message = "kaboom" } } }
                """);
        RunOutcome outcome = run.run("""
                pipeline caller {
                  stage call { uses = core.pipeline  with { file = "failing.pipeline" } }
                }
                """);

        assertThat(outcome.error()).isEqualTo(
                "pipeline `failing` (" + dir.resolve("failing.pipeline") + ") failed at stage `boom`: kaboom");
        assertThat(run.events(RunEvent.PipelineFailed.class)).extracting(e -> e.header().parent())
                .containsExactly("call", null);
    }
}
