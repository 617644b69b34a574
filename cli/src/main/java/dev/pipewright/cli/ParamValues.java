package dev.pipewright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pipewright.engine.check.ParamTypes;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of a pipeline's parameters given on the command line: a parameters file (YAML or
 * JSON, one key per parameter) and {@code -p NAME=VALUE} options, which win over the file. Each
 * value is converted to the parameter's declared type; a value that does not fit is an error that
 * names the parameter.
 */
final class ParamValues {

    /**
     * YAML is a superset of JSON, so one reader takes both. Made on first use: building it costs a
     * cold run about 75 ms, and most runs have no parameters file and no structured value.
     */
    private static final class Yaml {
        static final ObjectMapper READER = new ObjectMapper(new YAMLFactory());
    }

    private ParamValues() {
    }

    static Map<String, Object> resolve(Pipeline pipeline, Path paramsFile, List<String> assignments)
            throws UsageException {
        Map<String, Param> declared = new LinkedHashMap<>();
        pipeline.params().forEach(param -> declared.put(param.name().value(), param));
        Map<String, Object> values = new LinkedHashMap<>();
        if (paramsFile != null) {
            for (Map.Entry<String, Object> entry : readFile(paramsFile).entrySet()) {
                String where = "--params-file " + paramsFile + ": ";
                Param param = find(declared, entry.getKey(), where, pipeline);
                values.put(entry.getKey(), convert(param, entry.getValue(), where));
            }
        }
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("-p " + assignment + ": expected NAME=VALUE, such as -p tag=v1.2");
            }
            String name = assignment.substring(0, equals).strip();
            String where = "-p " + assignment + ": ";
            Param param = find(declared, name, where, pipeline);
            values.put(name, convertText(param, assignment.substring(equals + 1), where));
        }
        return values;
    }

    private static Param find(Map<String, Param> declared, String name, String where, Pipeline pipeline)
            throws UsageException {
        Param param = declared.get(name);
        if (param == null) {
            String known = declared.isEmpty() ? "it declares no parameters"
                    : "it declares " + declared.keySet().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
            throw new UsageException(where + "pipeline `" + pipeline.name().value() + "` has no parameter `" + name
                    + "` (" + known + ")");
        }
        return param;
    }

    /** Text from {@code -p}: as the type says; lists and maps also as inline JSON or YAML. */
    private static Object convertText(Param param, String text, String where) throws UsageException {
        ValueType type = ParamTypes.of(param);
        try {
            return ParamTypes.convert(type, text);
        } catch (IllegalArgumentException languageSyntax) {
            if (type == ValueType.LIST || type == ValueType.MAP) {
                try {
                    return ParamTypes.convert(type, Yaml.READER.readValue(text, Object.class));
                } catch (JsonProcessingException | IllegalArgumentException notYamlEither) {
                    // fall through: the language's own message is the clearer one
                }
            }
            throw wrongType(param, type, languageSyntax, where);
        }
    }

    private static Object convert(Param param, Object value, String where) throws UsageException {
        ValueType type = ParamTypes.of(param);
        try {
            return ParamTypes.convert(type, value);
        } catch (IllegalArgumentException e) {
            throw wrongType(param, type, e, where);
        }
    }

    private static UsageException wrongType(Param param, ValueType type, IllegalArgumentException e, String where) {
        return new UsageException(where + "parameter `" + param.name().value() + "` is of type " + type + ": "
                + e.getMessage());
    }

    /**
     * YAML parser messages span several lines: unindented ones say what is wrong, indented ones
     * quote the source and its position (already given as the line number). The last says most.
     */
    private static String lastLine(String message) {
        return message.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .reduce((first, second) -> second).orElse(message.strip());
    }

    private static Map<String, Object> readFile(Path file) throws UsageException {
        String where = "--params-file " + file + ": ";
        Object content;
        try {
            content = Yaml.READER.readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new UsageException(where + "no such file");
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new UsageException(where + "not valid YAML or JSON" + at + ": " + lastLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UsageException(where + "cannot be read: " + e.getMessage());
        }
        if (content == null) {
            return Map.of();
        }
        if (!(content instanceof Map<?, ?> map)) {
            throw new UsageException(where + "expected a map of parameter names to values, such as `tag: v1.2`");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        return values;
    }
}
