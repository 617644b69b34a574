package dev.pipewright.stages.docker;

import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code docker.run}: runs a command in a new container, streams its output, waits for it to exit. */
final class RunStage extends DockerStageType {

    RunStage(DockerEngine engine) {
        super(engine, "run", ContainerSpec.parameters(StageSchema.builder(
                        "Run a command in a new container, stream its output, and remove the container afterwards"))
                .optional("allow-failure", ValueType.BOOL, false, "Succeed even when the command exits non-zero; read the code from `exit-code`.")
                .output("exit-code", ValueType.INT, "The command's exit code.")
                .output("container", ValueType.STRING, "The container's id; removed already unless `keep = true`.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        ContainerSpec spec = ContainerSpec.from(context);
        long exitCode;
        String id;
        ContainerProcess container = ContainerProcess.create(this, context, spec);
        try (container) {
            id = container.id();
            OutputLines output = new OutputLines(context.log(), false);
            container.watchExit(this, context);
            container.attach(this, context, output);
            container.start(this, context);
            container.awaitOutput(this, context, output);
            exitCode = container.awaitExit(this, context);
        } finally {
            if (!spec.keep()) {
                removeQuietly(context, container);
            }
        }
        if (exitCode != 0 && !context.arguments().flag("allow-failure")) {
            throw StageFailure.retryable("Command " + describe(spec) + " in a container of `" + spec.image()
                    + "` exited with code " + exitCode + ".");
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("exit-code", exitCode);
        outputs.put("container", id);
        return outputs;
    }

    private static void removeQuietly(StageContext context, ContainerProcess container) {
        try {
            container.remove();
        } catch (RuntimeException e) {
            context.log().stderr("could not remove container " + container.shortId()
                    + "; it is removed when the run ends: " + DockerFailures.rootMessage(e));
        }
    }

    static String describe(ContainerSpec spec) {
        return spec.command() == null || spec.command().isEmpty() ? "(the image's CMD)" : spec.command().toString();
    }
}
