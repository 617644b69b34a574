package dev.pipewright.engine.core;

import dev.pipewright.engine.run.NonBlocking;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.util.Map;

/** {@code core.sleep}: waits; cancelled at once by the interrupt. */
final class SleepStage implements StageType, NonBlocking {

    private static final StageSchema SCHEMA = StageSchema.builder("Waits for a while")
            .required("duration", ValueType.DURATION, "how long to wait")
            .build();

    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws InterruptedException {
        Thread.sleep(context.arguments().duration("duration").toMillis());
        return Map.of();
    }
}
