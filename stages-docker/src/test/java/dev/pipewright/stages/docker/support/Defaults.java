package dev.pipewright.stages.docker.support;

import dev.pipewright.spi.StageSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** Completes arguments with the schema's defaults and checks them, as the engine does before a run. */
final class Defaults {

    private Defaults() {
    }

    static Map<String, Object> complete(StageSchema schema, Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (schema.parameter(name).isEmpty()) {
                throw new IllegalArgumentException("unknown argument `" + name + "`");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>(given);
        for (StageSchema.Parameter p : schema.parameters()) {
            if (p.required() && !given.containsKey(p.name())) {
                throw new IllegalArgumentException("missing argument `" + p.name() + "`");
            }
            if (!p.type().accepts(given.get(p.name()))) {
                throw new IllegalArgumentException("argument `" + p.name() + "` is not a " + p.type());
            }
            if (!given.containsKey(p.name())) {
                values.put(p.name(), p.defaultValue());
            }
        }
        return values;
    }
}
