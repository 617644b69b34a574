package dev.pipewright.engine.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.run.RunHandle;
import dev.pipewright.engine.run.RunStatus;
import dev.pipewright.engine.store.RunDirectory;
import dev.pipewright.engine.testing.TestRun;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.SnapshotRetention.Action;
import dev.pipewright.spi.SnapshotRetention.Verdict;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which snapshots {@code gc} keeps, judged on real runs (resumed ones included) of a habitat
 * pipeline whose stage types take snapshots as {@code docker.start}/{@code docker.exec} do, only
 * without a Docker engine: the rule reads the runs, not the images.
 */
class SnapshotUseTest {

    @TempDir
    Path state;

    private Path marks;
    /** Every snapshot the setup took: its id and the labels the engine gave it. */
    private final Map<String, Map<String, String>> snapshots = new ConcurrentHashMap<>();
    private final AtomicInteger taken = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    private static final String HABITAT = """
            pipeline habitat {
              param marks: string
              param hold: bool = false
              stage box   { uses = test.box  with { image = "base" } }
              stage setup { uses = test.setup  snapshot = true  with { container = stages.box.container } }
              stage build { uses = test.build  with { marks = params.marks  hold = params.hold } }
            }
            """;

    @BeforeEach
    void marks() throws IOException {
        marks = Files.createDirectory(state.resolve("marks"));
    }

    @AfterEach
    void releaseHeldRuns() {
        release.countDown();
    }

    private TestRun run(ResumeOptions options) {
        return new TestRun(state).param("marks", marks.toString()).resume(options)
                .type(new Box()).type(new Setup()).type(new Build());
    }

    private String runFailing(ResumeOptions options) throws Exception {
        Files.writeString(marks.resolve("broken"), "");
        TestRun run = run(options);
        assertThat(run.run(HABITAT).status()).isEqualTo(RunStatus.FAILED);
        return run.handle().runId();
    }

    private String runSucceeding(ResumeOptions options) throws Exception {
        Files.deleteIfExists(marks.resolve("broken"));
        TestRun run = run(options);
        assertThat(run.run(HABITAT).status()).as(run.diagnostics()).isEqualTo(RunStatus.SUCCEEDED);
        return run.handle().runId();
    }

