package dev.pipewright.engine.core;

import dev.pipewright.engine.run.NonBlocking;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import java.util.Map;

/** {@code core.set}: its outputs are its arguments, so later stages can read computed values by name. */
final class SetStage implements StageType, NonBlocking {

    private static final StageSchema SCHEMA =
            StageSchema.builder("Names values: every argument becomes an output of the same name")
                    .argumentsAreOutputs()
                    .build();

    @Override
    public String name() {
        return "set";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) {
        return context.arguments().asMap();
    }

    /** Its outputs are a function of its arguments, and running it again changes nothing later stages see. */
    @Override
    public boolean pure() {
        return true;
    }
}
