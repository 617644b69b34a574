package dev.pipewright.stages.git;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.TagOpt;

/** {@code git.fetch}: brings a work tree's remote-tracking branches and tags up to date; the work tree is not changed. */
final class FetchStage implements StageType {

    private static final StageSchema SCHEMA = StageSchema.builder(
                    "Fetch branches and tags from a remote into a git work tree, without changing the work tree")
            .required("repo", ValueType.PATH, "the work tree to fetch into (the `path` of a git.clone)")
            .optional("remote", ValueType.STRING, Constants.DEFAULT_REMOTE_NAME,
                    "the name of the remote to fetch from, as configured in the repository")
            .optional("ref", ValueType.STRING, null,
                    "a branch, tag or commit id that must exist after the fetch; by default the remote's default branch")
            .optional("username", ValueType.STRING, null, "the user name to authenticate with (overrides one in the URL)")
            .optional("password", ValueType.STRING, null,
                    "the password or token to authenticate with; pass it as secret.NAME so it is masked everywhere")
            .output("commit", ValueType.STRING, "the id of the commit the ref (or the remote's default branch) points to after the fetch")
            .build();

    @Override
    public String name() {
        return "fetch";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments args = context.arguments();
        Path workTree = context.resolvePath(args.string("repo"));
        String remoteName = args.string("remote");
        try (Repository repository = LocalRepository.open(workTree, "git.fetch")) {
            RemoteConfig config = remoteConfig(repository, remoteName, workTree);
            Remote remote = Remote.of(config.getURIs().get(0).toString(), args.string("username"), args.string("password"));
            JGitProgress progress = new JGitProgress(context.progress(), context.cancellation(), remote.redactor());
            return JGitWorker.run("git.fetch " + remote.url(), context.cancellation(),
                    () -> fetch(context, repository, remoteName, config, remote, progress, workTree), () -> { });
        }
    }

    private static Map<String, Object> fetch(StageContext context, Repository repository, String remoteName,
            RemoteConfig config, Remote remote, JGitProgress progress, Path workTree)
            throws StageFailure, InterruptedException {
        String ref = context.arguments().string("ref");
        try {
            List<RefSpec> specs = new ArrayList<>(config.getFetchRefSpecs());
            if (ref != null) {
                // The ref may lie outside the configured refspecs (a single-branch or shallow clone).
                Map<String, Ref> advertised = Git.lsRemoteRepository().setRemote(remote.url())
                        .setCredentialsProvider(remote.credentials()).callAsMap();
                RefTarget target = RefTarget.find(advertised, ref);
                if (target == null) {
                    throw GitFailures.refNotFound(remote.url(), ref);
                }
                if (target.isBranch()) {
                    specs.add(new RefSpec("+" + target.remoteName() + ":" + Constants.R_REMOTES + remoteName + "/" + target.branch()));
                } else if (target.isTag()) {
                    specs.add(new RefSpec("+" + target.remoteName() + ":" + target.remoteName()));
                }
            }
            FetchResult fetched = Git.wrap(repository).fetch()
                    .setRemote(remoteName)
                    .setRefSpecs(specs)
                    .setTagOpt(TagOpt.AUTO_FOLLOW)
                    .setCredentialsProvider(remote.credentials())
                    .setProgressMonitor(progress)
                    .call();
            String commit = commitAfterFetch(repository, fetched, remote, ref);
            context.log().stdout(remote.redactor().mask("fetched " + remote.url() + " into " + workTree
                    + ": " + GitFailures.refPhrase(ref) + " is at " + commit));
            Map<String, Object> outputs = new HashMap<>();
            outputs.put("commit", commit);
            return outputs;
        } catch (GitAPIException | IOException | RuntimeException e) {
            context.cancellation().throwIfCancelled();
            throw GitFailures.remote(e, remote.url(), ref, remote.redactor());
        }
    }

    private static RemoteConfig remoteConfig(Repository repository, String name, Path workTree) throws StageFailure {
        try {
            RemoteConfig config = new RemoteConfig(repository.getConfig(), name);
            if (config.getURIs().isEmpty()) {
                throw StageFailure.permanent("the repository in " + workTree + " has no remote `" + name
                        + "`; give the `remote` it has (usually origin)");
            }
            return config;
        } catch (java.net.URISyntaxException e) {
            throw StageFailure.permanent("remote `" + name + "` of the repository in " + workTree
                    + " has a URL git cannot read: " + e.getMessage(), e);
        }
    }

    private static String commitAfterFetch(Repository repository, FetchResult fetched, Remote remote, String ref)
            throws IOException, StageFailure {
        RefTarget target = RefTarget.find(RefTarget.byName(fetched.getAdvertisedRefs()), ref);
        ObjectId id = target == null ? null : target.id();
        if (id == null && ref != null) {
            id = repository.resolve(ref + "^{commit}");
        }
        if (id == null || !repository.getObjectDatabase().has(id)) {
            if (ref == null) {
                return null; // the remote is empty
            }
            throw GitFailures.refNotFound(remote.url(), ref);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id).name();
        }
    }
}
