package dev.pipewright.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a stage type accepts and produces. The engine checks every {@code with} block and every
 * {@code stages.NAME.OUTPUT} reference against it before anything runs.
 *
 * @param description one line for {@code pipewright stages}
 * @param parameters the accepted arguments, in the order {@code pipewright stages TYPE} lists them
 * @param outputs the outputs {@link StageType#run} returns
 * @param openArguments whether arguments not listed in {@code parameters} are accepted too (of
 *     any type); {@code core.set} uses this
 * @param argumentsAreOutputs whether every argument is also an output of the same name;
 *     {@code core.set} uses this, so checks know its outputs
 */
public record StageSchema(
        String description,
        List<Parameter> parameters,
        List<Output> outputs,
        boolean openArguments,
        boolean argumentsAreOutputs) {

    public StageSchema {
        Objects.requireNonNull(description, "description is null");
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
        requireUnique(parameters.stream().map(Parameter::name).toList(), "parameter");
        requireUnique(outputs.stream().map(Output::name).toList(), "output");
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " `" + name + "`");
            }
        }
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Output> output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public static Builder builder(String description) {
        return new Builder(description);
    }

    /**
     * A parameter of a stage type.
     *
     * @param name the argument's key in {@code with { ... }}
     * @param type the type its value must have
     * @param required whether a pipeline must give it
     * @param defaultValue the value used when it is not given and not required; may be null
     * @param description one line for {@code pipewright stages TYPE}
     */
    public record Parameter(String name, ValueType type, boolean required, Object defaultValue, String description) {
        public Parameter {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(type, "type is null");
            Objects.requireNonNull(description, "description is null");
            if (required && defaultValue != null) {
                throw new IllegalArgumentException("parameter `" + name + "` is required and has a default");
            }
            if (!type.accepts(defaultValue)) {
                throw new IllegalArgumentException("default of parameter `" + name + "` is not a " + type);
            }
        }
    }

    /**
     * An output of a stage type, read in pipelines as {@code stages.NAME.OUTPUT}.
     *
     * @param name the output's key in the map {@link StageType#run} returns
     * @param type the type of its value
     * @param description one line for {@code pipewright stages TYPE}
     */
    public record Output(String name, ValueType type, String description) {
        public Output {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(type, "type is null");
            Objects.requireNonNull(description, "description is null");
        }
    }

    /** Builds a schema in the order parameters and outputs should be listed. */
    public static final class Builder {
        private final String description;
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<Output> outputs = new ArrayList<>();
        private boolean openArguments;
        private boolean argumentsAreOutputs;

        private Builder(String description) {
            this.description = description;
        }

        /** A parameter the pipeline must give. */
        public Builder required(String name, ValueType type, String description) {
            parameters.add(new Parameter(name, type, true, null, description));
            return this;
        }

        /** A parameter the pipeline may give; {@code defaultValue} may be null. */
        public Builder optional(String name, ValueType type, Object defaultValue, String description) {
            parameters.add(new Parameter(name, type, false, defaultValue, description));
            return this;
        }

        public Builder output(String name, ValueType type, String description) {
            outputs.add(new Output(name, type, description));
            return this;
        }

        /** Accepts arguments the schema does not list. */
        public Builder openArguments() {
            this.openArguments = true;
            return this;
        }

        /** Makes every argument an output too (implies {@link #openArguments()}). */
        public Builder argumentsAreOutputs() {
            this.openArguments = true;
            this.argumentsAreOutputs = true;
            return this;
        }

        public StageSchema build() {
            return new StageSchema(description, parameters, outputs, openArguments, argumentsAreOutputs);
        }
    }
}
