package dev.pipewright.stages.git;

import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** {@code git.info}: what a work tree has checked out, and whether it has uncommitted changes. */
final class InfoStage implements StageType {

    private static final StageSchema SCHEMA = StageSchema.builder(
                    "Read the commit, branch, uncommitted changes and origin URL of a git work tree")
            .required("repo", ValueType.PATH, "the work tree to read (the `path` of a git.clone)")
            .output("commit", ValueType.STRING, "the id of the commit HEAD points to; null before the first commit")
            .output("branch", ValueType.STRING, "the branch checked out; null when HEAD is detached")
            .output("dirty", ValueType.BOOL,
                    "whether tracked files have changes that are not committed (staged or not); untracked files do not count")
            .output("remote-url", ValueType.STRING, "the URL of the remote `origin`, without any password; null when there is none")
            .build();

    @Override
    public String name() {
        return "info";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure {
        Path workTree = context.resolvePath(context.arguments().string("repo"));
        try (Repository repository = LocalRepository.open(workTree, "git.info"); Git git = Git.wrap(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            String fullBranch = repository.getFullBranch();
            Status status = git.status().call();
            String url = repository.getConfig().getString(ConfigConstants.CONFIG_REMOTE_SECTION,
                    Constants.DEFAULT_REMOTE_NAME, ConfigConstants.CONFIG_KEY_URL);
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("commit", head == null ? null : head.name());
            outputs.put("branch", fullBranch != null && fullBranch.startsWith(Constants.R_HEADS)
                    ? Repository.shortenRefName(fullBranch) : null);
            outputs.put("dirty", status.hasUncommittedChanges());
            outputs.put("remote-url", url == null ? null : Remote.of(url, null, null).url());
            return outputs;
        } catch (IOException | GitAPIException e) {
            throw StageFailure.permanent("cannot read the git repository in " + workTree + ": " + e.getMessage(), e);
        }
    }
}
