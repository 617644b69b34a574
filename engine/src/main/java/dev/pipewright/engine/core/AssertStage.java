package dev.pipewright.engine.core;

import dev.pipewright.engine.run.NonBlocking;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.util.Map;

/** {@code core.assert}: fails unless its condition is true. */
final class AssertStage implements StageType, NonBlocking {

    private static final StageSchema SCHEMA = StageSchema.builder("Fails unless a condition holds")
            .required("that", ValueType.BOOL, "the condition")
            .optional("message", ValueType.STRING, null, "what failed, for the person reading the output")
            .build();

    @Override
    public String name() {
        return "assert";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure {
        if (!context.arguments().bool("that")) {
            String message = context.arguments().string("message");
            throw StageFailure.permanent(message == null ? "assertion failed" : message);
        }
        return Map.of();
    }
}
