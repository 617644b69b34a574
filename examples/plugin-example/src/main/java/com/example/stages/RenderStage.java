package com.example.stages;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code text.render}: fills {@code {{name}}} placeholders of a template with {@code values},
 * and optionally writes the result to a file.
 */
final class RenderStage implements StageType {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    private static final StageSchema SCHEMA = StageSchema.builder("Fills {{name}} placeholders of a template with values")
            .optional("template", ValueType.STRING, null, "the template text; give this or `template-file`")
            .optional("template-file", ValueType.PATH, null, "a file holding the template, relative to the pipeline file")
            .optional("values", ValueType.MAP, Map.of(), "the values of the placeholders, by name")
            .optional("into", ValueType.PATH, null, "a file to write the result to, relative to the pipeline file")
            .output("text", ValueType.STRING, "the rendered text")
            .output("file", ValueType.PATH, "the absolute path of the written file, or null")
            .build();

    @Override
    public String name() {
        return "render";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure {
        Arguments arguments = context.arguments();
        String template = template(context, arguments);
        Map<String, Object> values = arguments.map("values") == null ? Map.of() : arguments.map("values");
        String text = render(template, values);
        Map<String, Object> outputs = new HashMap<>();
        outputs.put("text", text);
        outputs.put("file", null);
        if (arguments.has("into")) {
            Path into = context.resolvePath(arguments.string("into"));
            try {
                if (into.getParent() != null) {
                    Files.createDirectories(into.getParent());
                }
                Files.writeString(into, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw StageFailure.permanent("cannot write the rendered text to " + into + ": " + e.getMessage(), e);
            }
            context.log().stdout("wrote " + text.length() + " characters to " + into);
            outputs.put("file", into.toString());
        }
        return outputs;
    }

    private static String template(StageContext context, Arguments arguments) throws StageFailure {
        boolean inline = arguments.has("template");
        boolean file = arguments.has("template-file");
        if (inline == file) {
            throw StageFailure.permanent("text.render needs exactly one of `template` and `template-file`");
        }
        if (inline) {
            return arguments.string("template");
        }
        Path path = context.resolvePath(arguments.string("template-file"));
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw StageFailure.permanent("cannot read the template " + path + ": " + e.getMessage(), e);
        }
    }

    /** Replaces every placeholder; names a missing value instead of leaving a hole in the text. */
    static String render(String template, Map<String, Object> values) throws StageFailure {
        TreeSet<String> missing = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!values.containsKey(name)) {
                missing.add(name);
                continue;
            }
            Object value = values.get(name);
            matcher.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        if (!missing.isEmpty()) {
            throw StageFailure.permanent("the template uses " + String.join(", ", missing.stream().map(n -> "{{" + n + "}}").toList())
                    + " but `values` has no " + String.join(", ", missing.stream().map(n -> "`" + n + "`").toList())
                    + "; add it to `values`");
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
