package dev.pipewright.engine.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.run.RunOutcome;
import dev.pipewright.engine.run.RunStatus;
import dev.pipewright.engine.testing.TestRun;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real runs of real processes, resumed: which stages run again, which are reused, and what explain says. */
class ResumeRunTest {

    @TempDir
    Path state;

    private Path marks;

    @BeforeEach
    void marks() throws IOException {
        marks = Files.createDirectory(state.resolve("marks"));
    }

    /** How often the stage wrote its mark: how often it really ran. */
    private long ran(String stage) throws IOException {
        Path file = marks.resolve(stage);
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private TestRun run(ResumeOptions options) {
        return new TestRun(state).param("marks", marks.toString()).resume(options);
    }

    private static Map<String, String> explain(TestRun run) {
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        RunExplanation.of(run.directory(), run.handle().runId(), null).forEach(l -> lines.put(l.stage(), l.explanation()));
        return lines;
    }

    private static final String FOUR_STAGES = """
            pipeline build {
              param marks: string
              stage fetch   { uses = core.exec  with { shell = "echo x >> '${params.marks}/fetch'; echo v1" } }
              stage compile { uses = core.exec  with { shell = "echo '${stages.fetch.stdout}' >> '${params.marks}/compile'" } }
              stage package { uses = core.exec  with { shell = "echo x >> '${params.marks}/package'; test ! -e '${params.marks}/broken'" } }
              stage publish { uses = core.exec  with { shell = "echo x >> '${params.marks}/publish'" } }
            }
            """;

    @Test
    void aFailedRunResumedRunsOnlyFromTheFailedStageOn() throws Exception {
        Files.createFile(marks.resolve("broken"));
        TestRun first = run(ResumeOptions.CACHE);
        assertThat(first.run(FOUR_STAGES).status()).isEqualTo(RunStatus.FAILED);
        Files.delete(marks.resolve("broken"));

        TestRun resumed = run(ResumeOptions.resume(null));
        assertThat(resumed.run(FOUR_STAGES).status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(List.of(ran("fetch"), ran("compile"), ran("package"), ran("publish"))).containsExactly(1L, 1L, 2L, 1L);
        RunEvent.StageCached fetch = resumed.only(RunEvent.StageCached.class, "fetch");
        assertThat(fetch.fromRun()).isEqualTo(first.handle().runId());
        assertThat(fetch.outputs()).containsEntry("stdout", "v1");
        assertThat(resumed.events(RunEvent.StageStarted.class)).extracting(RunEvent.StageStarted::stage)
                .containsExactly("package", "publish");
        String r1 = first.handle().runId();
        assertThat(explain(resumed)).containsExactly(
                Map.entry("fetch", "reused fetch from run " + r1 + " (fingerprint " + fetch.fingerprint().substring(0, 12)
                        + "), saving " + dev.pipewright.engine.report.HumanDuration.format(fetch.saved())),
                Map.entry("compile", explain(resumed).get("compile")),
                Map.entry("package", "ran again because it failed in run " + r1),
                Map.entry("publish", "ran again because it did not run in run " + r1));
        assertThat(explain(resumed).get("compile")).startsWith("reused compile from run " + r1);
    }

    @Test
    void theFingerprintOfEveryCompletedStageIsInItsEvent() throws Exception {
        TestRun first = run(ResumeOptions.CACHE);
        first.run(FOUR_STAGES);
        assertThat(first.eventLog()).filteredOn(RunEvent.StageCompleted.class::isInstance)
                .extracting(e -> ((RunEvent.StageCompleted) e).fingerprint())
                .hasSize(4).allSatisfy(fp -> assertThat(fp).hasSize(64)).doesNotHaveDuplicates();
    }

    private static final String TWO_CHAINS = """
            pipeline chains {
              param marks: string
              param version: string = "1"
              param flavour: string = "plain"
              stage a { uses = core.exec  with { shell = "echo x >> '${params.marks}/a'; echo ${params.version}" } }
              stage b { uses = core.exec  with { shell = "echo x >> '${params.marks}/b'; echo built-${stages.a.stdout}" } }
              stage c { uses = core.exec  with { shell = "echo x >> '${params.marks}/c'; echo ${params.flavour}" } }
              stage d { uses = core.exec  with { shell = "echo x >> '${params.marks}/d'; echo ${stages.c.stdout}" } }
            }
            """;

    @Test
    void aChangedParameterRunsAgainExactlyTheStagesThatDependOnIt() throws Exception {
        run(ResumeOptions.CACHE).param("version", "1").run(TWO_CHAINS);
        TestRun second = run(ResumeOptions.resume(null)).param("version", "2");
        assertThat(second.run(TWO_CHAINS).status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(List.of(ran("a"), ran("b"), ran("c"), ran("d"))).containsExactly(2L, 2L, 1L, 1L);
        assertThat(second.only(RunEvent.StageCompleted.class, "b").outputs()).containsEntry("stdout", "built-2");
        Map<String, String> explained = explain(second);
        assertThat(explained.get("a")).startsWith("ran again because argument `shell` changed: ")
                .contains("echo 1\"").contains("echo 2\"");
        assertThat(explained.get("b")).startsWith(
                "ran again because upstream output `stages.a.stdout` changed: \"1\" → \"2\"; argument `shell` changed");
        assertThat(explained.get("c")).startsWith("reused c from run");
        assertThat(explained.get("d")).startsWith("reused d from run");
    }

    @Test
    void anUnchangedPipelineResumedRunsNothingAndSaysWhatItSaved() throws Exception {
        run(ResumeOptions.CACHE).run(TWO_CHAINS);
        TestRun second = run(ResumeOptions.resume(null));
        second.run(TWO_CHAINS);
        assertThat(second.events(RunEvent.StageStarted.class)).isEmpty();
        assertThat(second.events(RunEvent.StageCached.class)).hasSize(4)
                .allSatisfy(cached -> assertThat(cached.saved()).isPositive());
        assertThat(second.events(RunEvent.StageCached.class)).extracting(RunEvent.StageCached::progress)
                .containsExactly(0.25, 0.5, 0.75, 1.0);
    }

    private static final String FOR_EACH = """
            pipeline clones {
              param marks: string
              param repos: list = ["a", "b", "c"]
              max-parallel = 1
              stage clone {
                uses     = core.exec
                for-each = params.repos
                with { shell = "echo x >> '${params.marks}/${item}'; test ! -e '${params.marks}/broken-${item}' && echo ${item}" }
              }
              stage list { uses = core.set  with { all = stages.clone.stdout } }
            }
            """;

    @Test
    void forEachResumesPerElement() throws Exception {
        Files.createFile(marks.resolve("broken-b"));
        TestRun first = run(ResumeOptions.CACHE);
        assertThat(first.run(FOR_EACH).status()).isEqualTo(RunStatus.FAILED);
        Files.delete(marks.resolve("broken-b"));

        TestRun resumed = run(ResumeOptions.resume(null));
        assertThat(resumed.run(FOR_EACH).status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(List.of(ran("a"), ran("b"), ran("c"))).containsExactly(1L, 2L, 1L);
        assertThat(resumed.events(RunEvent.StageCached.class)).extracting(RunEvent.StageCached::stage)
                .containsExactly("clone[0]");
        assertThat(resumed.only(RunEvent.StageCompleted.class, "list").outputs())
                .containsEntry("all", List.of("a", "b", "c"));
        String r1 = first.handle().runId();
        Map<String, String> explained = explain(resumed);
        assertThat(explained.get("clone[1]")).isEqualTo("ran again because it failed in run " + r1);
        assertThat(explained.get("clone[2]")).isEqualTo("ran again because it was cancelled in run " + r1);
        assertThat(explained.get("list")).isEqualTo("ran again because it did not run in run " + r1);
    }

    private static final String SECRET_STAGE = """
            pipeline login {
              param marks: string
              stage login { uses = core.exec  with { shell = "echo x >> '${params.marks}/login'", env = { TOKEN = secret.TOKEN } } }
            }
            """;

    @Test
    void aChangedSecretRunsItsStageAgainWithoutTheSecretAppearingAnywhere() throws Exception {
        run(ResumeOptions.CACHE).env("TOKEN", "first-very-secret-token").run(SECRET_STAGE);
        TestRun second = run(ResumeOptions.resume(null)).env("TOKEN", "second-very-secret-token");
        second.run(SECRET_STAGE);
        TestRun third = run(ResumeOptions.resume(null)).env("TOKEN", "second-very-secret-token");
        third.run(SECRET_STAGE);

        assertThat(ran("login")).isEqualTo(2);
        assertThat(explain(second).get("login")).isEqualTo("ran again because secret argument `env` changed");
        assertThat(explain(third).get("login")).startsWith("reused login from run " + second.handle().runId());
        try (Stream<Path> files = Files.walk(state.resolve(".pipewright"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain("very-secret");
            }
        }
    }

    /** Makes a file; its output is valid as long as the file is there. */
    static final class TouchStage implements StageType {
        public String name() {
            return "touch";
        }

        public StageSchema schema() {
            return StageSchema.builder("makes a file").required("path", ValueType.PATH, "the file")
                    .output("path", ValueType.PATH, "the file").build();
        }

        public Map<String, Object> run(StageContext context) {
            Path file = context.resolvePath(context.arguments().string("path"));
            try {
                Files.writeString(file, "made");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of("path", file.toString());
        }

        @Override
        public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
            Path file = Path.of((String) outputs.get("path"));
            return Files.exists(file) ? Optional.empty() : Optional.of("file " + file + " no longer exists");
        }
    }

    @Test
    void anOutputTheStageTypeNoLongerAcceptsRunsItsStageAgain() throws Exception {
        String pipeline = """
                pipeline touch {
                  param marks: string
                  stage make { uses = test.touch  with { path = "${params.marks}/made" } }
                }
                """;
        run(ResumeOptions.CACHE).type(new TouchStage()).run(pipeline);
        TestRun kept = run(ResumeOptions.resume(null)).type(new TouchStage());
        kept.run(pipeline);
        assertThat(kept.events(RunEvent.StageCached.class)).hasSize(1);
        Files.delete(marks.resolve("made"));

        TestRun removed = run(ResumeOptions.resume(null)).type(new TouchStage());
        removed.run(pipeline);

        assertThat(marks.resolve("made")).exists();
        assertThat(explain(removed).get("make")).isEqualTo("ran again because its output from run "
                + kept.handle().runId() + " is no longer valid: file " + marks.resolve("made") + " no longer exists");
    }

    @Test
    void withoutResumingPureStagesAndCacheTrueAreReusedAndCacheFalseAlwaysRuns() throws Exception {
        String pipeline = """
                pipeline cached {
                  param marks: string
                  stage pure     { uses = core.set   with { value = "v" } }
                  stage unmarked { uses = core.exec  with { shell = "echo x >> '${params.marks}/unmarked'" } }
                  stage marked   { uses = core.exec  cache = true   with { shell = "echo x >> '${params.marks}/marked'" } }
                  stage never    { uses = core.set   cache = false  with { value = "n" } }
                }
                """;
        run(ResumeOptions.CACHE).run(pipeline);
        TestRun second = run(ResumeOptions.CACHE);
        second.run(pipeline);

        assertThat(second.events(RunEvent.StageCached.class)).extracting(RunEvent.StageCached::stage)
                .containsExactly("pure", "marked");
        assertThat(List.of(ran("unmarked"), ran("marked"))).containsExactly(2L, 1L);
        Map<String, String> explained = explain(second);
        assertThat(explained.get("unmarked")).isEqualTo("ran");
        assertThat(explained.get("never")).isEqualTo("ran again because it says `cache = false`");
    }

    @Test
    void withResumeOffNothingIsReused() throws Exception {
        run(ResumeOptions.CACHE).run(TWO_CHAINS);
        TestRun second = run(ResumeOptions.OFF);
        RunOutcome outcome = second.run(TWO_CHAINS);
        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.events(RunEvent.StageCached.class)).isEmpty();
        assertThat(ran("a")).isEqualTo(2);
    }
}
