package dev.pipewright.engine.core;

import dev.pipewright.engine.run.NonBlocking;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.util.Map;

/** {@code core.fail}: fails with a message; retrying it does not help. */
final class FailStage implements StageType, NonBlocking {

    private static final StageSchema SCHEMA = StageSchema.builder("Fails the stage with a message")
            .optional("message", ValueType.STRING, "failed on purpose", "why")
            .build();

    @Override
    public String name() {
        return "fail";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure {
        throw StageFailure.permanent(context.arguments().string("message"));
    }
}
