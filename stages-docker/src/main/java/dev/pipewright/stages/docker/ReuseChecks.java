package dev.pipewright.stages.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether what an earlier run of a Docker stage made is still there, for
 * {@link dev.pipewright.spi.StageType#checkReusable}: an image with the recorded id (and the
 * recorded names still pointing at it), a container still running. An engine that cannot be
 * asked means "not valid": running the stage again is the safe side.
 */
final class ReuseChecks {

    private final DockerEngine engine;

    ReuseChecks(DockerEngine engine) {
        this.engine = engine;
    }

    /** The image {@code id} exists, and each of {@code names} still names it. */
    Optional<String> image(Object id, Collection<?> names) {
        if (!(id instanceof String imageId) || imageId.isEmpty()) {
            return Optional.of("no image id was recorded");
        }
        try {
            try {
                engine.client().inspectImageCmd(imageId).exec();
            } catch (NotFoundException e) {
                return Optional.of("image " + imageId + " no longer exists");
            }
            for (Object name : names) {
                if (name == null) {
                    continue;
                }
                String now;
                try {
                    now = engine.client().inspectImageCmd(ImageReference.parse(name.toString()).toString()).exec().getId();
                } catch (NotFoundException e) {
                    return Optional.of("image `" + name + "` no longer exists");
                }
                if (!Objects.equals(now, imageId)) {
                    return Optional.of("`" + name + "` now names image " + now + ", not " + imageId);
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(unreachable(e));
        }
    }

    /** The container {@code id} exists and runs. */
    Optional<String> runningContainer(Object id) {
        if (!(id instanceof String containerId) || containerId.isEmpty()) {
            return Optional.of("no container id was recorded");
        }
        try {
            InspectContainerResponse container = engine.client().inspectContainerCmd(containerId).exec();
            return Boolean.TRUE.equals(container.getState().getRunning()) ? Optional.empty()
                    : Optional.of("container " + abbreviated(containerId) + " is no longer running");
        } catch (NotFoundException e) {
            return Optional.of("container " + abbreviated(containerId) + " no longer exists");
        } catch (RuntimeException e) {
            return Optional.of(unreachable(e));
        }
    }

    /** What {@code docker.image-exists} found then is what it would find now. */
    Optional<String> sameAnswer(String image, Object existed, Object id) {
        try {
            String now;
            try {
                now = engine.client().inspectImageCmd(image).exec().getId();
            } catch (NotFoundException e) {
                now = null;
            }
            if (Boolean.TRUE.equals(existed) != (now != null) || (now != null && !now.equals(id))) {
                return Optional.of("image `" + image + "` " + (now == null ? "no longer exists"
                        : Boolean.TRUE.equals(existed) ? "is now " + now : "exists now"));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(unreachable(e));
        }
    }

    private String unreachable(RuntimeException e) {
        return "the Docker engine could not be asked (" + e.getMessage() + ")";
    }

    private static String abbreviated(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
