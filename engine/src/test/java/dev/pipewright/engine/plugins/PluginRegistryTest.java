package dev.pipewright.engine.plugins;

import static dev.pipewright.engine.plugins.StagePluginSource.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.spi.StageFailure;
import dev.pipewright.testkit.TestStageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    @TempDir
    Path plugins;

    /** Libraries a test compiles against but does not put in the plugins directory. */
    @TempDir
    Path elsewhere;

    private PluginRegistry registry;

    @AfterEach
    void closeRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private PluginRegistry load() {
        registry = PluginRegistry.load(new PluginDirectories(List.of(new PluginDirectories.PluginDirectory(plugins, "--plugins", true))));
        return registry;
    }

    /** Runs the stage type on this thread, as the engine's attempt thread calls it through the handle. */
    private Map<String, Object> run(String qualifiedName) throws Exception {
        StageTypeHandle handle = registry.handle(qualifiedName).orElseThrow();
        return handle.run(TestStageContext.builder(handle.namespace(), handle).directory(plugins).build());
    }

    @Test
    void loadsAPluginJarFromADirectoryWithItsNameAndVersion() throws Exception {
        PluginJarBuilder.jar("hello-plugin.jar").version("1.2.3")
                .plugin(plugin("hello.HelloPlugin", "hello").stageType("say", "return Map.of(\"result\", \"hi\");"))
                .writeTo(plugins);

        load();

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.qualifiedNames()).contains("hello.say");
        PluginIdentity provider = registry.provider("hello.say").orElseThrow();
        assertThat(provider.name()).isEqualTo("hello-plugin.jar");
        assertThat(provider.version()).isEqualTo("1.2.3");
        assertThat(provider.builtIn()).isFalse();
        assertThat(provider.location()).isEqualTo(plugins.resolve("hello-plugin.jar"));
        assertThat(registry.schema("hello.say").orElseThrow().description()).isEqualTo("say for tests");
        assertThat(run("hello.say")).containsEntry("result", "hi");
    }

    @Test
    void pluginCodeRunsWithItsOwnLoaderAsContextClassLoaderNamedAfterThePlugin() throws Exception {
        PluginJarBuilder.jar("ctx.jar")
                .plugin(plugin("ctx.CtxPlugin", "ctx").stageType("loader",
                        "return Map.of(\"result\", String.valueOf(Thread.currentThread().getContextClassLoader()));"))
                .writeTo(plugins);

        load();

        assertThat(run("ctx.loader")).containsEntry("result", "PluginClassLoader[ctx.jar]");
        assertThat(Thread.currentThread().getContextClassLoader().toString()).doesNotContain("ctx.jar");
    }

    @Test
    void aPluginSeesTheSpiButNotTheEngineNorItsLibraries() throws Exception {
        PluginJarBuilder.jar("nosy.jar")
                .plugin(plugin("nosy.NosyPlugin", "nosy").stageType("peek", """
                        StringBuilder seen = new StringBuilder();
                        for (String name : List.of("dev.pipewright.spi.StageType", "dev.pipewright.engine.plugins.PluginRegistry",
                                "com.fasterxml.jackson.databind.ObjectMapper", "org.junit.jupiter.api.Test")) {
                            try {
                                Class.forName(name, false, getClass().getClassLoader());
                                seen.append(name).append(' ');
                            } catch (ClassNotFoundException e) {
                                // not visible: what we want for everything but the SPI
                            }
                        }
                        return Map.of("result", seen.toString().strip());
                        """))
                .writeTo(plugins);

        load();

        assertThat(run("nosy.peek")).containsEntry("result", "dev.pipewright.spi.StageType");
    }

    @Test
    void twoPluginsBundlingConflictingVersionsOfOneLibraryBothWork() throws Exception {
        writeGreeterPlugin("alpha", "greeting from version 1");
        writeGreeterPlugin("beta", "greeting from version 2");

        load();

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.provider("alpha.greet").orElseThrow().name()).isEqualTo("alpha");
        assertThat(run("alpha.greet")).containsEntry("result", "greeting from version 1");
        assertThat(run("beta.greet")).containsEntry("result", "greeting from version 2");
    }

    /** A folder plugin: the plugin's jar plus its own copy of {@code lib.Greeting}. */
    private void writeGreeterPlugin(String namespace, String greeting) {
        Path folder = plugins.resolve(namespace);
        Path library = PluginJarBuilder.jar("greeting.jar")
                .source("lib.Greeting", "package lib; public final class Greeting { public static String text() { return \"" + greeting + "\"; } }")
                .writeTo(folder);
        PluginJarBuilder.jar(namespace + "-plugin.jar").compiledAgainst(library)
                .plugin(plugin(namespace + ".GreeterPlugin", namespace).stageType("greet", "return Map.of(\"result\", lib.Greeting.text());"))
                .writeTo(folder);
    }

    @Test
    void aDuplicateStageTypeIsAnErrorNamingBothJarsAndTheFirstStays() throws Exception {
        PluginJarBuilder.jar("a-first.jar")
                .plugin(plugin("first.Plugin", "same").stageType("thing", "return Map.of(\"result\", \"first\");"))
                .writeTo(plugins);
        PluginJarBuilder.jar("b-second.jar")
                .plugin(plugin("second.Plugin", "same").stageType("thing", "return Map.of(\"result\", \"second\");"))
                .writeTo(plugins);

        load();

        assertThat(errors()).singleElement().asString()
                .contains("stage type `same.thing` is provided twice")
                .contains(plugins.resolve("a-first.jar").toString())
                .contains(plugins.resolve("b-second.jar").toString());
        assertThat(run("same.thing")).containsEntry("result", "first");
    }

    @Test
    void theReservedNamespacesAreRefusedToThirdPartyPlugins() {
        for (String reserved : List.of("core", "docker", "git")) {
            PluginJarBuilder.jar(reserved + "-impostor.jar")
                    .plugin(plugin(reserved + "x.Impostor", reserved).stageType("impostor", "return Map.of();"))
                    .writeTo(plugins);
        }

        load();

        assertThat(errors()).hasSize(3).allSatisfy(error -> assertThat(error).contains("is reserved for the built-in plugins"));
        assertThat(errors()).anySatisfy(error -> assertThat(error)
                .contains("core-impostor.jar").contains("corex.Impostor").contains("namespace `core`"));
        assertThat(registry.qualifiedNames()).doesNotContain("core.impostor", "docker.impostor", "git.impostor");
    }

    @Test
    void brokenJarsAreReportedByJarAndClassAndTheOthersStillLoad() throws IOException {
        PluginJarBuilder.jar("a-no-provider.jar").source("nothing.Here", "package nothing; public class Here {}").writeTo(plugins);
        PluginJarBuilder.jar("b-missing-class.jar").provider("missing.Plugin").writeTo(plugins);
        PluginJarBuilder.jar("c-throws.jar")
                .plugin(plugin("throwing.Plugin", "throwing").constructor("if (true) throw new IllegalStateException(\"no config\");"))
                .writeTo(plugins);
        Path absentLibrary = PluginJarBuilder.jar("absent.jar")
                .source("absent.Helper", "package absent; public class Helper { public static String name() { return \"x\"; } }")
                .writeTo(elsewhere);
        PluginJarBuilder.jar("d-linkage.jar").compiledAgainst(absentLibrary)
                .plugin(plugin("linkage.Plugin", "linkage").constructor("absent.Helper.name();"))
                .writeTo(plugins);
        Files.writeString(plugins.resolve("e-not-a-zip.jar"), "this is not a jar");
        PluginJarBuilder.jar("z-good.jar")
                .plugin(plugin("good.Plugin", "good").stageType("works", "return Map.of(\"result\", \"ok\");"))
                .writeTo(plugins);

        load();

        assertThat(registry.qualifiedNames()).contains("good.works");
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("a-no-provider.jar").contains("has no stage plugin")
                .contains("META-INF/services/dev.pipewright.spi.StagePlugin"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("b-missing-class.jar").contains("missing.Plugin").contains("not found"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("c-throws.jar").contains("throwing.Plugin")
                .contains("IllegalStateException: no config"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("d-linkage.jar").contains("linkage.Plugin")
                .contains("NoClassDefFoundError").contains("absent/Helper"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("e-not-a-zip.jar"));
        assertThat(errors()).noneSatisfy(e -> assertThat(e).contains("z-good.jar"));
        assertThat(registry.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("\tat "));
    }

    @Test
    void aPluginFailureBecomesAStageFailureNamingThePlugin() {
        PluginJarBuilder.jar("flaky.jar").version("0.9")
                .plugin(plugin("flaky.Plugin", "flaky")
                        .stageType("throws", "throw new IllegalStateException(\"disk on fire\");")
                        .stageType("missing-class", "throw new NoClassDefFoundError(\"com/example/Gone\");")
                        .stageType("recurses", "return run(context);")
                        .stageType("refuses", "throw StageFailure.permanent(\"the input is wrong\");"))
                .writeTo(plugins);
        load();

        assertThatThrownBy(() -> run("flaky.throws")).isInstanceOf(StageFailure.class)
                .hasMessage("`flaky.throws` (plugin flaky.jar 0.9) failed: IllegalStateException: disk on fire")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isTrue());
        assertThatThrownBy(() -> run("flaky.missing-class")).isInstanceOf(StageFailure.class)
                .hasMessage("`flaky.missing-class` (plugin flaky.jar 0.9) failed: NoClassDefFoundError: com/example/Gone")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isFalse());
        assertThatThrownBy(() -> run("flaky.recurses")).isInstanceOf(StageFailure.class)
                .hasMessageContaining("`flaky.recurses` (plugin flaky.jar 0.9) failed: StackOverflowError");
        assertThatThrownBy(() -> run("flaky.refuses")).isInstanceOf(StageFailure.class)
                .hasMessage("`flaky.refuses` (plugin flaky.jar 0.9): the input is wrong")
                .satisfies(e -> assertThat(((StageFailure) e).retryable()).isFalse());
    }

    @Test
    void aMissingPluginDirectoryTheUserNamedIsAWarning() {
        plugins = plugins.resolve("does-not-exist");

        load();

        assertThat(registry.problems()).singleElement()
                .satisfies(p -> assertThat(p.render()).startsWith("warning: plugin directory").contains("does-not-exist").contains("--plugins"));
    }

    @Test
    void runEndedReachesEveryPluginEvenWhenOneThrows() throws Exception {
        PluginJarBuilder.jar("a-throws-at-end.jar")
                .source("ender.Plugin", """
                        package ender;
                        import dev.pipewright.spi.*;
                        import java.util.*;
                        public final class Plugin implements StagePlugin {
                            public String namespace() { return "ender"; }
                            public List<StageType> stageTypes() { return List.of(); }
                            public void runEnded(String runId) { throw new IllegalStateException("cannot clean " + runId); }
                        }
                        """).provider("ender.Plugin").writeTo(plugins);
        PluginJarBuilder.jar("b-records.jar")
                .source("recorder.Plugin", """
                        package recorder;
                        import dev.pipewright.spi.*;
                        import java.util.*;
                        public final class Plugin implements StagePlugin {
                            static final List<String> ENDED = Collections.synchronizedList(new ArrayList<>());
                            public String namespace() { return "recorder"; }
                            public List<StageType> stageTypes() { return List.of(new StageType() {
                                public String name() { return "ended"; }
                                public StageSchema schema() { return StageSchema.builder("runs seen ending").output("result", ValueType.STRING, "ids").build(); }
                                public Map<String, Object> run(StageContext c) { return Map.of("result", String.join(",", ENDED)); }
                            }); }
                            public void runEnded(String runId) { ENDED.add(runId); }
                        }
                        """).provider("recorder.Plugin").writeTo(plugins);
        load();

        List<String> failures = registry.runEnded("run-42");

        assertThat(failures).containsExactly(
                "warning: plugin a-throws-at-end.jar (namespace `ender`) failed when the run ended: IllegalStateException: cannot clean run-42");
        assertThat(run("recorder.ended")).containsEntry("result", "run-42");
    }

    private List<String> errors() {
        return registry.problems().stream().filter(PluginProblem::isError).map(PluginProblem::render).toList();
    }
}
