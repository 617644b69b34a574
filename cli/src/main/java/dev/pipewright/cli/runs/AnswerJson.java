package dev.pipewright.cli.runs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A query's answer as JSON text, written with the streaming generator: what an
 * {@code ObjectMapper} prints (indented, or on one line), without building one, which costs a
 * cold {@code pipewright query} more than answering the query.
 */
final class AnswerJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AnswerJson() {
    }

    /** Indented as {@code SerializationFeature.INDENT_OUTPUT} indents. */
    static String indented(JsonNode answer) {
        return write(answer, true);
    }

    /** On one line, as {@link JsonNode#toString()}. */
    static String compact(JsonNode answer) {
        return write(answer, false);
    }

    private static String write(JsonNode answer, boolean indented) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            if (indented) {
                json.useDefaultPrettyPrinter();
            }
            write(answer, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, JsonGenerator json) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    json.writeFieldName(field.getKey());
                    write(field.getValue(), json);
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (JsonNode element : node) {
                    write(element, json);
                }
                json.writeEndArray();
            }
            case STRING -> json.writeString(node.textValue());
            case NUMBER -> writeNumber(node, json);
            case BOOLEAN -> json.writeBoolean(node.booleanValue());
            default -> json.writeNull();
        }
    }

    private static void writeNumber(JsonNode number, JsonGenerator json) throws IOException {
        switch (number.numberType()) {
            case INT -> json.writeNumber(number.intValue());
            case LONG -> json.writeNumber(number.longValue());
            case BIG_INTEGER -> json.writeNumber(number.bigIntegerValue());
            case FLOAT -> json.writeNumber(number.floatValue());
            case DOUBLE -> json.writeNumber(number.doubleValue());
            case BIG_DECIMAL -> json.writeNumber(number.decimalValue());
        }
    }
}
