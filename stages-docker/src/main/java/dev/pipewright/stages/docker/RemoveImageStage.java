package dev.pipewright.stages.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.Map;

/** {@code docker.remove-image}: removes an image (or one of its names). */
final class RemoveImageStage extends DockerStageType {

    RemoveImageStage(DockerEngine engine) {
        super(engine, "remove-image", StageSchema.builder("Remove an image, or one of its names")
                .required("image", ValueType.STRING, "The image reference or id to remove; an image that is not there is not an error.")
                .optional("force", ValueType.BOOL, false, "Remove it even when containers use it or it has several names.")
                .output("removed", ValueType.BOOL, "Whether the image was there and was removed.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        String image = context.arguments().string("image");
        boolean removed = call(context, "remove image `" + image + "`", () -> {
            try {
                engine.client().removeImageCmd(image).withForce(context.arguments().flag("force")).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
        return Map.of("removed", removed);
    }
}
