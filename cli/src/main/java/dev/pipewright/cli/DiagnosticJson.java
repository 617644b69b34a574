package dev.pipewright.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.grammar.diag.Diagnostic;
import java.util.List;

/**
 * Diagnostics as JSON for tools: an array of objects with {@code file, line, column, endLine,
 * endColumn, severity, message, hint} ({@code hint} is null when there is none).
 */
final class DiagnosticJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DiagnosticJson() {
    }

    static String render(List<Diagnostic> diagnostics) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode node = array.addObject();
            node.put("file", d.span().file());
            node.put("line", d.span().line());
            node.put("column", d.span().column());
            node.put("endLine", d.span().endLine());
            node.put("endColumn", d.span().endColumn());
            node.put("severity", d.severity().label());
            node.put("message", d.message());
            node.put("hint", d.hint().orElse(null));
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
