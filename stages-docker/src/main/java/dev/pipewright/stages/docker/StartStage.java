package dev.pipewright.stages.docker;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker.start}: starts a long-lived container for later {@code docker.exec},
 * {@code docker.copy} and {@code docker.commit} stages. It lives until a {@code docker.remove}
 * stage or the end of the run, which removes it unless {@code keep = true}.
 */
final class StartStage extends DockerStageType {

    StartStage(DockerEngine engine) {
        super(engine, "start", ContainerSpec.parameters(StageSchema.builder(
                        "Start a long-lived container in the background; removed when the run ends unless kept"))
                .output("container", ValueType.STRING, "The running container's id, for docker.exec, docker.copy, docker.commit, docker.logs, docker.stop and docker.remove.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        ContainerSpec spec = ContainerSpec.from(context);
        ContainerProcess container = ContainerProcess.create(this, context, spec, true);
        boolean started = false;
        try (container) {
            container.start(this, context);
            started = true;
        } finally {
            if (!started) {
                container.remove();
            }
        }
        context.log().stdout("started container " + container.shortId() + " from " + spec.image());
        return Map.of("container", container.id());
    }

    /** A started container is reused only while it still runs (runs remove theirs unless `keep = true`). */
    @Override
    public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
        return new ReuseChecks(engine).runningContainer(outputs.get("container"));
    }

    /** Starts from the snapshot image instead, while it exists. */
    @Override
    public Optional<Arguments> fromSnapshot(Arguments arguments, String snapshot) {
        if (new ReuseChecks(engine).image(snapshot, java.util.List.of()).isPresent()) {
            return Optional.empty();
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>(arguments.asMap());
        values.put("image", snapshot);
        return Optional.of(new Arguments(values));
    }
}
