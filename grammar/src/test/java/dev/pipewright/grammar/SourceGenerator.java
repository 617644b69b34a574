package dev.pipewright.grammar;

import java.util.List;
import java.util.Random;

/**
 * Seeded generators of pipeline text: valid files in varied layouts (spacing, commas, comments,
 * one-line and multi-line blocks), random token soup, and mutations of valid files.
 */
public final class SourceGenerator {

    private static final List<String> WORDS = List.of("a", "b", "build", "test-1", "deploy_x", "x-y-z", "item", "env");
    private static final List<String> TOKENS = List.of(
            "pipeline", "param", "stage", "parallel", "finally", "true", "false", "null", "uses", "with", "when",
            "timeout", "core.log", "params.x", "stages.a.status", "item.url", "{", "}", "[", "]", "(", ")", ",", ".",
            ":", "=", "==", "!=", "<", "<=", ">", ">=", "??", "!", "&&", "||", "\"", "\"\"\"", "${", "#", "\n", " ",
            "\t", "\\", "$", "-", "@", "'", "42", "3.5", "5m", "1h30m", "5d", "1.5h", "30m1h", "\"text\"",
            "\"a ${b} c\"", "\"\"\"\n  x\n  \"\"\"", "é", "\u0000", "\r", "\r\n", "𝄞", "99999999999999999999999h");

    private final Random random;

