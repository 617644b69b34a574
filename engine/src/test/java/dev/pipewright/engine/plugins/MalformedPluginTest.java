package dev.pipewright.engine.plugins;

import static dev.pipewright.engine.plugins.StagePluginSource.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed plugin is rejected right after loading with the reason, and only what is
 * malformed is rejected. One jar holds all the cases, so the compiler runs once.
 */
class MalformedPluginTest {

    private static final String OK_SCHEMA = "StageSchema.builder(\"fine\").build()";
    private static final String RUN = "return Map.of();";

    @TempDir
    Path plugins;

    private PluginRegistry registry;

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    @Test
    void eachMalformedPartIsRejectedWithItsReasonAndTheWellFormedRestLoads() {
        PluginJarBuilder.jar("malformed.jar")
                .plugin(plugin("bad.BadNamespace", "Not_Valid").stageType("x", OK_SCHEMA, RUN))
                .plugin(plugin("bad.NullNamespace", null).stageType("x", OK_SCHEMA, RUN))
                .plugin(plugin("bad.Types", "bad")
                        .stageType("fine", OK_SCHEMA, RUN)
                        .stageType("has space", OK_SCHEMA, RUN)
                        .stageType(null, OK_SCHEMA, RUN)
                        .stageType("no-schema", "null", RUN)
                        .stageType("duplicate-parameter", """
                                StageSchema.builder("d").optional("a", ValueType.STRING, null, "one")
                                    .optional("a", ValueType.INT, null, "two").build()""", RUN)
                        .stageType("required-with-default",
                                "new StageSchema(\"d\", List.of(new StageSchema.Parameter(\"p\", ValueType.INT, true, 3L, \"p\")), List.of(), false, false)", RUN)
                        .stageType("wrong-default", "StageSchema.builder(\"d\").optional(\"p\", ValueType.INT, \"three\", \"p\").build()", RUN)
                        .stageType("bad-parameter-name", "StageSchema.builder(\"d\").optional(\"two words\", ValueType.STRING, null, \"p\").build()", RUN)
                        .stageType("bad-output-name", "StageSchema.builder(\"d\").output(\"a.b\", ValueType.STRING, \"o\").build()", RUN)
                        .stageType("status-output", "StageSchema.builder(\"d\").output(\"status\", ValueType.STRING, \"o\").build()", RUN)
                        .stageType("blank-description", "StageSchema.builder(\" \").build()", RUN)
                        .stageType("two-line-description", "StageSchema.builder(\"one\\ntwo\").build()", RUN)
                        .stageType("fine", OK_SCHEMA, RUN))
                .writeTo(plugins);

        registry = PluginRegistry.load(new PluginDirectories(List.of(new PluginDirectories.PluginDirectory(plugins, "--plugins", true))));

        assertThat(registry.qualifiedNames()).filteredOn(name -> name.startsWith("bad.")).containsExactly("bad.fine");
        assertThat(errors()).allSatisfy(error -> assertThat(error).startsWith("error: plugin " + plugins.resolve("malformed.jar")));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("bad.BadNamespace").contains("namespace `Not_Valid` is not valid"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("bad.NullNamespace").contains("namespace() is null"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("stage type name `has space` is not an identifier"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("a stage type's name() is null"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.no-schema` has no schema"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.duplicate-parameter` is malformed: duplicate parameter `a`"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.required-with-default` is malformed: parameter `p` is required and has a default"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.wrong-default` is malformed: default of parameter `p` is not a int"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.bad-parameter-name` is malformed: parameter `two words` is not an identifier"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.bad-output-name` is malformed: output `a.b` is not an identifier"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.status-output` is malformed: output `status` would be hidden"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.blank-description` is malformed: its description is blank"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("`bad.two-line-description` is malformed: its description spans lines"));
        assertThat(errors()).anySatisfy(e -> assertThat(e).contains("bad.Types: it lists stage type `bad.fine` twice"));
        assertThat(errors()).hasSize(14);
    }

    private List<String> errors() {
        return registry.problems().stream().filter(PluginProblem::isError).map(PluginProblem::render).toList();
    }
}
