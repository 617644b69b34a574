package dev.pipewright.engine.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces secret values with {@code ***} wherever they occur, also inside larger strings. A
 * multi-line secret is masked as a whole and line by line, since processes print it a line at a
 * time. Secrets are few and registered rarely; masking is read-mostly. Thread-safe.
 */
public final class SecretMasker {

    /** What a secret reads as outside the stage that uses it. */
    public static final String MASK = "***";

    /** Longest first, so a secret that contains another is masked whole. */
    private final CopyOnWriteArrayList<String> secrets = new CopyOnWriteArrayList<>();

    /** Marks {@code value} secret; null and empty values are ignored. */
    public void register(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        List<String> added = new ArrayList<>();
        added.add(value);
        if (value.indexOf('\n') >= 0) {
            for (String line : value.split("\r?\n")) {
                // Very short lines (a brace, a blank) would mask half the output and reveal nothing.
                if (line.strip().length() >= 3) {
                    added.add(line.strip());
                }
            }
        }
        synchronized (secrets) {
            List<String> all = new ArrayList<>(secrets);
            for (String secret : added) {
                if (!all.contains(secret)) {
                    all.add(secret);
                }
            }
            all.sort(Comparator.comparingInt(String::length).reversed());
            secrets.clear();
            secrets.addAll(all);
        }
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** {@code text} with every secret replaced by {@code ***}. */
    public String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** A copy of {@code value} with every string in it masked (maps and lists are walked; keys too). */
    public Object maskValue(Object value) {
        if (secrets.isEmpty() || value == null) {
            return value;
        }
        if (value instanceof String s) {
            return mask(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(mask(String.valueOf(k)), maskValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(maskValue(item)));
            return copy;
        }
        return value;
    }

    /** {@link #maskValue} for a map of values. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> maskMap(Map<String, Object> map) {
        return secrets.isEmpty() ? map : (Map<String, Object>) maskValue(map);
    }
}
