package dev.pipewright.stages.docker;

import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.Map;

/** {@code docker.logs}: reads what a container has written so far, without following it. */
final class LogsStage extends DockerStageType {

    LogsStage(DockerEngine engine) {
        super(engine, "logs", StageSchema.builder("Read a container's output so far")
                .required("container", ValueType.STRING, "Id or name of the container.")
                .optional("tail", ValueType.INT, null, "Only the last this many lines of each stream; all when absent.")
                .output("logs", ValueType.STRING, "The container's standard output, lines joined with newlines, at most 1 MiB; standard error goes to the stage's log only.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        String container = context.arguments().string("container");
        Long tail = context.arguments().integer("tail");
        OutputLines output = new OutputLines(context.log(), true);
        String doing = "read the output of container " + container;
        run(context, doing, () -> {
            var logs = engine.client().logContainerCmd(container).withStdOut(true).withStdErr(true).withFollowStream(false);
            if (tail != null) {
                logs.withTail(Math.toIntExact(tail));
            } else {
                logs.withTailAll();
            }
            logs.exec(output);
        });
        try {
            output.awaitCompletion();
        } catch (RuntimeException e) {
            throw engine.failures().failure(e, doing);
        }
        output.flush();
        return Map.of("logs", output.captured());
    }
}
