package dev.pipewright.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evaluated arguments of an attempt. The engine has checked them against the schema, so a
 * typed getter only fails for a parameter the schema does not declare with that type, which is a
 * bug in the stage type.
 */
public final class Arguments {

    private final Map<String, Object> values;

    public Arguments(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values is null")));
    }

    /** All arguments, in the order they were written, defaults last. Values may be null. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public String string(String name) {
        return as(name, String.class);
    }

    public Long integer(String name) {
        Object value = values.get(name);
        return value instanceof Integer i ? Long.valueOf(i) : as(name, Long.class);
    }

    public Boolean bool(String name) {
        return as(name, Boolean.class);
    }

    /** A boolean argument, {@code false} when absent. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(bool(name));
    }

    public Duration duration(String name) {
        return as(name, Duration.class);
    }

    public List<?> list(String name) {
        return as(name, List.class);
    }

    /** A list argument whose elements are turned into strings ({@code command = ["sh", "-c", "..."]}). */
    public List<String> stringList(String name) {
        List<?> list = list(name);
        return list == null ? null : list.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        return as(name, Map.class);
    }

    /** A map argument whose values are turned into strings ({@code env}, {@code labels}). */
    public Map<String, String> stringMap(String name) {
        Map<String, Object> map = map(name);
        if (map == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(k, v == null ? "" : String.valueOf(v)));
        return result;
    }

    private <T> T as(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw new IllegalStateException("argument `" + name + "` is a " + value.getClass().getSimpleName()
                + ", not a " + type.getSimpleName());
    }

    @Override
    public String toString() {
        return "Arguments" + values.keySet();
    }
}