    /** The snapshot the setup of {@code runId} took. */
    private String snapshotOf(String runId) {
        return snapshots.entrySet().stream().filter(e -> runId.equals(e.getValue().get("pipewright.run")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private Verdict judge(SnapshotUse.Scope scope, String snapshot) {
        return new SnapshotUse(state, scope).judge(snapshot, snapshots.get(snapshot));
    }

    @Test
    void theEngineLabelsASnapshotWithItsRunStageAndStateDirectory() throws Exception {
        String run = runFailing(ResumeOptions.CACHE);

        assertThat(snapshots.get(snapshotOf(run))).containsEntry("pipewright.run", run)
                .containsEntry("pipewright.stage", "setup")
                .containsEntry(SnapshotUse.STATE_DIRECTORY_LABEL, state.toAbsolutePath().normalize().toString())
                .containsKey("pipewright.fingerprint");
    }

    @Test
    void theLatestFailedRunKeepsItsSnapshotAndTheEarlierRunsSnapshotIsSuperseded() throws Exception {
        String first = runFailing(ResumeOptions.CACHE);
        String second = runFailing(ResumeOptions.CACHE);

        assertThat(judge(SnapshotUse.Scope.UNUSED, snapshotOf(first))).isEqualTo(Verdict.remove(
                "superseded: the latest run of habitat, " + second + " (failed), does not use it"));
        assertThat(judge(SnapshotUse.Scope.UNUSED, snapshotOf(second))).isEqualTo(Verdict.keep(
                "the next `pipewright run --resume` of habitat starts from it: its run is the latest, and failed"));
    }

    @Test
    void aResumedRunThatStartedFromTheSnapshotKeepsIt() throws Exception {
        String failed = runFailing(ResumeOptions.CACHE);
        String resumed = runSucceeding(ResumeOptions.resume(null));

        assertThat(snapshots).as("the resumed run reused the setup instead of taking another snapshot").hasSize(1);
        assertThat(judge(SnapshotUse.Scope.UNUSED, snapshotOf(failed))).isEqualTo(Verdict.keep(
                "the next `pipewright run --resume` of habitat starts from it: the latest run, " + resumed
                        + " (succeeded), reused it"));
    }

    @Test
    void aLaterRunThatRanTheSetupAgainSupersedesTheSnapshotEvenWhenItSucceeded() throws Exception {
        String failed = runFailing(ResumeOptions.CACHE);
        String fresh = runSucceeding(ResumeOptions.CACHE);

        assertThat(judge(SnapshotUse.Scope.UNUSED, snapshotOf(failed)).action()).isEqualTo(Action.REMOVE);
        assertThat(judge(SnapshotUse.Scope.UNUSED, snapshotOf(fresh)).action())
                .as("a succeeded run can be resumed too, after the pipeline was changed").isEqualTo(Action.KEEP);
    }

    @Test
    void aSnapshotWhoseRunDirectoryWasDeletedGoes() throws Exception {
        String run = runFailing(ResumeOptions.CACHE);
        String snapshot = snapshotOf(run);
        deleteRecursively(RunDirectory.of(state, run).root());

        assertThat(judge(SnapshotUse.Scope.UNUSED, snapshot)).isEqualTo(Verdict.remove(
                "its run is no longer recorded under " + RunDirectory.runsRoot(state.toAbsolutePath().normalize())));
    }

    @Test
    void snapshotsOfAnotherStateDirectoryOrOfUnknownRunsAreLeftAlone() throws Exception {
        SnapshotUse use = new SnapshotUse(state, SnapshotUse.Scope.ALL);

        assertThat(use.judge("sha256:1", Map.of("pipewright.run", "20261128-100000-000-aaaa",
                SnapshotUse.STATE_DIRECTORY_LABEL, "/elsewhere"))).isEqualTo(Verdict.leaveAlone());
        assertThat(use.judge("sha256:2", Map.of("pipewright.run", "20261128-100000-000-bbbb")))
                .isEqualTo(Verdict.leaveAlone());

        assertThat(use.elsewhere()).containsExactly(Map.entry("/elsewhere", java.util.Set.of("20261128-100000-000-aaaa")));
        assertThat(use.unknownRuns()).containsExactly("20261128-100000-000-bbbb");
    }

    @Test
    void whileARunOfThePipelineRunsNoneOfItsSnapshotsGoesNotEvenWithAll() throws Exception {
        String failed = runFailing(ResumeOptions.CACHE);
        Files.deleteIfExists(marks.resolve("broken"));
        TestRun live = run(ResumeOptions.CACHE).param("hold", true);
        RunHandle handle = live.start(HABITAT);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.size() == 2);
        String running = handle.runId();

        assertThat(judge(SnapshotUse.Scope.ALL, snapshotOf(failed))).isEqualTo(Verdict.keep(
                "run " + running + " of habitat is running and may resume from it"));
        assertThat(judge(SnapshotUse.Scope.ALL, snapshotOf(running))).isEqualTo(Verdict.keep("its run is still running"));

        release.countDown();
        assertThat(handle.awaitOutcome().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(judge(SnapshotUse.Scope.ALL, snapshotOf(running))).isEqualTo(Verdict.remove("--snapshots all"));
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Starts a "container": a new id every time; an earlier one is never there any more. */
    private static final class Box implements StageType {
        private static final AtomicInteger BOXES = new AtomicInteger();

        @Override
        public String name() {
            return "box";
        }

        @Override
        public StageSchema schema() {
            return StageSchema.builder("a container").required("image", ValueType.STRING, "the image")
                    .output("container", ValueType.STRING, "its id").build();
        }

        @Override
        public Map<String, Object> run(StageContext context) {
            return Map.of("container", "box-" + BOXES.incrementAndGet() + "-from-" + context.arguments().string("image"));
        }

        @Override
        public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
            return Optional.of("container " + outputs.get("container") + " no longer exists");
        }

        @Override
        public Optional<Arguments> fromSnapshot(Arguments arguments, String snapshot) {
            Map<String, Object> values = new LinkedHashMap<>(arguments.asMap());
            values.put("image", snapshot);
            return Optional.of(new Arguments(values));
        }
    }

    /** Sets up the "container" and takes snapshots of it, remembering the labels it was given. */
    private final class Setup implements StageType {
        @Override
        public String name() {
            return "setup";
        }

        @Override
        public StageSchema schema() {
            return StageSchema.builder("set up").required("container", ValueType.STRING, "the container").build();
        }

        @Override
        public Map<String, Object> run(StageContext context) {
            return Map.of();
        }

        @Override
        public Optional<String> snapshot(Arguments arguments, Map<String, String> labels) {
            String id = "sha256:snapshot-" + taken.incrementAndGet();
            snapshots.put(id, Map.copyOf(labels));
            return Optional.of(id);
        }
    }

    /** Fails while {@code marks/broken} exists; with {@code hold}, waits until the test releases it. */
    private final class Build implements StageType {
        @Override
        public String name() {
            return "build";
        }

        @Override
        public StageSchema schema() {
            return StageSchema.builder("build").required("marks", ValueType.STRING, "the marks directory")
                    .optional("hold", ValueType.BOOL, false, "wait for the test").build();
        }

        @Override
        public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
            if (context.arguments().flag("hold") && !release.await(60, TimeUnit.SECONDS)) {
                throw StageFailure.permanent("the test never released the build");
            }
            if (Files.exists(Path.of(context.arguments().string("marks"), "broken"))) {
                throw StageFailure.permanent("broken");
            }
            return Map.of();
        }
    }
}
