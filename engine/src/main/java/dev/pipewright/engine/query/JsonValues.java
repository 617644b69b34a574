package dev.pipewright.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.engine.events.Metrics;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Turns the values of run state into JSON: durations as milliseconds, instants as ISO-8601. */
final class JsonValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    static JsonNode of(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Duration duration) {
            return NODES.numberNode(duration.toMillis());
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof Metrics metrics) {
            ObjectNode node = NODES.objectNode();
            node.put("stagesCompleted", metrics.stagesCompleted());
            node.put("totalStages", metrics.totalStages());
            ArrayNode errors = node.putArray("errors");
            for (Metrics.StageError error : metrics.errors()) {
                errors.addObject().put("stage", error.stage()).put("error", error.error()).put("optional", error.optional());
            }
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((key, item) -> node.set(String.valueOf(key), of(item)));
            return node;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode node = NODES.arrayNode();
            items.forEach(item -> node.add(of(item)));
            return node;
        }
        return NODES.textNode(value.toString());
    }

    /** A share such as progress, to three decimals: 0.333, not 0.3333333333333333. */
    static JsonNode share(double value) {
        return NODES.numberNode(Math.round(value * 1000) / 1000.0);
    }
}
