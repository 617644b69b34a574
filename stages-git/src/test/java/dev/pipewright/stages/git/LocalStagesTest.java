package dev.pipewright.stages.git;

import static dev.pipewright.stages.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.testkit.TestStageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git.fetch, git.checkout and git.info on a clone of a real repository that moves on after the clone. */
class LocalStagesTest {

    @TempDir
    Path work;
    Path origin;
    Path originWork;

    @BeforeEach
    void cloneASample() throws Exception {
        origin = GitCli.sampleRepository(work, "origin");
        originWork = work.resolve("origin-work");
        TestStageContext.builder("git", new CloneStage())
                .directory(work).arguments(Map.of("url", origin.toString(), "into", "app", "depth", 1L)).build().run();
    }

    private Map<String, Object> run(dev.pipewright.spi.StageType type, Map<String, Object> arguments) throws Exception {
        return TestStageContext.builder("git", type).directory(work).arguments(arguments).build().run();
    }

    @Test
    void infoReadsCommitBranchDirtinessAndRemoteUrl() throws Exception {
        Map<String, Object> clean = run(new InfoStage(), Map.of("repo", "app"));
        Files.writeString(work.resolve("app/file.txt"), "changed\n");
        Files.writeString(work.resolve("app/untracked.txt"), "new\n");
        Map<String, Object> dirty = run(new InfoStage(), Map.of("repo", "app"));

        assertThat(clean).containsEntry("commit", git(origin, "rev-parse", "main"))
                .containsEntry("branch", "main").containsEntry("dirty", false)
                .containsEntry("remote-url", origin.toString());
        assertThat(dirty).containsEntry("dirty", true);
    }

    @Test
    void fetchBringsANewCommitAndABranchOutsideTheShallowClone() throws Exception {
        Files.writeString(originWork.resolve("file.txt"), "version 4\n");
        git(originWork, "commit", "-q", "-am", "commit 4");
        git(originWork, "push", "-q", origin.toString(), "main");

        Map<String, Object> main = run(new FetchStage(), Map.of("repo", "app"));
        Map<String, Object> feature = run(new FetchStage(), Map.of("repo", "app", "ref", "feature"));

        assertThat(main).containsEntry("commit", git(origin, "rev-parse", "main"));
        assertThat(feature).containsEntry("commit", git(origin, "rev-parse", "feature"));
        assertThat(git(work.resolve("app"), "rev-parse", "origin/main")).isEqualTo(git(origin, "rev-parse", "main"));
        assertThat(work.resolve("app/file.txt")).hasContent("version 3"); // the work tree is not touched
    }

    @Test
    void fetchOfAMissingRefFailsPermanently() {
        assertThatThrownBy(() -> run(new FetchStage(), Map.of("repo", "app", "ref", "nope")))
                .isInstanceOfSatisfying(StageFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).isEqualTo("ref `nope` not found in " + origin
                            + "; give an existing branch, tag or commit");
                });
    }

    @Test
    void checkoutSwitchesToAFetchedBranchWithTrackingAndToATag() throws Exception {
        run(new FetchStage(), Map.of("repo", "app", "ref", "feature"));
        run(new FetchStage(), Map.of("repo", "app", "ref", "v2"));

        Map<String, Object> feature = run(new CheckoutStage(), Map.of("repo", "app", "ref", "feature"));
        assertThat(feature).containsEntry("branch", "feature").containsEntry("commit", git(origin, "rev-parse", "feature"));
        assertThat(work.resolve("app/feature.txt")).hasContent("feature");
        assertThat(git(work.resolve("app"), "rev-parse", "--abbrev-ref", "feature@{upstream}")).isEqualTo("origin/feature");

        Map<String, Object> tag = run(new CheckoutStage(), Map.of("repo", "app", "ref", "v2"));
        assertThat(tag).containsEntry("branch", null).containsEntry("commit", git(origin, "rev-parse", "v2^{commit}"));
        assertThat(work.resolve("app/feature.txt")).doesNotExist();
    }

    @Test
    void checkoutCreatesABranchAtHeadOnlyOnce() throws Exception {
        Map<String, Object> created = run(new CheckoutStage(), Map.of("repo", "app", "ref", "topic", "create", true));

        assertThat(created).containsEntry("branch", "topic").containsEntry("commit", git(origin, "rev-parse", "main"));
        assertThatThrownBy(() -> run(new CheckoutStage(), Map.of("repo", "app", "ref", "topic", "create", true)))
                .isInstanceOf(StageFailure.class)
                .hasMessage("branch `topic` already exists in " + work.resolve("app") + "; drop `create` to switch to it");
    }

    @Test
    void checkoutRefusesToOverwriteUncommittedChanges() throws Exception {
        run(new FetchStage(), Map.of("repo", "app", "ref", "v1"));
        Files.writeString(work.resolve("app/file.txt"), "mine\n");

        assertThatThrownBy(() -> run(new CheckoutStage(), Map.of("repo", "app", "ref", "v1")))
                .isInstanceOf(StageFailure.class)
                .hasMessage("checking out `v1` in " + work.resolve("app")
                        + " would overwrite uncommitted changes in file.txt; commit or discard them first");
        assertThat(work.resolve("app/file.txt")).hasContent("mine");
    }

    @Test
    void aDirectoryThatIsNotAWorkTreeIsNamed() throws Exception {
        Files.createDirectories(work.resolve("plain"));

        assertThatThrownBy(() -> run(new InfoStage(), Map.of("repo", "plain")))
                .isInstanceOf(StageFailure.class)
                .hasMessage("`repo` of git.info is " + work.resolve("plain")
                        + ", which is not a git work tree (it has no .git); give the `path` of a git.clone");
    }
}
