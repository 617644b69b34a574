package dev.pipewright.cli.plugins;

import static dev.pipewright.engine.plugins.StagePluginSource.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.plugins.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipewright check} uses the schemas of third-party plugins, and reports their load problems. */
class CheckWithPluginsTest {

    @TempDir
    static Path home;

    static Path plugins;

    @BeforeAll
    static void installPlugin() {
        plugins = home.resolve("plugins");
        PluginJarBuilder.jar("mail-plugin.jar").version("3.0")
                .plugin(plugin("mail.MailPlugin", "mail").stageType("send", """
                        StageSchema.builder("Sends a mail")
                            .required("to", ValueType.STRING, "the recipient")
                            .optional("retries", ValueType.INT, 0L, "how often to try again")
                            .output("message-id", ValueType.STRING, "the id the server gave the mail")
                            .build()""", "return Map.of();"))
                .writeTo(plugins);
    }

    private CliProcess.Result check(String pipeline, Path pluginDirectory) throws Exception {
        Path file = Files.writeString(Files.createTempFile(home, "check", ".pipeline"), pipeline);
        return CliProcess.run(home, Map.of(), "check", "--plugins", pluginDirectory.toString(), file.toString());
    }

    @Test
    void aFileUsingThePluginCorrectlyIsClean() throws Exception {
        CliProcess.Result result = check("""
                pipeline mail {
                  stage send { uses = mail.send  with { to = "ada@example.org"  retries = 2 } }
                  stage show { uses = core.log  with { message = "sent ${stages.send.message-id}" } }
                }
                """, plugins);

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void everySchemaCheckUsesThePluginsSchemaAtLineAndColumn() throws Exception {
        CliProcess.Result result = check("""
                pipeline mail {
                  stage a { uses = mail.sned  with { to = "x" } }
                  stage b { uses = mail.send  with { retries = 1 } }
                  stage c { uses = mail.send  with { to = "x"  retires = 1 } }
                  stage d { uses = mail.send  with { to = "x"  retries = "twice" } }
                  stage e { uses = core.log  with { message = "${stages.c.message}" } }
                }
                """, plugins);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .containsPattern(":2:20: error: unknown stage type `mail.sned`[^\\n]*\\n(.*\\n){2}  hint: did you mean `mail.send`\\?")
                .containsPattern(":3:31: error: stage `b` misses the argument `to` that `mail.send` requires")
                .containsPattern(":4:48: error: unknown argument `retires` for `mail.send`[^\\n]*\\n(.*\\n){2}  hint: did you mean `retries`\\?")
                .containsPattern(":5:58: error: argument `retries` of `mail.send` takes an int, not a string")
                .containsPattern(":6:59: error: stage `c` \\(mail.send\\) has no output `message`[^\\n]*\\n(.*\\n){2}  hint: its outputs are message-id")
                .contains("5 errors found; nothing was run");
    }

    @Test
    void withoutThePluginTheCheckSaysWhereToInstallIt() throws Exception {
        CliProcess.Result result = check("""
                pipeline mail {
                  stage a { uses = mail.send  with { to = "x" } }
                }
                """, Files.createDirectories(home.resolve("empty")));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: unknown stage type `mail.send`").contains("--plugins DIR");
    }

    @Test
    void aPluginWhosePreflightThrowsIsNotReadyAndNamedWithoutAStackTrace() throws Exception {
        Path fragile = Files.createDirectories(home.resolve("fragile"));
        PluginJarBuilder.jar("fragile.jar").version("0.1")
                .source("fragile.Plugin", """
                        package fragile;
                        import dev.pipewright.spi.*;
                        import java.util.*;
                        public final class Plugin implements StagePlugin {
                            public String namespace() { return "fragile"; }
                            public List<StageType> stageTypes() { return List.of(new StageType() {
                                public String name() { return "thing"; }
                                public StageSchema schema() { return StageSchema.builder("does a thing").build(); }
                                public Map<String, Object> run(StageContext context) { return Map.of(); }
                            }); }
                            public Optional<String> preflight() {
                                throw new IllegalStateException("no config under " + Thread.currentThread().getContextClassLoader());
                            }
                        }
                        """).provider("fragile.Plugin").writeTo(fragile);
        Path file = Files.writeString(home.resolve("fragile.pipeline"), """
                pipeline fragile {
                  stage a { uses = fragile.thing }
                }
                """);

        CliProcess.Result result = CliProcess.run(home, Map.of(), "check", "--preflight", "--plugins", fragile.toString(), file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(file + ": preflight: fragile: the preflight of plugin fragile.jar 0.1 failed:"
                + " IllegalStateException: no config under PluginClassLoader[fragile.jar]\n");
    }

    @Test
    void aBrokenPluginIsAnErrorOfTheCheckNamingItsJarAndTheOthersStillWork() throws Exception {
        Path mixed = Files.createDirectories(home.resolve("mixed"));
        Files.copy(plugins.resolve("mail-plugin.jar"), mixed.resolve("mail-plugin.jar"));
        PluginJarBuilder.jar("broken.jar").provider("gone.Plugin").writeTo(mixed);

        CliProcess.Result result = check("""
                pipeline mail {
                  stage a { uses = mail.send  with { to = "x" } }
                }
                """, mixed);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: plugin " + mixed.resolve("broken.jar") + " (provider gone.Plugin)")
                .doesNotContain("unknown stage type").doesNotContain("\tat ");
    }
}
