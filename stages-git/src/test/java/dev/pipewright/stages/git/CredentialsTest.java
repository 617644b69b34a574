package dev.pipewright.stages.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.testkit.TestStageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real smart-HTTP server that wants a password: the password works and is never shown. */
class CredentialsTest {

    private static final String PASSWORD = "s3cr%t-P4ss";
    private static final String ENCODED_PASSWORD = "s3cr%25t-P4ss";

    @TempDir
    static Path served;
    static GitHttpServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void serveOverHttp() throws Exception {
        GitCli.sampleRepository(served, "private");
        server = GitHttpServer.serve(served, "alice", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private TestStageContext clone(Object... keysAndValues) {
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            arguments.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return TestStageContext.builder("git", new CloneStage()).directory(work).arguments(arguments).build();
    }

    @Test
    void aPasswordInTheArgumentsAuthenticatesAndIsNeverShown() throws Exception {
        TestStageContext context = clone("url", server.url("private.git", null), "into", "app",
                "username", "alice", "password", PASSWORD);

        Map<String, Object> outputs = context.run();

        assertThat(outputs.get("commit")).isNotNull();
        assertNothingShows(context, outputs);
    }

    @Test
    void aPasswordInTheUrlAuthenticatesAndIsNeverShownNorStored() throws Exception {
        TestStageContext context = clone("url", server.url("private.git", "alice:" + ENCODED_PASSWORD), "into", "app");

        Map<String, Object> outputs = context.run();

        assertThat(outputs.get("branch")).isEqualTo("main");
        assertNothingShows(context, outputs);
        assertThat(Files.readString(work.resolve("app/.git/config"))).contains("alice@127.0.0.1")
                .doesNotContain(PASSWORD).doesNotContain(ENCODED_PASSWORD);
        Map<String, Object> info = TestStageContext.builder("git", new InfoStage())
                .directory(work).arguments(Map.of("repo", "app")).build().run();
        assertThat(info.get("remote-url")).isEqualTo(server.url("private.git", "alice"));
    }

    @Test
    void aWrongPasswordIsReportedAsFailedAuthenticationWithoutThePassword() {
        String wrong = "wrong-" + ENCODED_PASSWORD;
        TestStageContext context = clone("url", server.url("private.git", "alice:" + wrong), "into", "app", "ref", "main");

        assertThatThrownBy(context::run).isInstanceOfSatisfying(StageFailure.class, failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).isEqualTo("authentication failed for " + server.url("private.git", "alice")
                    + " (ref `main`); check `username` and `password` (pass the password as secret.NAME)");
        });
        assertThat(context.everythingShown()).noneMatch(text -> text.contains(wrong) || text.contains("wrong-" + PASSWORD));
        assertThat(work.resolve("app")).doesNotExist();
    }

    @Test
    void aUrlThatCannotBeParsedStillHasItsPasswordMasked() {
        String url = server.url("private.git", "alice:" + PASSWORD); // a bare '%' is not valid in a URL
        TestStageContext context = clone("url", url, "into", "app");

        assertThatThrownBy(context::run).isInstanceOfSatisfying(StageFailure.class, failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).doesNotContain(PASSWORD).contains("alice:***@127.0.0.1");
        });
        assertThat(work.resolve("app")).doesNotExist();
    }

    @Test
    void noCredentialsAtAllIsReportedAsFailedAuthentication() {
        TestStageContext context = clone("url", server.url("private.git", null), "into", "app");

        assertThatThrownBy(context::run).isInstanceOfSatisfying(StageFailure.class, failure ->
                assertThat(failure.getMessage()).startsWith("authentication failed for " + server.url("private.git", null)));
    }

    @Test
    void aMissingRepositoryBehindAuthenticationIsReportedAsNotFound() {
        String url = server.url("missing.git", null);
        TestStageContext context = clone("url", url, "into", "app", "username", "alice", "password", PASSWORD);

        assertThatThrownBy(context::run).isInstanceOfSatisfying(StageFailure.class, failure -> {
            assertThat(failure.getMessage()).isEqualTo("repository " + url
                    + " not found (default branch); check the URL and that the repository exists");
            assertThat(failure.getMessage()).doesNotContain(PASSWORD);
        });
    }

    private static void assertNothingShows(TestStageContext context, Map<String, Object> outputs) {
        assertThat(context.stdout()).isNotEmpty();
        assertThat(context.progressReports()).isNotEmpty();
        for (String text : context.everythingShown()) {
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(ENCODED_PASSWORD);
        }
        assertThat(outputs.values()).allSatisfy(value ->
                assertThat(String.valueOf(value)).doesNotContain(PASSWORD).doesNotContain(ENCODED_PASSWORD));
    }
}
