package dev.pipewright.stages.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code docker.image-exists}: whether an image is present on the engine, without pulling it. */
final class ImageExistsStage extends DockerStageType {

    ImageExistsStage(DockerEngine engine) {
        super(engine, "image-exists", StageSchema.builder("Tell whether an image is present on the Docker engine")
                .required("image", ValueType.STRING, "Image reference, e.g. `local/busybox:test`; `:latest` when no tag is given.")
                .output("exists", ValueType.BOOL, "Whether the image is present.")
                .output("id", ValueType.STRING, "The image's id (`sha256:...`), or null when it is not present.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        String image = context.arguments().string("image");
        String id = call(context, "look up image `" + image + "`", () -> {
            try {
                return engine.client().inspectImageCmd(image).exec().getId();
            } catch (NotFoundException e) {
                return null;
            }
        });
        Map<String, Object> outputs = new HashMap<>();
        outputs.put("exists", id != null);
        outputs.put("id", id);
        return outputs;
    }

    /** Its answer is reused only while it is still the answer. */
    @Override
    public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
        return new ReuseChecks(engine).sameAnswer(context.arguments().string("image"), outputs.get("exists"),
                outputs.get("id"));
    }
}
