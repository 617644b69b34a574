package dev.pipewright.stages.docker;

import com.github.dockerjava.api.exception.NotModifiedException;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.time.Duration;
import java.util.Map;

/** {@code docker.stop}: stops a running container, SIGTERM first, SIGKILL after the grace period. */
final class StopStage extends DockerStageType {

    StopStage(DockerEngine engine) {
        super(engine, "stop", StageSchema.builder("Stop a running container (SIGTERM, then SIGKILL after a grace period)")
                .required("container", ValueType.STRING, "Id or name of the container.")
                .optional("grace", ValueType.DURATION, Duration.ofSeconds(10), "How long the container may take to exit after SIGTERM before it is killed.")
                .output("stopped", ValueType.BOOL, "Whether it was running and was stopped (false when it had already exited).")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        String container = context.arguments().string("container");
        Duration grace = context.arguments().duration("grace");
        boolean stopped = call(context, "stop container " + container, () -> {
            try {
                engine.client().stopContainerCmd(container).withTimeout(Math.toIntExact(grace.toSeconds())).exec();
                return true;
            } catch (NotModifiedException e) {
                return false; // it had already exited
            }
        });
        return Map.of("stopped", stopped);
    }
}
