package dev.pipewright.stages.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings {@code docker.run} and {@code docker.start} share, read from the arguments and
 * turned into a container-create request that carries the run's labels.
 */
record ContainerSpec(String image, List<String> command, Map<String, String> env, String workdir, String user,
        List<String> volumes, String network, boolean keep) {

    /** Adds the shared parameters to a schema, in the order {@code pipewright stages} lists them. */
    static StageSchema.Builder parameters(StageSchema.Builder schema) {
        return schema
                .required("image", ValueType.STRING, "Image to start the container from, e.g. `local/busybox:test`; it must be present (see docker.pull, docker.build).")
                .optional("command", ValueType.LIST, null, "Command and its arguments, e.g. `[\"sh\", \"-c\", \"make test\"]`; the image's CMD when absent.")
                .optional("env", ValueType.MAP, Map.of(), "Environment variables set in the container, e.g. `{ CI = \"true\" }`.")
                .optional("workdir", ValueType.STRING, null, "Working directory inside the container; the image's WORKDIR when absent.")
                .optional("user", ValueType.STRING, null, "User (name or uid[:gid]) the command runs as; the image's USER when absent.")
                .optional("volumes", ValueType.LIST, List.of(), "Bind mounts `HOST:CONTAINER[:ro]`; a relative HOST path is resolved against the pipeline file's directory.")
                .optional("network", ValueType.STRING, null, "Network mode: `none`, `host`, `bridge` or a network's name; the engine's default when absent.")
                .optional("keep", ValueType.BOOL, false, "Keep the container after the stage and the run (labelled `pipewright.keep=true`); a cancellation removes it all the same.");
    }

    static ContainerSpec from(StageContext context) throws StageFailure {
        Arguments args = context.arguments();
        List<String> volumes = new ArrayList<>();
        for (String volume : nullToEmpty(args.stringList("volumes"))) {
            volumes.add(resolveVolume(context, volume));
        }
        Map<String, String> env = args.stringMap("env");
        return new ContainerSpec(args.string("image"), args.stringList("command"), env == null ? Map.of() : env,
                args.string("workdir"), args.string("user"), volumes, args.string("network"), args.flag("keep"));
    }

    /** The create request, labelled for {@code context}'s run and stage. */
    CreateContainerCmd createCommand(DockerClient client, StageContext context) {
        CreateContainerCmd create = client.createContainerCmd(image)
                .withLabels(ContainerLabels.forStage(context, keep))
                .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (command != null && !command.isEmpty()) {
            create.withCmd(command);
        }
        if (workdir != null) {
            create.withWorkingDir(workdir);
        }
        if (user != null) {
            create.withUser(user);
        }
        HostConfig host = HostConfig.newHostConfig().withBinds(volumes.stream().map(Bind::parse).toList());
        if (network != null) {
            host.withNetworkMode(network);
        }
        return create.withHostConfig(host);
    }

    /** {@code ./data:/data:ro} with its host side made absolute; named volumes ({@code cache:/cache}) stay. */
    private static String resolveVolume(StageContext context, String volume) throws StageFailure {
        String[] parts = volume.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !parts[1].startsWith("/")
                || (parts.length == 3 && !parts[2].matches("ro|rw"))) {
            throw StageFailure.permanent("Volume `" + volume + "` is not `HOST:CONTAINER[:ro|rw]` with an absolute "
                    + "CONTAINER path, e.g. `./src:/src:ro`.");
        }
        boolean hostPath = parts[0].startsWith("/") || parts[0].startsWith(".") || parts[0].contains("/");
        if (hostPath) {
            parts[0] = context.resolvePath(parts[0]).toAbsolutePath().toString();
        }
        return String.join(":", parts);
    }

    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
