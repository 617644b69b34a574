package dev.pipewright.stages.docker;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code docker.copy}: copies a file or directory between the host and a container, either way.
 * The container's side is written {@code container:/path}, like {@code docker cp}'s
 * {@code NAME:/path}.
 */
final class CopyStage extends DockerStageType {

    static final String CONTAINER_PREFIX = "container:";

    CopyStage(DockerEngine engine) {
        super(engine, "copy", StageSchema.builder("Copy a file or directory into or out of a container")
                .required("container", ValueType.STRING, "Id or name of the container, e.g. `stages.start-box.container`.")
                .required("from", ValueType.STRING, "What to copy: a host path (relative to the pipeline file's directory), or `container:/path` to copy out of the container.")
                .required("to", ValueType.STRING, "Where it goes, under that exact name: `container:/path` to copy into the container (missing parents are made), or a host path.")
                .output("files", ValueType.INT, "The number of regular files copied.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments args = context.arguments();
        String container = args.string("container");
        String from = args.string("from");
        String to = args.string("to");
        boolean fromContainer = from.startsWith(CONTAINER_PREFIX);
        boolean toContainer = to.startsWith(CONTAINER_PREFIX);
        if (fromContainer == toContainer) {
            throw StageFailure.permanent("docker.copy needs exactly one side in the container, written `container:/path`; got from = `"
                    + from + "`, to = `" + to + "`.");
        }
        return Map.of("files", (long) (toContainer
                ? copyIn(context, container, context.resolvePath(from), containerPath(to))
                : copyOut(context, container, containerPath(from), context.resolvePath(to))));
    }

    private static String containerPath(String side) throws StageFailure {
        String path = side.substring(CONTAINER_PREFIX.length());
        if (!path.startsWith("/") || path.equals("/")) {
            throw StageFailure.permanent("Container path `" + side + "` must be absolute and not `/`, e.g. `container:/src`.");
        }
        return path.replaceAll("/+$", "");
    }

    private int copyIn(StageContext context, String container, Path source, String target)
            throws StageFailure, InterruptedException {
        if (!Files.exists(source)) {
            throw StageFailure.permanent("Cannot copy `" + source + "` into container " + container + ": it does not exist.");
        }
        Path tar = null;
        try {
            tar = Files.createTempFile("pipewright-copy-", ".tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                TarArchives.write(source, target.substring(1), out);
            }
            int files;
            try (var walk = Files.walk(source)) {
                files = (int) walk.filter(Files::isRegularFile).count();
            }
            Path archive = tar;
            run(context, "copy `" + source + "` to " + target + " in container " + container, () -> {
                try (InputStream in = Files.newInputStream(archive)) {
                    engine.client().copyArchiveToContainerCmd(container).withTarInputStream(in).withRemotePath("/").exec();
                } catch (IOException e) {
                    throw new DockerFailures.LocalFileException(e);
                }
            });
            context.log().stdout("copied " + files + " file(s) from " + source + " to " + container + ":" + target);
            return files;
        } catch (IOException e) {
            throw StageFailure.permanent("Cannot read `" + source + "` to copy it into container " + container + ": "
                    + e.getMessage() + ".", e);
        } finally {
            deleteQuietly(tar);
        }
    }

    private int copyOut(StageContext context, String container, String source, Path target)
            throws StageFailure, InterruptedException {
        int files = call(context, "copy " + source + " out of container " + container + " to `" + target + "`", () -> {
            try (InputStream in = engine.client().copyArchiveFromContainerCmd(container, source).exec()) {
                return TarArchives.extract(in, target);
            } catch (IOException e) {
                throw new DockerFailures.LocalFileException(e);
            }
        });
        context.log().stdout("copied " + files + " file(s) from " + container + ":" + source + " to " + target);
        return files;
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A temp file; the OS cleans its temp directory.
            }
        }
    }
}
