package dev.pipewright.stages.git;

import dev.pipewright.spi.StageFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens the work tree a {@code repo} argument names, with an error that says what to give instead. */
final class LocalRepository {

    private LocalRepository() {
    }

    static Repository open(Path workTree, String stageType) throws StageFailure {
        Path gitDir = workTree.resolve(".git");
        if (!Files.exists(gitDir)) {
            throw StageFailure.permanent("`repo` of " + stageType + " is " + workTree
                    + ", which is not a git work tree (it has no .git); give the `path` of a git.clone");
        }
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().setWorkTree(workTree.toFile()).setMustExist(true);
            builder.findGitDir(workTree.toFile());
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw StageFailure.permanent("cannot open the git repository in " + workTree + ": " + e.getMessage(), e);
        }
    }
}
