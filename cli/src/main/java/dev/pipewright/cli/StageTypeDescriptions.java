package dev.pipewright.cli;

import dev.pipewright.engine.plugins.PluginIdentity;
import dev.pipewright.engine.plugins.StageTypeHandle;
import dev.pipewright.spi.StageSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code pipewright stages} shows stage types: an aligned table, a detail page, JSON. */
final class StageTypeDescriptions {

    private StageTypeDescriptions() {
    }

    /** One line per stage type: namespace, name, plugin (jar and version) and description. */
    static String table(List<StageTypeHandle> types) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAMESPACE", "NAME", "PLUGIN", "DESCRIPTION"));
        for (StageTypeHandle type : types) {
            rows.add(List.of(type.namespace(), type.name(), type.plugin().label(), type.schema().description()));
        }
        return align(rows, "");
    }

    /** Everything about one stage type: its plugin, parameters and outputs. */
    static String detail(StageTypeHandle type) {
        StageSchema schema = type.schema();
        StringBuilder text = new StringBuilder();
        text.append(type.qualifiedName()).append(": ").append(schema.description()).append('\n');
        PluginIdentity plugin = type.plugin();
        text.append("plugin: ").append(plugin.label());
        if (!plugin.builtIn() && plugin.location() != null) {
            text.append(" (").append(plugin.location()).append(')');
        }
        text.append("\n\nparameters:\n");
        if (schema.parameters().isEmpty()) {
            text.append("  (none)\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "TYPE", "REQUIRED", "DEFAULT", "DESCRIPTION"));
            for (StageSchema.Parameter parameter : schema.parameters()) {
                rows.add(List.of(parameter.name(), parameter.type().keyword(), parameter.required() ? "yes" : "no",
                        parameter.required() || parameter.defaultValue() == null ? "-" : literal(parameter.defaultValue()),
                        parameter.description()));
            }
            text.append(align(rows, "  "));
        }
        if (schema.openArguments()) {
            text.append("  (accepts other arguments of any type").append(schema.argumentsAreOutputs() ? ", each also an output" : "")
                    .append(")\n");
        }
        text.append("\noutputs:\n");
        if (schema.outputs().isEmpty()) {
            text.append(schema.argumentsAreOutputs() ? "" : "  (none)\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "TYPE", "DESCRIPTION"));
            for (StageSchema.Output output : schema.outputs()) {
                rows.add(List.of(output.name(), output.type().keyword(), output.description()));
            }
            text.append(align(rows, "  "));
        }
        return text.toString();
    }

    /** The JSON object of one stage type; Jackson writes it as it is. */
    static Map<String, Object> asJson(StageTypeHandle type) {
        StageSchema schema = type.schema();
        PluginIdentity plugin = type.plugin();
        Map<String, Object> pluginJson = new LinkedHashMap<>();
        pluginJson.put("name", plugin.name());
        pluginJson.put("version", plugin.version());
        pluginJson.put("builtIn", plugin.builtIn());
        pluginJson.put("location", plugin.builtIn() || plugin.location() == null ? null : plugin.location().toString());
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (StageSchema.Parameter parameter : schema.parameters()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", parameter.name());
            json.put("type", parameter.type().keyword());
            json.put("required", parameter.required());
            json.put("default", jsonValue(parameter.defaultValue()));
            json.put("description", parameter.description());
            parameters.add(json);
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (StageSchema.Output output : schema.outputs()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", output.name());
            json.put("type", output.type().keyword());
            json.put("description", output.description());
            outputs.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type.qualifiedName());
        json.put("namespace", type.namespace());
        json.put("name", type.name());
        json.put("plugin", pluginJson);
        json.put("description", schema.description());
        json.put("parameters", parameters);
        json.put("outputs", outputs);
        json.put("openArguments", schema.openArguments());
        json.put("argumentsAreOutputs", schema.argumentsAreOutputs());
        return json;
    }

    /** Durations as written in pipelines ({@code 1m30s}); everything else is already JSON. */
    private static Object jsonValue(Object value) {
        if (value instanceof Duration duration) {
            return durationLiteral(duration);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StageTypeDescriptions::jsonValue).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(k, jsonValue(v)));
            return result;
        }
        return value;
    }

    /** A default as a pipeline would write it: {@code "text"}, {@code 5s}, {@code [1, 2]}. */
    private static String literal(Object value) {
        if (value instanceof String string) {
            return '"' + string.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Duration duration) {
            return durationLiteral(duration);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StageTypeDescriptions::literal).toList().toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(k + " = " + literal(v)));
            return entries.isEmpty() ? "{}" : "{ " + String.join(", ", entries) + " }";
        }
        return String.valueOf(value);
    }

    private static String durationLiteral(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        long seconds = duration.toSecondsPart();
        long millis = duration.toMillisPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0) {
            text.append(seconds).append('s');
        }
        if (millis > 0) {
            text.append(millis).append("ms");
        }
        return text.toString();
    }

    /** Left-aligned columns, two spaces apart; the last column is not padded. */
    private static String align(List<List<String>> rows, String indent) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                line.append(i < columns - 1 ? cell + " ".repeat(widths[i] - cell.length() + 2) : cell);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
