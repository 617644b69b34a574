package dev.pipewright.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsAndListenersTest {

    private static final String TOKEN = "s3cr3t-T0KEN-value";
    private static final String KEY = "-----BEGIN KEY-----\nAAAAB3NzaC1yc2EAAAADAQAB\nQ29uZmlkZW50aWFsIGxpbmU=\n-----END KEY-----";

    @TempDir
    Path dir;

    @Test
    void secretsNeverReachTheEventLog() throws Exception {
        TestRun run = new TestRun(dir).env("PW_TOKEN", TOKEN).env("PW_KEY", KEY);
        RunOutcome outcome = run.run("""
                pipeline secretive {
                  stage use {
                    uses = core.exec
                    with {
                      env = { TOKEN = secret.PW_TOKEN, KEY = secret.PW_KEY }
                      shell = "echo token=$TOKEN; echo \\"$KEY\\"; echo \\"$TOKEN\\" >&2; printf '%s' \\"$TOKEN\\" | cut -c1-9"
                    }
                  }
                  stage keep { uses = core.set  with { header = "Bearer ${secret.PW_TOKEN}", passed = stages.use.stdout } }
                  stage fail { uses = core.fail  with { message = "login with ${secret.PW_TOKEN} refused" } }
                }
                """);

        String log = Files.readString(run.handle().runDirectory().eventsFile());
        assertThat(log).doesNotContain(TOKEN);
        for (String line : KEY.split("\n")) {
            assertThat(log).doesNotContain(line);
        }
        assertThat(log).contains("token=***");
        assertThat(run.logLines("use")).contains("***", "***", "***", "***", "token=***");
        assertThat(run.only(StageCompleted.class, "keep").outputs()).containsEntry("header", "Bearer ***");
        assertThat(outcome.error()).isEqualTo("login with *** refused");
        assertThat(run.logLines("use")).as("a prefix of a secret is not the secret").contains("s3cr3t-T0");
    }

    @Test
    void aSecretIsMaskedBeforeTheStageThatNamesItHasRun() throws Exception {
        TestRun run = new TestRun(dir).env("PW_TOKEN", TOKEN);
        run.run("""
                pipeline early {
                  stage leak { uses = core.exec  with { shell = "echo inherited $PW_TOKEN" } }
                  stage use { uses = core.log  with { message = secret.PW_TOKEN } }
                }
                """);

        assertThat(run.logLines("leak")).containsExactly("inherited ***");
        assertThat(Files.readString(run.handle().runDirectory().eventsFile())).doesNotContain(TOKEN);
    }

    @Test
    void stagesStillGetTheRealSecretValue() throws Exception {
        TestRun run = new TestRun(dir).env("PW_TOKEN", TOKEN);
        run.run("""
                pipeline secretive {
                  stage use { uses = core.exec  with { env = { TOKEN = secret.PW_TOKEN }  shell = "printf '%s' \\"$TOKEN\\" > got" } }
                }
                """);

        assertThat(Files.readString(dir.resolve("got"))).isEqualTo(TOKEN);
    }

    @Test
    void aMissingSecretFailsTheStageAndSaysWhatToSet() throws Exception {
        TestRun run = new TestRun(dir);
        RunOutcome outcome = run.run("""
                pipeline secretive {
                  stage use { uses = core.log  with { message = secret.PW_SURELY_NOT_SET } }
                }
                """);

        assertThat(outcome.error()).contains("secret `PW_SURELY_NOT_SET` is not set: export the environment variable");
    }

    @Test
    void aThrowingListenerDoesNotStopTheRunAndIsReportedOnce() throws Exception {
        List<String> seenByOthers = new ArrayList<>();
        TestRun run = new TestRun(dir)
                .listener(event -> {
                    if (event instanceof RunEvent.StageStarted) {
                        throw new IllegalStateException("listener bug");
                    }
                })
                .listener(event -> seenByOthers.add(event.type()));
        RunOutcome outcome = run.run("""
                pipeline robust {
                  stage a { uses = core.log  with { message = "one" } }
                  stage b { uses = core.log  with { message = "two" } }
                }
                """);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(seenByOthers).contains("stage:start", "pipeline:complete").hasSize(run.events.size());
        assertThat(run.diagnostics().lines().filter(l -> l.contains("listener bug")).count()).isEqualTo(1);
        assertThat(run.diagnostics()).contains("detached");
        assertThat(run.eventLog()).hasSize(run.events.size());
    }

    @Test
    void everyEventAListenerSeesIsAlreadyInTheEventLog() throws Exception {
        List<String> missing = new ArrayList<>();
        int[] seen = {0};
        TestRun run = new TestRun(dir).listener(event -> {
            seen[0]++;
            long lines = completeLinesInTheEventLog();
            if (lines < seen[0]) {
                missing.add(event.type() + " #" + seen[0] + " with " + lines + " lines in events.jsonl");
            }
        });
        run.run("""
                pipeline chatty {
                  stage talk { uses = core.exec  with { command = ["seq", "1", "500"] } }
                  stage more { uses = core.set  with { v = 1 } }
                }
                """);

        assertThat(seen[0]).isEqualTo(500 + 6);
        assertThat(missing).isEmpty();
    }

    private long completeLinesInTheEventLog() {
        try (var runs = Files.list(dir.resolve(".pipewright/runs"))) {
            Path events = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("events.jsonl");
            byte[] bytes = Files.readAllBytes(events);
            long lines = 0;
            for (byte b : bytes) {
                lines += b == '\n' ? 1 : 0;
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
