package dev.pipewright.stages.git;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.CheckoutCommand;
import org.eclipse.jgit.api.CreateBranchCommand.SetupUpstreamMode;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.CheckoutConflictException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRefNameException;
import org.eclipse.jgit.api.errors.RefAlreadyExistsException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** {@code git.checkout}: switches a work tree to a branch, tag or commit, or creates a branch. */
final class CheckoutStage implements StageType {

    private static final StageSchema SCHEMA = StageSchema.builder(
                    "Switch a git work tree to a branch, tag or commit, or create a new branch at HEAD")
            .required("repo", ValueType.PATH, "the work tree to switch (the `path` of a git.clone)")
            .required("ref", ValueType.STRING,
                    "the branch, tag or commit id to check out; a branch that exists only on origin gets a local tracking branch")
            .optional("create", ValueType.BOOL, false,
                    "create `ref` as a new branch at the current HEAD and switch to it; fails if the branch exists")
            .output("commit", ValueType.STRING, "the id of the commit checked out")
            .output("branch", ValueType.STRING, "the branch checked out; null when HEAD is detached (a tag or a commit)")
            .build();

    @Override
    public String name() {
        return "checkout";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments args = context.arguments();
        Path workTree = context.resolvePath(args.string("repo"));
        String ref = args.string("ref");
        try (Repository repository = LocalRepository.open(workTree, "git.checkout"); Git git = Git.wrap(repository)) {
            CheckoutCommand checkout = git.checkout()
                    .setProgressMonitor(new JGitProgress(context.progress(), context.cancellation(), Redactor.of()));
            if (args.flag("create")) {
                checkout.setCreateBranch(true).setName(ref);
            } else if (repository.findRef(Constants.R_HEADS + ref) != null) {
                checkout.setName(ref);
            } else if (repository.findRef(Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + ref) != null) {
                checkout.setCreateBranch(true).setName(ref)
                        .setStartPoint(Constants.DEFAULT_REMOTE_NAME + "/" + ref)
                        .setUpstreamMode(SetupUpstreamMode.TRACK);
            } else {
                ObjectId commit = resolve(repository, ref, workTree);
                checkout.setName(commit.name());
            }
            checkout.call();
            ObjectId head = repository.resolve(Constants.HEAD);
            String fullBranch = repository.getFullBranch();
            String branch = fullBranch != null && fullBranch.startsWith(Constants.R_HEADS)
                    ? Repository.shortenRefName(fullBranch) : null;
            context.log().stdout("checked out " + (branch == null ? "detached HEAD" : "branch " + branch)
                    + " at " + head.name() + " in " + workTree);
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("commit", head.name());
            outputs.put("branch", branch);
            return outputs;
        } catch (CheckoutConflictException e) {
            throw StageFailure.permanent("checking out `" + ref + "` in " + workTree + " would overwrite uncommitted changes in "
                    + String.join(", ", e.getConflictingPaths()) + "; commit or discard them first", e);
        } catch (RefAlreadyExistsException e) {
            throw StageFailure.permanent("branch `" + ref + "` already exists in " + workTree
                    + "; drop `create` to switch to it", e);
        } catch (InvalidRefNameException e) {
            throw StageFailure.permanent("`" + ref + "` is not a valid branch name; use letters, digits, `-`, `_`, `/` and `.`", e);
        } catch (GitAPIException | IOException | RuntimeException e) {
            context.cancellation().throwIfCancelled();
            throw StageFailure.permanent("cannot check out `" + ref + "` in " + workTree + ": " + e.getMessage(), e);
        }
    }

    private static ObjectId resolve(Repository repository, String ref, Path workTree) throws IOException, StageFailure {
        ObjectId commit;
        try {
            commit = repository.resolve(ref + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            commit = null;
        }
        if (commit == null) {
            throw StageFailure.permanent("ref `" + ref + "` not found in the repository in " + workTree
                    + "; give an existing branch, tag or commit (run git.fetch first for one that is new on the remote)");
        }
        return commit;
    }
}
