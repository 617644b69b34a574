package dev.pipewright.stages.git;

import static dev.pipewright.stages.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.testkit.TestStageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneStageTest {

    @TempDir
    static Path served;
    static Path sample;
    static GitDaemon daemon;

    @TempDir
    Path work;

    @BeforeAll
    static void makeRepositories() throws Exception {
        sample = GitCli.sampleRepository(served, "sample");
        daemon = GitDaemon.serve(served);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private TestStageContext clone(Map<String, Object> arguments) {
        return TestStageContext.builder("git", new CloneStage()).directory(work).arguments(arguments).build();
    }

    private static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void clonesTheDefaultBranchOfABareRepositoryGivenByPath() throws Exception {
        Map<String, Object> outputs = clone(args("url", sample.toString(), "into", "app")).run();

        Path app = work.resolve("app");
        assertThat(outputs).containsEntry("path", app.toString())
                .containsEntry("branch", "main")
                .containsEntry("commit", git(sample, "rev-parse", "main"));
        assertThat(app.resolve("file.txt")).hasContent("version 3");
        assertThat(git(app, "status", "--porcelain")).isEmpty();
        assertThat(git(app, "rev-parse", "--abbrev-ref", "main@{upstream}")).isEqualTo("origin/main");
        assertThat(git(app, "tag")).contains("v1", "v2");
    }

    @Test
    void clonesABranchByFileUrl() throws Exception {
        Map<String, Object> outputs = clone(args("url", sample.toUri().toString(), "into", "app", "ref", "feature")).run();

        assertThat(outputs).containsEntry("branch", "feature").containsEntry("commit", git(sample, "rev-parse", "feature"));
        assertThat(work.resolve("app/feature.txt")).hasContent("feature");
        assertThat(git(work.resolve("app"), "symbolic-ref", "HEAD")).isEqualTo("refs/heads/feature");
    }

    @Test
    void clonesAnAnnotatedTagAsADetachedHeadOverGitDaemon() throws Exception {
        Map<String, Object> outputs = clone(args("url", daemon.url("sample.git"), "into", "app", "ref", "v2")).run();

        assertThat(outputs).containsEntry("branch", null).containsEntry("commit", git(sample, "rev-parse", "v2^{commit}"));
        assertThat(work.resolve("app/file.txt")).hasContent("version 2");
    }

    @Test
    void clonesACommitGivenByItsFullOrAbbreviatedId() throws Exception {
        String first = git(sample, "rev-parse", "v1^{commit}");

        Map<String, Object> full = clone(args("url", sample.toString(), "into", "full", "ref", first)).run();
        Map<String, Object> abbreviated = clone(args("url", sample.toString(), "into", "short", "ref", first.substring(0, 8))).run();

        assertThat(full).containsEntry("commit", first).containsEntry("branch", null);
        assertThat(abbreviated).containsEntry("commit", first);
        assertThat(work.resolve("short/file.txt")).hasContent("version 1");
    }

    @Test
    void shallowCloneOverGitDaemonHasOnlyTheRequestedDepth() throws Exception {
        Map<String, Object> outputs = clone(args("url", daemon.url("sample.git"), "into", "app", "depth", 1L)).run();

        Path app = work.resolve("app");
        assertThat(outputs).containsEntry("commit", git(sample, "rev-parse", "main")).containsEntry("branch", "main");
        assertThat(git(app, "rev-list", "--count", "HEAD")).isEqualTo("1");
        assertThat(git(app, "rev-parse", "--is-shallow-repository")).isEqualTo("true");
        assertThat(git(app, "branch", "-r")).doesNotContain("feature");
    }

    @Test
    void shallowCloneOfATagFetchesThatTag() throws Exception {
        Map<String, Object> outputs = clone(args("url", sample.toUri().toString(), "into", "app", "ref", "v2", "depth", 1L)).run();

        assertThat(outputs).containsEntry("commit", git(sample, "rev-parse", "v2^{commit}"));
        assertThat(git(work.resolve("app"), "rev-list", "--count", "HEAD")).isEqualTo("1");
    }

    @Test
    void shallowCloneOfACommitByIdOverGitDaemon() throws Exception {
        String second = git(sample, "rev-parse", "v2^{commit}");

        Map<String, Object> outputs = clone(args("url", daemon.url("sample.git"), "into", "app", "ref", second, "depth", 1L)).run();

        assertThat(outputs).containsEntry("commit", second).containsEntry("branch", null);
        assertThat(git(work.resolve("app"), "rev-list", "--count", "HEAD")).isEqualTo("1");
    }

    @Test
    void shallowCloneOfAnAbbreviatedCommitIdAsksForTheFullId() {
        String abbreviated = git(sample, "rev-parse", "--short", "v2^{commit}");

        assertThatThrownBy(clone(args("url", sample.toString(), "into", "app", "ref", abbreviated, "depth", 1L))::run)
                .isInstanceOf(StageFailure.class)
                .hasMessage("ref `" + abbreviated + "` of " + sample + " is an abbreviated commit id, which a shallow"
                        + " clone cannot fetch; give all 40 hex digits or drop `depth`");
        assertThat(work.resolve("app")).doesNotExist();
    }

    @Test
    void clonesSubmodulesWhenAsked() throws Exception {
        Path library = GitCli.sampleRepository(work, "library");
        Path parentWork = Files.createDirectories(work.resolve("parent-work"));
        git(parentWork, "init", "-q");
        git(parentWork, "submodule", "add", "-q", library.toString(), "lib");
        git(parentWork, "commit", "-q", "-m", "add lib");
        Path parent = work.resolve("parent.git");
        git(work, "clone", "-q", "--bare", parentWork.toString(), parent.toString());

        clone(args("url", parent.toString(), "into", "with", "submodules", true)).run();
        clone(args("url", parent.toString(), "into", "without")).run();

        assertThat(work.resolve("with/lib/file.txt")).hasContent("version 3");
        assertThat(work.resolve("without/lib")).isEmptyDirectory();
    }

    @Test
    void reportsJGitTasksAsProgressWithFractions() throws Exception {
        TestStageContext context = clone(args("url", daemon.url("sample.git"), "into", "app"));
        context.run();

        assertThat(context.progressReports()).extracting(TestStageContext.Progress::message)
                .contains("Receiving objects", "Checking out files");
        assertThat(context.progressReports()).filteredOn(p -> "Checking out files".equals(p.message()))
                .extracting(TestStageContext.Progress::fraction).contains(0.0, 1.0);
        assertThat(context.stdout()).anySatisfy(line -> assertThat(line).contains("cloned", "main"));
    }

    @Test
    void aRefThatDoesNotExistFailsPermanentlyAndLeavesNoDirectory() {
        TestStageContext context = clone(args("url", daemon.url("sample.git"), "into", "app", "ref", "no-such-branch"));

        assertThatThrownBy(context::run).isInstanceOfSatisfying(StageFailure.class, failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).isEqualTo("ref `no-such-branch` not found in " + daemon.url("sample.git")
                    + "; give an existing branch, tag or commit");
        });
        assertThat(work.resolve("app")).doesNotExist();
    }

    @Test
    void aNonEmptyTargetDirectoryFailsAndIsLeftUntouched() throws IOException {
        Path app = Files.createDirectories(work.resolve("app"));
        Files.writeString(app.resolve("mine.txt"), "keep me");

        TestStageContext context = clone(args("url", sample.toString(), "into", "app"));

        assertThatThrownBy(context::run).isInstanceOf(StageFailure.class)
                .hasMessage("cannot clone " + sample + " into " + app
                        + ": the directory is not empty; choose another `into` or empty it first");
        try (var children = Files.list(app)) {
            assertThat(children).containsExactly(app.resolve("mine.txt"));
        }
        assertThat(app.resolve("mine.txt")).hasContent("keep me");
    }

    @Test
    void aFailedCloneIntoAnEmptyDirectoryEmptiesItButKeepsIt() throws IOException {
        Path app = Files.createDirectories(work.resolve("app"));

        assertThatThrownBy(clone(args("url", sample.toString(), "into", "app", "ref", "nope"))::run)
                .isInstanceOf(StageFailure.class);

        assertThat(app).isEmptyDirectory();
    }

    @Test
    void aMissingRepositoryByPathIsReportedAsNotFound() {
        Path missing = served.resolve("missing.git");

        assertThatThrownBy(clone(args("url", missing.toString(), "into", "a/b/app"))::run)
                .isInstanceOfSatisfying(StageFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).isEqualTo("repository " + missing
                            + " not found (default branch); check the URL and that the repository exists");
                });
        assertThat(work.resolve("a")).doesNotExist();
    }

    @Test
    void aMissingRepositoryOnGitDaemonIsReportedAsNotFound() {
        String url = daemon.url("missing.git");

        assertThatThrownBy(clone(args("url", url, "into", "app", "ref", "main"))::run)
                .isInstanceOfSatisfying(StageFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).isEqualTo("repository " + url
                            + " not found (ref `main`); check the URL and that the repository exists");
                });
        assertThat(work.resolve("app")).doesNotExist();
    }

    @Test
    void anUnknownHostIsNamed() {
        String url = "git://no-such-host.invalid/repo.git";

        assertThatThrownBy(clone(args("url", url, "into", "app"))::run)
                .isInstanceOfSatisfying(StageFailure.class, failure -> assertThat(failure.getMessage())
                        .isEqualTo("unknown host `no-such-host.invalid` in " + url
                                + " (default branch); check the host name in the URL"));
        assertThat(work.resolve("app")).doesNotExist();
    }

    @Test
    void credentialsInAGitProtocolUrlAreDroppedAsTheProtocolHasNoAuthentication() throws Exception {
        TestStageContext context = clone(args("url", daemon.url("sample.git").replace("git://", "git://bob:pa55word@"),
                "into", "app"));

        Map<String, Object> outputs = context.run();

        assertThat(outputs).containsEntry("branch", "main");
        assertThat(context.everythingShown()).noneMatch(text -> text.contains("pa55word"));
        assertThat(Files.readString(work.resolve("app/.git/config"))).contains(daemon.url("sample.git"))
                .doesNotContain("pa55word");
    }

    @Test
    void anUnsupportedSchemeFailsPermanently() {
        String url = "gopher://127.0.0.1/repo.git";

        assertThatThrownBy(clone(args("url", url, "into", "app"))::run)
                .isInstanceOfSatisfying(StageFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).isEqualTo("cannot use " + url + " (default branch): the URL is not"
                            + " supported; use https://, http://, git://, file:// or a local path");
                });
        assertThat(work.resolve("app")).doesNotExist();
    }

    @Test
    void sshUrlsAreRefusedWithAClearMessage() {
        for (String url : new String[] {"git@example.com:team/app.git", "ssh://git@example.com/team/app.git"}) {
            assertThatThrownBy(clone(args("url", url, "into", "app", "ref", "main"))::run)
                    .isInstanceOfSatisfying(StageFailure.class, failure -> {
                        assertThat(failure.retryable()).isFalse();
                        assertThat(failure.getMessage()).isEqualTo("cannot use " + url + " (ref `main`): SSH URLs are not"
                                + " supported; use the https:// URL with `username` and `password = secret.NAME`");
                    });
        }
        assertThat(work.resolve("app")).doesNotExist();
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        String url = "git://127.0.0.1:" + GitDaemon.freePort() + "/repo.git";

        assertThatThrownBy(clone(args("url", url, "into", "app"))::run)
                .isInstanceOfSatisfying(StageFailure.class, failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).startsWith("cannot reach " + url + " (default branch): ")
                            .contains("Connection refused");
                });
        assertThat(work.resolve("app")).doesNotExist();
    }
}
