package dev.pipewright.engine.expr;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** How values read as text: in {@code ${...}} interpolation and in skip reasons. */
public final class Values {

    private Values() {
    }

    /** The text a value interpolates as: strings as they are, null as the empty string. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        return literal(value);
    }

    /** The value written as in a pipeline file: strings quoted, durations as {@code 1m30s}. */
    public static String literal(Object value) {
        StringBuilder out = new StringBuilder();
        appendLiteral(value, out);
        return out.toString();
    }

    private static void appendLiteral(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        } else if (value instanceof Duration d) {
            out.append(duration(d));
        } else if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            out.append(java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                appendLiteral(it.next(), out);
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? " " : ", ").append(entry.getKey()).append(" = ");
                appendLiteral(entry.getValue(), out);
                first = false;
            }
            out.append(first ? "}" : " }");
        } else {
            out.append(value);
        }
    }

    /** {@code 1h30m}, {@code 500ms}, {@code 0s}. */
    public static String duration(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long ms = d.toMillis();
        long[] sizes = {3_600_000, 60_000, 1000, 1};
        String[] units = {"h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms >= sizes[i]) {
                out.append(ms / sizes[i]).append(units[i]);
                ms %= sizes[i];
            }
        }
        return out.toString();
    }

    /** A value's type as pipelines name it, for error messages. */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Long || value instanceof Integer) {
            return "int";
        } else if (value instanceof Number) {
            return "number";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Duration) {
            return "duration";
        } else if (value instanceof List<?>) {
            return "list";
        } else if (value instanceof Map<?, ?>) {
            return "map";
        }
        return value.getClass().getSimpleName();
    }
}
