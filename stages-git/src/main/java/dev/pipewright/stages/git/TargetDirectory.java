package dev.pipewright.stages.git;

import dev.pipewright.spi.StageFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FileUtils;

/**
 * The directory a clone goes into, and the memory of what the clone created there, so that a
 * failed or cancelled clone removes exactly that: the directories it made (up to the first one that
 * existed before), or the contents of an empty directory that was there already.
 */
final class TargetDirectory {

    private final Path path;
    private final Path firstCreated;

    private TargetDirectory(Path path, Path firstCreated) {
        this.path = path;
        this.firstCreated = firstCreated;
    }

    /**
     * Takes {@code path} for a clone: it must be missing or an empty directory. Fails without
     * touching anything otherwise.
     */
    static TargetDirectory claim(Path path, String url) throws StageFailure {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            if (!isEmpty(absolute)) {
                throw StageFailure.permanent("cannot clone " + url + " into " + absolute
                        + ": the directory is not empty; choose another `into` or empty it first");
            }
            return new TargetDirectory(absolute, null);
        }
        if (Files.exists(absolute)) {
            throw StageFailure.permanent("cannot clone " + url + " into " + absolute
                    + ": a file is in the way; choose another `into`");
        }
        Path firstMissing = absolute;
        while (firstMissing.getParent() != null && !Files.exists(firstMissing.getParent())) {
            firstMissing = firstMissing.getParent();
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw StageFailure.permanent("cannot clone " + url + " into " + absolute
                    + ": cannot create the directory (" + e.getMessage() + ")", e);
        }
        return new TargetDirectory(absolute, firstMissing);
    }

    Path path() {
        return path;
    }

    /** Deletes what the clone created; best effort, as it runs while another failure is reported. */
    void discard() {
        try {
            if (firstCreated != null) {
                FileUtils.delete(firstCreated.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
            } else {
                try (Stream<Path> children = Files.list(path)) {
                    for (Path child : children.toList()) {
                        FileUtils.delete(child.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
                    }
                }
            }
        } catch (IOException e) {
            // Nothing better to do: the clone's own failure is what the user needs to read.
        }
    }

    private static boolean isEmpty(Path directory) throws StageFailure {
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw StageFailure.permanent("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }
}
