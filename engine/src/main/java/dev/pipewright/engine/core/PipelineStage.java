package dev.pipewright.engine.core;

import dev.pipewright.engine.run.AttemptContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.util.Map;

/**
 * {@code core.pipeline}: runs another pipeline file as one stage. Its events appear nested under
 * this stage, it is cancelled with it, and its outputs are those of its last stage.
 */
final class PipelineStage implements StageType {

    private static final StageSchema SCHEMA = StageSchema.builder("Runs another pipeline file as one stage")
            .required("file", ValueType.PATH, "the .pipeline file, relative to the calling file")
            .optional("params", ValueType.MAP, Map.of(), "its parameters")
            .build();

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        if (!(context instanceof AttemptContext engine)) {
            throw StageFailure.permanent("core.pipeline runs only inside the Pipewright engine");
        }
        return engine.runPipeline(context.resolvePath(context.arguments().string("file")),
                context.arguments().map("params"));
    }
}
