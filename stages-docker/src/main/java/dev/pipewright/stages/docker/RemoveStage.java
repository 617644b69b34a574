package dev.pipewright.stages.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.Map;

/** {@code docker.remove}: removes a container; the usual last stage of a {@code finally} block. */
final class RemoveStage extends DockerStageType {

    RemoveStage(DockerEngine engine) {
        super(engine, "remove", StageSchema.builder("Remove a container")
                .optional("container", ValueType.STRING, null, "Id or name of the container; null (a stage that never started it) or a container that is not there is not an error, so `finally` blocks can use it whatever happened before.")
                .optional("force", ValueType.BOOL, true, "Kill the container first if it is running.")
                .output("removed", ValueType.BOOL, "Whether the container was there and was removed.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        String container = context.arguments().string("container");
        if (container == null || container.isBlank()) {
            context.log().stdout("no container to remove");
            return Map.of("removed", false);
        }
        boolean force = context.arguments().bool("force") == null || context.arguments().bool("force");
        boolean removed = call(context, "remove container " + container, () -> {
            try {
                engine.client().removeContainerCmd(container).withForce(force).withRemoveVolumes(true).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
        return Map.of("removed", removed);
    }
}
