package dev.pipewright.engine.plugins;

import dev.pipewright.spi.StageSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a plugin's namespace, stage type names and schemas pass right after loading, so that
 * every name can be written in a pipeline and every schema means one thing.
 */
final class StageTypeChecks {

    /** Reserved for the built-in plugins. */
    static final Set<String> RESERVED_NAMESPACES = Set.of("core", "docker", "git");

    private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9-]*");
    /** An identifier of the pipeline language (LANGUAGE.md, lexical rules). */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private StageTypeChecks() {
    }

    /** What is wrong with a namespace, or null. */
    static String namespaceProblem(String namespace) {
        if (namespace == null) {
            return "its namespace() is null";
        }
        if (!NAMESPACE.matcher(namespace).matches()) {
            return "namespace `" + namespace + "` is not valid: use lower-case letters, digits and `-`, starting with a letter";
        }
        return null;
    }

    /** What is wrong with a stage type's name, or null. */
    static String nameProblem(String name) {
        if (name == null) {
            return "a stage type's name() is null";
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            return "stage type name `" + name + "` is not an identifier: use letters, digits, `_` and `-`, starting with a letter or `_`";
        }
        return null;
    }

    /** Everything wrong with a schema; empty when it is well formed. */
    static List<String> schemaProblems(StageSchema schema) {
        List<String> problems = new ArrayList<>();
        if (schema.description().isBlank()) {
            problems.add("its description is blank: `pipewright stages` shows it as the stage type's one-line summary");
        }
        for (StageSchema.Parameter parameter : schema.parameters()) {
            if (!IDENTIFIER.matcher(parameter.name()).matches()) {
                problems.add("parameter `" + parameter.name() + "` is not an identifier, so no `with` block can name it");
            }
            if (parameter.description().contains("\n")) {
                problems.add("the description of parameter `" + parameter.name() + "` spans lines; keep it to one");
            }
        }
        for (StageSchema.Output output : schema.outputs()) {
            if (!IDENTIFIER.matcher(output.name()).matches()) {
                problems.add("output `" + output.name() + "` is not an identifier, so no `stages.NAME.OUTPUT` can read it");
            } else if (output.name().equals("status")) {
                problems.add("output `status` would be hidden by `stages.NAME.status`; rename it");
            }
        }
        if (schema.description().contains("\n")) {
            problems.add("its description spans lines; keep it to one");
        }
        return problems;
    }
}
