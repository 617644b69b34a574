package dev.pipewright.engine.core;

import dev.pipewright.engine.run.NonBlocking;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.util.Locale;
import java.util.Map;

/** {@code core.log}: prints a message; {@code warn} and {@code error} go to the stderr stream. */
final class LogStage implements StageType, NonBlocking {

    private static final StageSchema SCHEMA = StageSchema.builder("Prints a message to the run's output")
            .required("message", ValueType.STRING, "the text to print (may span lines)")
            .optional("level", ValueType.STRING, "info", "info, warn or error; warn and error print on stderr")
            .build();

    @Override
    public String name() {
        return "log";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure {
        String message = context.arguments().string("message");
        String level = context.arguments().string("level").toLowerCase(Locale.ROOT);
        switch (level) {
            case "info" -> context.log().stdout(message);
            case "warn", "error" -> context.log().stderr(message);
            default -> throw StageFailure.permanent("`level` of core.log must be info, warn or error, not `" + level + "`");
        }
        return Map.of();
    }
}
