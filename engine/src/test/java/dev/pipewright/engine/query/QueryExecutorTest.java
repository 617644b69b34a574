package dev.pipewright.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.engine.store.RunStore;
import dev.pipewright.engine.store.SyntheticRuns;
import dev.pipewright.engine.store.SyntheticRuns.Ending;
import dev.pipewright.grammar.query.QueryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryExecutorTest {

    private static final long OWN_PID = ProcessHandle.current().pid();
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String OLD = "20261128-100000-000-aaaa";
    private static final String FAILED = "20261128-110000-000-bbbb";
    private static final String RUNNING = "20261128-120000-000-cccc";
    private static final String OTHER = "20261128-130000-000-dddd";

    @TempDir
    Path stateDir;

    /** The running run must start after this JVM did, or its pid would belong to "another process". */
    private final Instant runningSince = Instant.now();
    private QueryExecutor executor;

    @BeforeEach
    void storeRuns() {
        SyntheticRuns.store(stateDir, OLD, SyntheticRuns.habitatBuild(OLD, T0, Ending.SUCCEEDED, OWN_PID, "localhost"));
        SyntheticRuns.store(stateDir, FAILED, SyntheticRuns.habitatBuild(FAILED, T0.plusSeconds(3600), Ending.FAILED,
                OWN_PID, "localhost"));
        // Written by this very process, which lives: a run in progress.
        SyntheticRuns.store(stateDir, RUNNING, SyntheticRuns.habitatBuild(RUNNING, runningSince, Ending.NONE,
                OWN_PID, "localhost"));
        SyntheticRuns.store(stateDir, OTHER, SyntheticRuns.habitatBuild(OTHER, "deploy", T0.plusSeconds(10800),
                Ending.CANCELLED, OWN_PID, "localhost", 2));
        Clock clock = Clock.fixed(runningSince.plusSeconds(10), ZoneOffset.UTC);
        executor = new QueryExecutor(new RunStore(stateDir), clock);
    }

    private JsonNode query(String text) {
        return executor.execute(text);
    }

    private String error(String text) {
        try {
            executor.execute(text);
        } catch (QueryException e) {
            return e.render();
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void theSeedsQueryAnswersTheLatestRunShapedLikeTheSelection() throws Exception {
        JsonNode answer = query(
                "pipeline(name: \"habitat-build\") { state progress currentStage stages { name status duration } }");

        JsonNode expected = new ObjectMapper().readTree("""
                {"pipeline": {"state": "running", "progress": 0.286, "currentStage": "clone-repositories",
                  "stages": [
                    {"name": "check-base-image", "status": "succeeded", "duration": 45},
                    {"name": "pull-base-image", "status": "succeeded", "duration": 6210},
                    {"name": "clone-repositories", "status": "running", "duration": 3650},
                    {"name": "lint", "status": "pending", "duration": null},
                    {"name": "audit", "status": "pending", "duration": null},
                    {"name": "verify-image", "status": "pending", "duration": null},
                    {"name": "cleanup", "status": "pending", "duration": null}]}}
                """);
        assertThat(answer.toString()).isEqualTo(expected.toString());
        assertThat(fieldNames(answer.get("pipeline"))).containsExactly("state", "progress", "currentStage", "stages");
        assertThat(fieldNames(answer.get("pipeline").get("stages").get(0))).containsExactly("name", "status", "duration");
    }

    @Test
    void fieldsComeInTheOrderSelected() {
        JsonNode run = query("run(id: \"" + OLD + "\") { state id }").get("run");
        assertThat(fieldNames(run)).containsExactly("state", "id");
    }

    @Test
    void pipelineWithRunAnswersThatRun() {
        JsonNode run = query("pipeline(name: \"habitat-build\", run: \"" + OLD + "\") { id state }").get("pipeline");
        assertThat(run.get("id").asText()).isEqualTo(OLD);
        assertThat(run.get("state").asText()).isEqualTo("succeeded");
    }

    @Test
    void everyRunField() {
        JsonNode run = query("run(id: \"" + FAILED + "\") { id pipeline state progress currentStage started finished"
                + " duration params error }").get("run");

        assertThat(run.get("id").asText()).isEqualTo(FAILED);
        assertThat(run.get("pipeline").asText()).isEqualTo("habitat-build");
        assertThat(run.get("state").asText()).isEqualTo("failed");
        assertThat(run.get("progress").asDouble()).as("every stage ended").isEqualTo(1.0);
        assertThat(run.get("currentStage").isNull()).isTrue();
        assertThat(run.get("started").asText()).isEqualTo("2026-11-28T11:00:00Z");
        assertThat(Instant.parse(run.get("finished").asText())).isAfter(T0.plusSeconds(3600));
        assertThat(run.get("duration").asLong()).isEqualTo(7565);
        assertThat(run.get("params").get("token").asText()).as("secrets stay masked").isEqualTo("***");
        assertThat(run.get("params").get("base-image").asText()).isEqualTo("local/busybox:test");
        assertThat(run.get("error").asText()).isEqualTo("stage verify-image failed: exit code 1");
    }

    @Test
    void aRunningRunsDurationIsTheTimeSoFar() {
        JsonNode run = query("run(id: \"" + RUNNING + "\") { duration finished }").get("run");
        assertThat(run.get("duration").asLong()).isEqualTo(10_000);
        assertThat(run.get("finished").isNull()).isTrue();
    }

    @Test
    void everyStageField() {
        JsonNode stages = query("run(id: \"" + FAILED + "\") { stages { name type status attempts progress started"
                + " finished duration error outputs logs } }").get("run").get("stages");

        JsonNode pull = stages.get(1);
        assertThat(pull.get("name").asText()).isEqualTo("pull-base-image");
        assertThat(pull.get("type").asText()).as("announced by pipeline:start").isEqualTo("docker.pull");
        assertThat(pull.get("status").asText()).isEqualTo("succeeded");
        assertThat(pull.get("attempts").asInt()).isEqualTo(2);
        assertThat(pull.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(pull.get("started").asText()).isEqualTo("2026-11-28T11:00:00.092Z");
        assertThat(pull.get("finished").asText()).isNotBlank();
        assertThat(pull.get("duration").asLong()).isEqualTo(6210);
        assertThat(pull.get("error").isNull()).isTrue();
        assertThat(pull.get("outputs").get("digest").asText()).isEqualTo("sha256:0123abcd");
        assertThat(pull.get("logs")).extracting(JsonNode::asText)
                .containsExactly("pull-base-image line 1", "pull-base-image line 2", "pull-base-image line 3");

        JsonNode verify = stages.get(5);
        assertThat(verify.get("status").asText()).isEqualTo("failed");
        assertThat(verify.get("error").asText()).isEqualTo("exit code 1");
    }

    @Test
    void logsLastKeepsTheLastLines() {
        JsonNode logs = query("run(id: \"" + FAILED + "\") { stages { logs(last: 2) } }")
                .get("run").get("stages").get(0).get("logs");
        assertThat(logs).extracting(JsonNode::asText).containsExactly("check-base-image line 2", "check-base-image line 3");
    }

    @Test
    void eventsFilteredByTypeAndFamilyAndCutToTheLast() {
        JsonNode events = query("run(id: \"" + FAILED + "\") { events(type: \"stage:retry\") { type stage attempt delay"
                + " error } }").get("run").get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).toString()).isEqualTo(
                "{\"type\":\"stage:retry\",\"stage\":\"pull-base-image\",\"attempt\":1,\"delay\":5000,"
                        + "\"error\":\"connection reset\"}");

        JsonNode pipelineEvents = query("run(id: \"" + FAILED + "\") { events(type: pipeline) { type } }")
                .get("run").get("events");
        assertThat(pipelineEvents).extracting(e -> e.get("type").asText())
                .containsExactly("pipeline:start", "pipeline:error");

        JsonNode last = query("run(id: \"" + FAILED + "\") { events(last: 1) { type failedStage duration metrics } }")
                .get("run").get("events");
        assertThat(last).hasSize(1);
        assertThat(last.get(0).get("failedStage").asText()).isEqualTo("verify-image");
        assertThat(last.get(0).get("metrics").get("totalStages").asInt()).isEqualTo(7);
    }

    @Test
    void everyEventFieldReadsAsNullWhereTheEventHasNone() {
        List<String> fields = QuerySchema.fields(QuerySchema.ObjectType.EVENT).stream()
                .map(QuerySchema.FieldSpec::name).toList();
        JsonNode events = query("run(id: \"" + FAILED + "\") { events { " + String.join(" ", fields) + " } }")
                .get("run").get("events");

        JsonNode start = events.get(0);
        assertThat(fieldNames(start)).containsExactlyElementsOf(fields);
        assertThat(start.get("type").asText()).isEqualTo("pipeline:start");
        assertThat(start.get("pid").asLong()).isEqualTo(OWN_PID);
        assertThat(start.get("host").asText()).isEqualTo("localhost");
        assertThat(start.get("totalStages").asInt()).isEqualTo(7);
        assertThat(start.get("stage").isNull()).isTrue();
        assertThat(start.get("line").isNull()).isTrue();
        List<String> kinds = new ArrayList<>();
        events.forEach(event -> kinds.add(event.get("type").asText()));
        assertThat(kinds).contains("stage:start", "stage:progress", "stage:log", "stage:retry", "stage:complete",
                "stage:error", "pipeline:error");
    }

    @Test
    void runsFiltersByPipelineAndStateNewestFirst() {
        assertThat(query("runs { id }").get("runs")).extracting(r -> r.get("id").asText())
                .containsExactly(OTHER, RUNNING, FAILED, OLD);
        assertThat(query("runs(pipeline: \"habitat-build\", last: 2) { id }").get("runs"))
                .extracting(r -> r.get("id").asText()).containsExactly(RUNNING, FAILED);
        assertThat(query("runs(state: cancelled) { id pipeline }").get("runs"))
                .extracting(r -> r.get("pipeline").asText()).containsExactly("deploy");
        assertThat(query("runs(state: \"succeeded\") { stages { name } }").get("runs").get(0).get("stages"))
                .as("fields beyond the summary load the run").hasSize(7);
    }

    @Test
    void severalRootFieldsInOneQuery() {
        JsonNode answer = query("run(id: \"" + OLD + "\") { state }  runs(last: 1) { id }");
        assertThat(fieldNames(answer)).containsExactly("run", "runs");
    }

    @Test
    void commentsAndNewlinesAreAllowed() {
        assertThat(query("# the latest\nrun(id: \"" + OLD + "\") {\n  state  # ok\n}").get("run").get("state").asText())
                .isEqualTo("succeeded");
    }

    @Test
    void anUnknownFieldNamesTheFieldsThatExistWithItsPosition() {
        assertThat(error("pipeline(name: \"habitat-build\") { stat }")).isEqualTo("""
                query:1:35: error: unknown field `stat` of a run (did you mean `state`?); its fields are `id`, \
                `pipeline`, `state`, `progress`, `currentStage`, `started`, `finished`, `duration`, `params`, `error`, \
                `stages`, `events`
                  pipeline(name: "habitat-build") { stat }
                                                    ^~~~""");
    }

    @Test
    void anUnknownStageFieldOnALaterLine() {
        assertThat(error("run(id: \"x\") {\n  stages {\n    name sttus\n  }\n}"))
                .startsWith("query:3:10: error: unknown field `sttus` of a stage (did you mean `status`?)")
                .contains("    name sttus\n           ^~~~~");
    }

    @Test
    void anUnknownRootField() {
        assertThat(error("pipelines { state }")).startsWith("query:1:1: error: unknown field `pipelines` of the query"
                + " root (did you mean `pipeline`?); its fields are `pipeline`, `run`, `runs`");
    }

    @Test
    void anUnknownEventField() {
        assertThat(error("run(id: \"x\") { events { kind } }"))
                .contains("unknown field `kind` of an event").contains("`type`, `time`");
    }

    @Test
    void anUnknownArgumentNamesTheArgumentsThatExist() {
        assertThat(error("pipeline(nme: \"habitat-build\") { state }"))
                .contains("query:1:10: error: unknown argument `nme` of `pipeline` (did you mean `name`?);"
                        + " its arguments are `name`, `run`")
                .contains("query:1:1: error: `pipeline` needs the argument `name`");
        assertThat(error("run(id: \"x\") { state(last: 1) }")).contains("`state` takes no arguments");
    }

    @Test
    void badArgumentValues() {
        assertThat(error("runs(last: \"3\") { id }")).contains("argument `last` of `runs` must be a positive integer, not \"3\"");
        assertThat(error("runs(last: 0) { id }")).contains("must be a positive integer, not 0");
        assertThat(error("run(id: 7) { id }")).contains("argument `id` of `run` must be a string, e.g. \"7\"");
        assertThat(error("runs(state: runing) { id }")).contains("unknown state runing (did you mean `running`?)");
        assertThat(error("run(id: \"x\") { events(type: \"stage:bogus\") { type } }"))
                .contains("unknown event type \"stage:bogus\"");
        assertThat(error("run(id: \"x\", id: \"y\") { id }")).contains("argument `id` is given twice");
    }

    @Test
    void selectionsMustMatchTheField() {
        assertThat(error("run(id: \"x\") { stages }"))
                .contains("`stages` needs a selection of fields in braces, e.g. `stages { name status }`");
        assertThat(error("run(id: \"x\") { state { name } }")).contains("`state` is a value and takes no selection");
        assertThat(error("run(id: \"x\") { stages { } }")).contains("the selection of `stages` is empty");
        assertThat(error("run(id: \"x\")")).contains("`run` needs a selection of fields in braces");
        assertThat(error("run(id: \"x\") { id id }")).contains("query:1:19: error: `id` is selected twice here");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        QueryException problem = org.junit.jupiter.api.Assertions.assertThrows(QueryException.class,
                () -> executor.execute("run(id: \"x\") { stat stages { nam } events(lst: 1) { type } }"));
        assertThat(problem.diagnostics()).hasSize(3);
    }

    @Test
    void syntaxErrorsSayWhatWasExpectedAndWhere() {
        assertThat(error("pipeline(name: \"habitat-build\") { state"))
                .startsWith("query:1:40: error: unexpected end of query: a `{` is still open; expected `}`");
        assertThat(error("pipeline(name \"habitat-build\") { state }"))
                .startsWith("query:1:15: error: unexpected `\"habitat-build\"`; expected `:`");
        assertThat(error("pipeline(name: \"habitat-build) { state }"))
                .startsWith("query:1:16: error: unterminated string");
        assertThat(error("run(id: \"x\") { state % }")).startsWith("query:1:22: error: unexpected character `%`");
        assertThat(error("")).startsWith("query:1:1: error: unexpected end of query; expected a name");
    }

    @Test
    void aPipelineWithoutRunsIsAnErrorWithAHint() {
        assertThat(error("pipeline(name: \"habitat-buld\") { state }"))
                .startsWith("query:1:1: error: pipeline `habitat-buld` has no runs (did you mean `habitat-build`?)");
        assertThat(error("pipeline(name: \"zzz\") { state }"))
                .contains("pipelines with runs: deploy, habitat-build");
        assertThat(error("run(id: \"nope\") { state }")).contains("there is no run `nope`");
        assertThat(error("pipeline(name: \"deploy\", run: \"" + OLD + "\") { state }"))
                .contains("pipeline `deploy` has no run `" + OLD + "`");
    }

    @Test
    void aUniqueIdPrefixIsEnough() {
        assertThat(query("run(id: \"20261128-10\") { id }").get("run").get("id").asText()).isEqualTo(OLD);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void queryExceptionRendersEachProblemWithItsLine() {
        assertThatThrownBy(() -> executor.execute("run(id: \"x\") { stat }"))
                .isInstanceOf(QueryException.class).hasMessageContaining("query:1:16");
    }
}
