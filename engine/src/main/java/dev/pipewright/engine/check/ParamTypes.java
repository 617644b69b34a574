package dev.pipewright.engine.check;

import dev.pipewright.grammar.Durations;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.spi.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The types of pipeline parameters and the conversion of the values given for them
 * ({@code -p NAME=VALUE} or a parameters file).
 */
public final class ParamTypes {

    /** The types a {@code param} may declare. */
    public static final List<ValueType> DECLARABLE = List.of(
            ValueType.STRING, ValueType.INT, ValueType.BOOL, ValueType.DURATION,
            ValueType.LIST, ValueType.MAP, ValueType.PATH);

    private ParamTypes() {
    }

    /**
     * The parameter's type: as declared; without a declaration, the type of its default
     * ({@code param retries = 3} is an int); {@code string} when there is neither. A declared name
     * that is not a type (a check error) reads as {@code any}.
     */
    public static ValueType of(Param param) {
        if (param.type().isPresent()) {
            ValueType declared = ValueType.byKeyword(param.type().get().value());
            return declared != null && DECLARABLE.contains(declared) ? declared : ValueType.ANY;
        }
        return param.defaultValue().flatMap(LiteralTypes::of).orElse(ValueType.STRING);
    }

    /**
     * Converts a given value to the parameter's type. Text (from {@code -p}) is read as the type
     * says: {@code 42}, {@code true}, {@code 1h30m}; lists and maps in the language's own syntax
     * ({@code [1, 2]}, {@code { url = "..." }}) or as JSON. Values already typed (from a parameters file) must
     * fit; integers become {@link Long}.
     *
     * @throws IllegalArgumentException with a message for people when the value does not fit
     */
    public static Object convert(ValueType type, Object value) {
        value = languageValue(value);
        if (value instanceof String text && type != ValueType.STRING && type != ValueType.PATH && type != ValueType.ANY) {
            return fromText(type, text);
        }
        if (!type.accepts(value)) {
            throw new IllegalArgumentException("expected " + LiteralTypes.article(type) + ", got `" + value + "`");
        }
        return value;
    }

    private static Object fromText(ValueType type, String text) {
        String trimmed = text.strip();
        switch (type) {
            case INT:
                try {
                    return Long.parseLong(trimmed);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a whole number, got `" + text + "`");
                }
            case NUMBER:
                try {
                    return trimmed.contains(".") ? (Object) Double.parseDouble(trimmed) : (Object) Long.parseLong(trimmed);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a number, got `" + text + "`");
                }
            case BOOL:
                if (trimmed.equals("true") || trimmed.equals("false")) {
                    return Boolean.parseBoolean(trimmed);
                }
                throw new IllegalArgumentException("expected true or false, got `" + text + "`");
            case DURATION:
                return Durations.parse(trimmed);
            case LIST:
            case MAP:
                return literal(type, trimmed);
            default:
                return text;
        }
    }

    /** Reads a list or map written as in a pipeline file, by parsing it as a parameter's default. */
    /**
     * A value read from JSON or YAML as the language's values: integers arrive as Integer, Long or
     * BigInteger at any depth, the language's integers are Long, so {@code depth = 1} in a file and
     * {@code "depth": 1} in JSON compare equal.
     */
    public static Object languageValue(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new java.util.ArrayList<>(list.size());
            list.forEach(item -> converted.add(languageValue(item)));
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new java.util.LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(String.valueOf(key), languageValue(item)));
            return converted;
        }
        return value;
    }

    private static Object literal(ValueType type, String text) {
        ParseResult parsed = PipelineParser.parse("-p", "pipeline p { param v = " + text + "\n}");
        Optional<Expr> expr = parsed.file().flatMap(f -> f.pipeline().params().stream().findFirst())
                .flatMap(Param::defaultValue);
        if (expr.isEmpty() || !LiteralTypes.of(expr.get()).map(t -> t == type).orElse(false)
                || !ConstantValues.isConstant(expr.get())) {
            Object json = json(text);
            if (type.accepts(json) && json != null) {
                return json;
            }
            String example = type == ValueType.LIST ? "[\"a\", \"b\"]" : "{ key = \"value\" }";
            throw new IllegalArgumentException("expected " + LiteralTypes.article(type) + " written like `" + example
                    + "`, got `" + text + "`");
        }
        return ConstantValues.of(expr.get()).orElse(type == ValueType.LIST ? List.of() : Map.of());
    }

    /** The same value written as JSON (`[{"url": "..."}]`), which people often have at hand; null when it is not JSON. */
    private static Object json(String text) {
        try {
            return languageValue(new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return null;
        }
    }
}