    public SourceGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Random tokens glued with random spacing. */
    public String tokenSoup() {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            out.append(pick(TOKENS));
            if (random.nextBoolean()) {
                out.append(random.nextInt(4) == 0 ? "\n" : " ");
            }
        }
        return out.toString();
    }

    /** A valid file: it parses without a diagnostic (its references need not resolve). */
    public String validFile() {
        StringBuilder out = new StringBuilder();
        maybeComment(out, "");
        out.append("pipeline ").append(name()).append(" {").append(trailingComment()).append('\n');
        if (random.nextBoolean()) {
            out.append("  description = ").append(string(2)).append('\n');
        }
        if (random.nextBoolean()) {
            out.append("  timeout = ").append(duration()).append(trailingComment()).append('\n');
        }
        int params = random.nextInt(3);
        for (int i = 0; i < params; i++) {
            maybeComment(out, "  ");
            out.append("  param p").append(i);
            if (random.nextBoolean()) {
                out.append(": ").append(pick(List.of("string", "int", "bool", "list", "map", "duration", "path")));
            }
            if (random.nextBoolean()) {
                out.append(" = ").append(literal(2));
            }
            out.append(trailingComment()).append('\n');
        }
        int blocks = 1 + random.nextInt(4);
        for (int i = 0; i < blocks; i++) {
            maybeComment(out, "  ");
            if (random.nextInt(4) == 0) {
                out.append("  parallel group").append(i).append(" {\n");
                if (random.nextBoolean()) {
                    out.append("    max = ").append(1 + random.nextInt(4)).append('\n');
                }
                int stages = 1 + random.nextInt(3);
                for (int j = 0; j < stages; j++) {
                    stage(out, "s" + i + "-" + j, "    ");
                }
                out.append("  }\n");
            } else {
                stage(out, "s" + i, "  ");
            }
        }
        if (random.nextInt(3) == 0) {
            out.append("  finally {\n");
            stage(out, "cleanup", "    ");
            out.append("  }\n");
        }
        maybeComment(out, "  ");
        out.append("}\n");
        maybeComment(out, "");
        return out.toString();
    }

    private void stage(StringBuilder out, String name, String indent) {
        boolean oneLine = random.nextInt(3) == 0;
        String sep = oneLine ? "  " : "\n" + indent + "  ";
        out.append(indent).append("stage ").append(name).append(" {").append(oneLine ? " " : trailingComment() + sep);
        out.append("uses = core.").append(pick(List.of("log", "exec", "set")));
        if (random.nextBoolean()) {
            out.append(sep).append("when = ").append(expression(3));
        }
        if (random.nextBoolean()) {
            out.append(sep).append("retry = ").append(random.nextInt(5));
        }
        if (random.nextBoolean()) {
            out.append(sep).append("timeout = ").append(duration());
        }
        if (random.nextBoolean()) {
            out.append(sep).append("for-each = ").append(random.nextBoolean() ? "params.p0" : list(2));
        }
        out.append(sep).append("with {");
        int entries = random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            out.append(oneLine ? " " : "\n" + indent + "    ").append(key()).append(" = ").append(value(3));
            if (random.nextInt(3) == 0) {
                out.append(',');
            }
            if (!oneLine && random.nextInt(4) == 0) {
                out.append(trailingComment());
            }
        }
        out.append(oneLine ? " }" : "\n" + indent + "  }");
        out.append(oneLine ? " }" : "\n" + indent + "}").append(oneLine ? "" : trailingComment()).append('\n');
    }

    private String value(int depth) {
        return random.nextInt(3) == 0 ? expression(depth) : literal(depth);
    }

    private String literal(int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 6)) {
            case 0 -> string(depth);
            case 1 -> String.valueOf(random.nextInt(1000));
            case 2 -> random.nextInt(100) + "." + random.nextInt(100);
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> duration();
            case 5 -> "null";
            case 6 -> list(depth - 1);
            case 7 -> map(depth - 1);
            default -> tripleString();
        };
    }

    private String list(int depth) {
        StringBuilder out = new StringBuilder("[");
        int items = random.nextInt(random.nextInt(8) == 0 ? 20 : 4);
        for (int i = 0; i < items; i++) {
            out.append(i == 0 ? "" : pick(List.of(", ", " ", ",\n", "\n", " , "))).append(literal(depth));
        }
        if (items > 0 && random.nextBoolean()) {
            out.append(',');
        }
        return out.append(']').toString();
    }

    private String map(int depth) {
        StringBuilder out = new StringBuilder("{");
        int entries = random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            out.append(i == 0 ? " " : pick(List.of(", ", "  ", "\n", ",\n"))).append(key()).append(" = ").append(value(depth));
        }
        return out.append(entries > 0 && random.nextBoolean() ? ", }" : " }").toString();
    }

    private String expression(int depth) {
        if (depth <= 0) {
            return reference();
        }
        return switch (random.nextInt(7)) {
            case 0 -> "!" + expression(depth - 1);
            case 1 -> "(" + expression(depth - 1) + ")";
            case 2, 3 -> expression(depth - 1) + " " + pick(List.of("||", "&&", "==", "!=", "<", "<=", ">", ">=", "??"))
                    + " " + (random.nextBoolean() ? expression(depth - 1) : literal(0));
            default -> reference();
        };
    }

    private String reference() {
        return pick(List.of("params.p0", "stages.s0.status", "env.HOME", "secret.TOKEN", "run.dir", "run.id",
                "pipeline.name", "item", "item.url", "stages.s1.exit-code"));
    }

    private String string(int depth) {
        StringBuilder out = new StringBuilder("\"");
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(5)) {
                case 0 -> out.append(pick(List.of("\\\"", "\\\\", "\\n", "\\t", "\\$", "$ ", "#not a comment")));
                case 1 -> out.append("${").append(depth > 0 ? expression(depth - 1) + " ?? " + string(depth - 1) : reference())
                        .append('}');
                default -> out.append(pick(List.of("hello", " ", "a b", "x=1", "{}", "é")));
            }
        }
        return out.append('"').toString();
    }

    private String tripleString() {
        StringBuilder out = new StringBuilder("\"\"\"\n");
        String indent = " ".repeat(random.nextInt(6));
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(5) == 0) {
                out.append('\n');
                continue;
            }
            out.append(indent).append(" ".repeat(random.nextInt(3)))
                    .append(pick(List.of("text", "\"quoted\"", "a \\\"\"\" b", "${params.p0}", "tab\\there", "$ sign")))
                    .append('\n');
        }
        return out.append(indent).append("\"\"\"").toString();
    }

    private String duration() {
        return pick(List.of("500ms", "2s", "5m", "1h", "1h30m", "2m15s", "1h0m0s10ms"));
    }

    private String key() {
        return random.nextInt(6) == 0 ? "\"key " + random.nextInt(10) + "\"" : pick(WORDS) + random.nextInt(10);
    }

    private String name() {
        return pick(WORDS) + random.nextInt(100);
    }

    private void maybeComment(StringBuilder out, String indent) {
        if (random.nextInt(3) == 0) {
            out.append(indent).append("# comment ").append(random.nextInt(100)).append('\n');
        }
    }

    private String trailingComment() {
        return random.nextInt(4) == 0 ? "  # trailing " + random.nextInt(100) : "";
    }

    /** A valid file with a few random edits: characters or tokens deleted, duplicated or swapped. */
    public String mutate(String source) {
        String result = source;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !result.isEmpty(); i++) {
            int at = random.nextInt(result.length());
            int length = 1 + random.nextInt(Math.min(12, result.length() - at));
            int other = random.nextInt(result.length());
            String piece = result.substring(at, at + length);
            result = switch (random.nextInt(6)) {
                case 0 -> result.substring(0, at) + result.substring(at + length);
                case 1 -> result.substring(0, at) + piece + result.substring(at);
                case 2 -> swap(result, at, other);
                case 3 -> result.substring(0, other) + piece + result.substring(other);
                case 4 -> result.substring(0, at) + pick(TOKENS) + result.substring(at);
                default -> result.substring(0, at) + (char) random.nextInt(128) + result.substring(at + 1);
            };
        }
        return result;
    }

    private static String swap(String text, int a, int b) {
        if (a == b) {
            return text;
        }
        char[] chars = text.toCharArray();
        char c = chars[a];
        chars[a] = chars[b];
        chars[b] = c;
        return new String(chars);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
