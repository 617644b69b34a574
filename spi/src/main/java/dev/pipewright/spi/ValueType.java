package dev.pipewright.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The types of parameters, outputs and pipeline parameters, with the Java classes their values
 * have at run time. {@code null} is a value of every type.
 */
public enum ValueType {
    /** {@link String}. */
    STRING("string"),
    /** {@link Long}. */
    INT("int"),
    /** {@link Long} or {@link Double}. */
    NUMBER("number"),
    /** {@link Boolean}. */
    BOOL("bool"),
    /** {@link Duration}. */
    DURATION("duration"),
    /** {@link List} of values. */
    LIST("list"),
    /** {@link Map} from {@link String} to values, in insertion order. */
    MAP("map"),
    /** A file system path, as a {@link String}; relative paths are resolved by the stage type. */
    PATH("path"),
    /** Any of the above. */
    ANY("any");

    private final String keyword;

    ValueType(String keyword) {
        this.keyword = keyword;
    }

    /** The name used in pipeline files and in {@code pipewright stages}: {@code string}, {@code int}. */
    public String keyword() {
        return keyword;
    }

    /** Whether {@code value} is a value of this type. An {@code int} is also a {@code number}. */
    public boolean accepts(Object value) {
        if (value == null) {
            return true;
        }
        return switch (this) {
            case STRING, PATH -> value instanceof String;
            case INT -> value instanceof Long || value instanceof Integer;
            case NUMBER -> value instanceof Number;
            case BOOL -> value instanceof Boolean;
            case DURATION -> value instanceof Duration;
            case LIST -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
            case ANY -> true;
        };
    }

    /** The type named by {@code keyword}, or {@code null} when there is none. */
    public static ValueType byKeyword(String keyword) {
        for (ValueType type : values()) {
            if (type.keyword.equals(keyword)) {
                return type;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return keyword;
    }
}
