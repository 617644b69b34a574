package dev.pipewright.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.engine.state.StageStatus;
import dev.pipewright.engine.store.SyntheticRuns.Ending;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    private static final long OWN_PID = ProcessHandle.current().pid();
    private static final String HOST = "localhost";

    @TempDir
    Path stateDir;

    private String store(String id, Ending ending) {
        return store(id, "habitat-build", ending);
    }

    private String store(String id, String pipeline, Ending ending) {
        SyntheticRuns.store(stateDir, id, SyntheticRuns.habitatBuild(id, pipeline, Instant.now(), ending, OWN_PID,
                HOST, 3));
        return id;
    }

    @Test
    void listsRunsNewestFirstFilteredByPipelineAndState() {
        store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        store("20261128-110000-000-bbbb", Ending.FAILED);
        store("20261128-120000-000-cccc", "other", Ending.SUCCEEDED);
        store("20261128-130000-000-dddd", Ending.CANCELLED);
        RunStore runs = new RunStore(stateDir);

        assertThat(runs.list(null, null, 10)).extracting(RunState::id).containsExactly(
                "20261128-130000-000-dddd", "20261128-120000-000-cccc", "20261128-110000-000-bbbb",
                "20261128-100000-000-aaaa");
        assertThat(runs.list("habitat-build", null, 10)).extracting(RunState::id).containsExactly(
                "20261128-130000-000-dddd", "20261128-110000-000-bbbb", "20261128-100000-000-aaaa");
        assertThat(runs.list(null, RunStatus.SUCCEEDED, 10)).extracting(RunState::id).containsExactly(
                "20261128-120000-000-cccc", "20261128-100000-000-aaaa");
        assertThat(runs.list("habitat-build", null, 2)).extracting(RunState::state)
                .containsExactly(RunStatus.CANCELLED, RunStatus.FAILED);
        assertThat(runs.pipelines()).containsExactly("habitat-build", "other");
    }

    @Test
    void loadsARunByProjectingItsLog() {
        String id = store("20261128-100000-000-aaaa", Ending.FAILED);

        RunState run = new RunStore(stateDir).run(id).orElseThrow();
        assertThat(run.state()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failedStage()).isEqualTo("verify-image");
        assertThat(run.stage("pull-base-image").orElseThrow().attempts()).isEqualTo(2);
        assertThat(run.stage("cleanup").orElseThrow().status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(run.params()).containsEntry("token", "***");
    }

    @Test
    void aUniquePrefixOfAnIdFindsTheRun() {
        store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        store("20261128-110000-000-bbbb", Ending.SUCCEEDED);
        RunStore runs = new RunStore(stateDir);

        assertThat(runs.resolve("20261128-11")).contains("20261128-110000-000-bbbb");
        assertThat(runs.resolve("20261128")).as("ambiguous").isEmpty();
        assertThat(runs.run("nope")).isEmpty();
    }

    @Test
    void aTornLastLineIsIgnored() throws IOException {
        String id = "20261128-100000-000-aaaa";
        List<RunEvent> events = SyntheticRuns.habitatBuild(id, Instant.now(), Ending.NONE, OWN_PID, HOST);
        Path log = SyntheticRuns.store(stateDir, id, events);
        String next = EventCodec.encode(SyntheticRuns.habitatBuild(id, Instant.now(), Ending.SUCCEEDED, OWN_PID, HOST)
                .get(events.size()));
        Files.writeString(log, next.substring(0, next.length() / 2), StandardOpenOption.APPEND);

        EventLogReader.Result read = EventLogReader.read(log);
        assertThat(read.events()).hasSize(events.size());
        assertThat(read.tornTail()).isTrue();
        assertThat(read.malformedLines()).isZero();
        RunState run = new RunStore(stateDir).run(id).orElseThrow();
        assertThat(run.state()).as("our own process wrote it and lives").isEqualTo(RunStatus.RUNNING);
        assertThat(run.currentStage()).isEqualTo("clone-repositories");
    }

    @Test
    void aMalformedLineInTheMiddleIsSkippedAndCounted() throws IOException {
        String id = "20261128-100000-000-aaaa";
        List<RunEvent> events = SyntheticRuns.habitatBuild(id, Instant.now(), Ending.SUCCEEDED, OWN_PID, HOST);
        Path log = SyntheticRuns.store(stateDir, id, events.subList(0, 3));
        Files.writeString(log, "{not json\n", StandardOpenOption.APPEND);
        for (RunEvent event : events.subList(3, events.size())) {
            Files.writeString(log, EventCodec.encode(event) + "\n", StandardOpenOption.APPEND);
        }

        EventLogReader.Result read = EventLogReader.read(log);
        assertThat(read.malformedLines()).isEqualTo(1);
        assertThat(new RunStore(stateDir).run(id).orElseThrow().state()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void theIndexIsWrittenForEndedRunsAndRebuiltWhenDeleted() throws IOException {
        store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        store("20261128-110000-000-bbbb", Ending.FAILED);
        RunStore runs = new RunStore(stateDir);
        Path index = runs.runsRoot().resolve(RunIndex.FILE_NAME);

        List<RunState> first = runs.list(null, null, 10);
        assertThat(index).exists();
        assertThat(Files.readAllLines(index)).hasSize(3);

        Files.delete(index);
        List<RunState> again = runs.list(null, null, 10);
        assertThat(index).exists();
        assertThat(again).extracting(RunState::id, RunState::state)
                .containsExactlyElementsOf(first.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.state()))
                        .toList());
    }

    @Test
    void listingComesFromTheIndexOnceItExists() throws IOException {
        String id = store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        RunStore runs = new RunStore(stateDir);
        runs.list(null, null, 10);
        // Proof that the index answers: the log is gone, yet the run is still listed as it was.
        Files.delete(runs.eventsFile(id));

        assertThat(runs.list(null, null, 10)).extracting(RunState::state).containsExactly(RunStatus.SUCCEEDED);
    }

    @Test
    void anIndexEntryReadsBackAsTheSummaryItsLogGives() throws IOException {
        store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        store("20261128-110000-000-bbbb", Ending.FAILED);
        store("20261128-120000-000-cccc", "other", Ending.CANCELLED);
        RunStore runs = new RunStore(stateDir);
        List<RunState> projected = runs.list(null, null, 10);
        for (RunState run : projected) {
            Files.delete(runs.eventsFile(run.id())); // so only the index can answer
        }

        List<RunState> indexed = runs.list(null, null, 10);
        assertThat(indexed).usingRecursiveFieldByFieldElementComparatorOnFields("id", "pipeline", "state", "progress",
                "started", "finished", "duration", "error", "failedStage", "totalStages", "pid", "host")
                .containsExactlyElementsOf(projected);
        assertThat(indexed).as("a failed run, so errors are compared too")
                .anyMatch(run -> run.error() != null && run.failedStage() != null);
    }

    @Test
    void aStaleIndexIsBroughtUpToDate() throws IOException {
        store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        String deleted = store("20261128-110000-000-bbbb", Ending.FAILED);
        RunStore runs = new RunStore(stateDir);
        runs.list(null, null, 10);

        String added = store("20261128-120000-000-cccc", Ending.CANCELLED);
        Path deletedDir = runs.eventsFile(deleted).getParent();
        Files.delete(runs.eventsFile(deleted));
        Files.delete(deletedDir);

        assertThat(runs.list(null, null, 10)).extracting(RunState::id)
                .containsExactly(added, "20261128-100000-000-aaaa");
        String index = Files.readString(runs.runsRoot().resolve(RunIndex.FILE_NAME));
        assertThat(index).contains(added).doesNotContain(deleted);
    }

    @Test
    void anUnreadableIndexIsRebuilt() throws IOException {
        store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        RunStore runs = new RunStore(stateDir);
        Files.writeString(runs.runsRoot().resolve(RunIndex.FILE_NAME), "{\"index\":1}\n{\"id\": torn", StandardCharsets.UTF_8);

        assertThat(runs.list(null, null, 10)).extracting(RunState::state).containsExactly(RunStatus.SUCCEEDED);
        assertThat(Files.readString(runs.runsRoot().resolve(RunIndex.FILE_NAME))).doesNotContain("torn");
    }

    @Test
    void anIndexOutOfOrderIsRebuiltNewestFirst() throws IOException {
        store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        store("20261128-110000-000-bbbb", Ending.FAILED);
        RunStore runs = new RunStore(stateDir);
        runs.list(null, null, 10);
        Path index = runs.runsRoot().resolve(RunIndex.FILE_NAME);
        List<String> lines = Files.readAllLines(index);
        Files.write(index, List.of(lines.get(0), lines.get(2), lines.get(1)));

        assertThat(runs.list(null, null, 10)).extracting(RunState::id)
                .containsExactly("20261128-110000-000-bbbb", "20261128-100000-000-aaaa");
        assertThat(Files.readAllLines(index)).containsExactlyElementsOf(lines);
    }

    @Test
    void runningRunsAreNotIndexed() throws IOException {
        store("20261128-100000-000-aaaa", Ending.SUCCEEDED);
        String running = store("20261128-110000-000-bbbb", Ending.NONE);
        RunStore runs = new RunStore(stateDir);

        assertThat(runs.list(null, null, 10)).extracting(RunState::state)
                .containsExactly(RunStatus.RUNNING, RunStatus.SUCCEEDED);
        assertThat(Files.readString(runs.runsRoot().resolve(RunIndex.FILE_NAME))).doesNotContain(running);
    }

    @Test
    void anEmptyStoreListsNothing() {
        assertThat(new RunStore(stateDir).list(null, null, 10)).isEmpty();
        assertThat(new RunStore(stateDir).pipelines()).isEmpty();
    }
}
