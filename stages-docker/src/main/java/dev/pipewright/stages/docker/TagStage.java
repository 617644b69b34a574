package dev.pipewright.stages.docker;

import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.Map;

/** {@code docker.tag}: gives an image another name. */
final class TagStage extends DockerStageType {

    TagStage(DockerEngine engine) {
        super(engine, "tag", StageSchema.builder("Give an image another name")
                .required("image", ValueType.STRING, "The image to tag: a reference or an id.")
                .required("tag", ValueType.STRING, "The new name, e.g. `local/app:1.2`; `:latest` when no tag is given.")
                .output("tag", ValueType.STRING, "The new name, with its tag.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        String image = context.arguments().string("image");
        ImageReference target = ImageReference.parse(context.arguments().string("tag"));
        run(context, "tag image `" + image + "` as `" + target + "`",
                () -> engine.client().tagImageCmd(image, target.repository(), target.tag()).withForce(true).exec());
        return Map.of("tag", target.toString());
    }
}
