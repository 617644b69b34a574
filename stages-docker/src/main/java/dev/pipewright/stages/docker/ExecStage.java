package dev.pipewright.stages.docker;

import com.github.dockerjava.api.command.ExecCreateCmd;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker.exec}: runs a command in a running container (one started by {@code docker.start}). */
final class ExecStage extends DockerStageType {

    ExecStage(DockerEngine engine) {
        super(engine, "exec", StageSchema.builder("Run a command in a running container and stream its output")
                .required("container", ValueType.STRING, "Id or name of a running container, e.g. `stages.start-box.container`.")
                .required("command", ValueType.LIST, "Command and its arguments, e.g. `[\"sh\", \"-c\", \"make\"]`.")
                .optional("user", ValueType.STRING, null, "User (name or uid[:gid]) the command runs as; the container's user when absent.")
                .optional("workdir", ValueType.STRING, null, "Working directory for the command; the container's when absent.")
                .optional("env", ValueType.MAP, Map.of(), "Environment variables added for this command.")
                .optional("allow-failure", ValueType.BOOL, false, "Succeed even when the command exits non-zero; read the code from `exit-code`.")
                .output("exit-code", ValueType.INT, "The command's exit code.")
                .output("stdout", ValueType.STRING, "The command's standard output, lines joined with newlines, at most 1 MiB.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments args = context.arguments();
        String container = args.string("container");
        List<String> command = args.stringList("command");
        if (command == null || command.isEmpty()) {
            throw StageFailure.permanent("docker.exec needs a non-empty `command`.");
        }
        ExecStopper stopper = new ExecStopper(engine, container, args.string("user"));
        String execId = call(context, "prepare " + command + " in container " + container, () -> {
            ExecCreateCmd create = engine.client().execCreateCmd(container).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true);
            if (args.string("user") != null) {
                create.withUser(args.string("user"));
            }
            if (args.string("workdir") != null) {
                create.withWorkingDir(args.string("workdir"));
            }
            List<String> env = new ArrayList<>();
            Map<String, String> given = args.stringMap("env");
            if (given != null) {
                given.forEach((name, value) -> env.add(name + "=" + value));
            }
            env.add(stopper.environmentEntry());
            return create.withEnv(env).exec().getId();
        });
        OutputLines output = new OutputLines(context.log(), true);
        try (Cancellation.Registration ignored = context.cancellation().onCancel(stopper::start)) {
            call(context, "run " + command + " in container " + container,
                    () -> engine.client().execStartCmd(execId).exec(output));
            output.awaitCompletion();
        } catch (InterruptedException e) {
            throw context.cancellation().isCancelled() ? stopped(context, stopper, execId, command, e) : e;
        } catch (RuntimeException e) {
            if (context.cancellation().isCancelled()) {
                throw stopped(context, stopper, execId, command, e);
            }
            throw engine.failures().failure(e, "follow " + command + " in container " + container);
        }
        if (context.cancellation().isCancelled()) {
            throw stopped(context, stopper, execId, command, null);
        }
        output.flush();
        Long exitCode = call(context, "read the exit code of " + command,
                () -> engine.client().inspectExecCmd(execId).exec().getExitCodeLong());
        if (exitCode == null) {
            throw StageFailure.retryable("The Docker engine gave no exit code for " + command + " in container "
                    + container + ".");
        }
        if (exitCode != 0 && !args.flag("allow-failure")) {
            throw StageFailure.retryable("Command " + command + " in container " + container + " exited with code "
                    + exitCode + ".");
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("exit-code", exitCode);
        outputs.put("stdout", output.captured());
        return outputs;
    }

    /**
     * After a cancellation: stops the command inside the container (TERM, then KILL), waits for
     * it to be gone, and says in the stage's log when it could not be stopped.
     */
    private static InterruptedException stopped(StageContext context, ExecStopper stopper, String execId,
            List<String> command, Exception cause) {
        stopper.stop(execId, command.toString()).ifPresent(problem -> context.log().stderr(problem));
        return cancelled(cause);
    }

    /**
     * Commits the container the command ran in, labelled so the snapshot can be found and removed
     * ({@code pipewright.snapshot=true} marks it as one for {@code pipewright gc}).
     */
    @Override
    public Optional<String> snapshot(Arguments arguments, Map<String, String> labels) throws StageFailure {
        String container = arguments.string("container");
        Map<String, String> marked = new LinkedHashMap<>(labels);
        marked.put(ContainerLabels.SNAPSHOT, "true");
        try {
            return Optional.of(engine.client().commitCmd(container).withLabels(marked).exec());
        } catch (RuntimeException e) {
            throw engine.failures().failure(e, "take a snapshot of container " + container);
        }
    }
}
