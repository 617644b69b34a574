package dev.pipewright.stages.git;

import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.StageFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.SubmoduleInitCommand;
import org.eclipse.jgit.api.SubmoduleUpdateCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;

/**
 * One clone, in the steps git itself takes: create the repository, fetch, pick the ref, check it
 * out, then the submodules. Written out rather than through JGit's {@code CloneCommand}, because
 * that command checks out nothing, silently, when the ref does not exist, and fetches every
 * branch for a shallow clone where git fetches one.
 *
 * <p>Whatever ends the clone early (a failure, a timeout, Ctrl-C) removes what it created. JGit
 * polls the cancellation through {@link JGitProgress} between objects and files, on a
 * {@link JGitWorker} thread.
 */
final class Cloner {

    private static final String ORIGIN = Constants.DEFAULT_REMOTE_NAME;
    private static final RefSpec ALL_BRANCHES =
            new RefSpec("+" + Constants.R_HEADS + "*:" + Constants.R_REMOTES + ORIGIN + "/*");

    /** What to clone. {@code depth} 0 means the whole history. */
    record Request(Remote remote, Path into, String ref, int depth, boolean submodules) {
    }

    /** What was checked out; {@code commit} is null for an empty repository, {@code branch} for a detached HEAD. */
    record Result(Path path, String commit, String branch) {
    }

    private final Request request;
    private final JGitProgress progress;
    private final Cancellation cancellation;

    Cloner(Request request, JGitProgress progress, Cancellation cancellation) {
        this.request = request;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    Result run() throws StageFailure, InterruptedException {
        JGitSettings.ensureInstalled();
        TargetDirectory target = TargetDirectory.claim(request.into(), request.remote().url());
        // If JGit is stuck in a read, clean up without it; it discards again if it ever wakes up.
        return JGitWorker.run("git.clone " + request.remote().url(), cancellation,
                () -> cloneClaimed(target), target::discard);
    }

    /** The clone itself, on the worker thread; removes what it created unless it completes. */
    private Result cloneClaimed(TargetDirectory target) throws StageFailure, InterruptedException {
        Remote remote = request.remote();
        boolean complete = false;
        try (Repository repository = Git.init().setDirectory(target.path().toFile()).call().getRepository()) {
            Result result = cloneInto(repository, target.path());
            complete = true;
            return result;
        } catch (GitAPIException | IOException | RuntimeException e) {
            cancellation.throwIfCancelled();
            throw GitFailures.remote(e, remote.url(), request.ref(), remote.redactor());
        } finally {
            if (!complete) {
                target.discard();
            }
        }
    }

    private Result cloneInto(Repository repository, Path path)
            throws GitAPIException, IOException, StageFailure, InterruptedException {
        Remote remote = request.remote();
        saveOrigin(repository);
        RefTarget wanted;
        FetchResult fetched;
        if (request.depth() > 0) {
            // A shallow clone fetches the one ref it checks out, as git does; learn first what it is.
            Map<String, Ref> advertised = Git.lsRemoteRepository().setRemote(remote.url())
                    .setCredentialsProvider(remote.credentials()).callAsMap();
            wanted = require(RefTarget.find(advertised, request.ref()));
            if (wanted == null) {
                return new Result(path, null, null);
            }
            if (wanted.abbreviated() != null) {
                throw StageFailure.permanent("ref `" + request.ref() + "` of " + remote.url()
                        + " is an abbreviated commit id, which a shallow clone cannot fetch; give all 40 hex digits or drop `depth`");
            }
            fetched = fetch(repository, List.of(specFor(wanted)), TagOpt.NO_TAGS, request.depth());
        } else {
            fetched = fetch(repository, List.of(ALL_BRANCHES), TagOpt.FETCH_TAGS, 0);
            wanted = require(RefTarget.find(RefTarget.byName(fetched.getAdvertisedRefs()), request.ref()));
        }
        cancellation.throwIfCancelled();
        if (wanted == null) {
            return new Result(path, null, null); // an empty repository, as git clones it: nothing to check out
        }
        RevCommit commit = resolveCommit(repository, wanted);
        checkout(repository, commit, wanted.branch());
        cancellation.throwIfCancelled();
        if (request.submodules()) {
            updateSubmodules(repository);
        }
        return new Result(path, commit.name(), wanted.branch());
    }

    /** A ref that was given must exist; no ref and an empty remote is fine. */
    private RefTarget require(RefTarget target) throws StageFailure {
        if (target == null && request.ref() != null) {
            throw GitFailures.refNotFound(request.remote().url(), request.ref());
        }
        return target;
    }

    private void saveOrigin(Repository repository) throws IOException, StageFailure {
        try {
            RemoteConfig origin = new RemoteConfig(repository.getConfig(), ORIGIN);
            origin.addURI(new URIish(request.remote().url()));
            origin.addFetchRefSpec(ALL_BRANCHES);
            origin.update(repository.getConfig());
            repository.getConfig().save();
        } catch (java.net.URISyntaxException e) {
            throw StageFailure.permanent("`" + request.remote().url() + "` is not a git URL or path; write it as"
                    + " https://host/owner/repo.git, git://host/repo.git, file:///path/repo.git or a local path");
        }
    }

    private static RefSpec specFor(RefTarget target) {
        if (target.isBranch()) {
            return new RefSpec("+" + target.remoteName() + ":" + Constants.R_REMOTES + ORIGIN + "/" + target.branch());
        }
        if (target.isTag()) {
            return new RefSpec("+" + target.remoteName() + ":" + target.remoteName());
        }
        return new RefSpec(target.id().name());
    }

    private FetchResult fetch(Repository repository, List<RefSpec> specs, TagOpt tags, int depth)
            throws GitAPIException {
        var fetch = Git.wrap(repository).fetch()
                .setRemote(ORIGIN)
                .setRefSpecs(specs)
                .setTagOpt(tags)
                .setCredentialsProvider(request.remote().credentials())
                .setProgressMonitor(progress);
        if (depth > 0) {
            fetch.setDepth(depth);
        }
        return fetch.call();
    }

    private RevCommit resolveCommit(Repository repository, RefTarget target) throws IOException, StageFailure {
        ObjectId id = target.id();
        if (id == null) {
            try {
                id = repository.resolve(target.abbreviated() + "^{commit}");
            } catch (AmbiguousObjectException e) {
                throw StageFailure.permanent("ref `" + request.ref() + "` of " + request.remote().url()
                        + " matches several commits; give more hex digits");
            }
        }
        if (id == null || !repository.getObjectDatabase().has(id)) {
            throw GitFailures.refNotFound(request.remote().url(), request.ref());
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw StageFailure.permanent("ref `" + request.ref() + "` of " + request.remote().url()
                    + " does not name a commit; give a branch, tag or commit");
        }
    }

    /** Points HEAD at the branch (or detaches it), then writes the work tree. */
    private void checkout(Repository repository, RevCommit commit, String branch) throws IOException {
        if (branch != null) {
            String local = Constants.R_HEADS + branch;
            RefUpdate create = repository.updateRef(local);
            create.setNewObjectId(commit);
            create.disableRefLog();
            create.forceUpdate();
            RefUpdate head = repository.updateRef(Constants.HEAD);
            head.disableRefLog();
            head.link(local);
            StoredConfig config = repository.getConfig();
            config.setString(ConfigConstants.CONFIG_BRANCH_SECTION, branch, ConfigConstants.CONFIG_KEY_REMOTE, ORIGIN);
            config.setString(ConfigConstants.CONFIG_BRANCH_SECTION, branch, ConfigConstants.CONFIG_KEY_MERGE, local);
            config.save();
        } else {
            RefUpdate head = repository.updateRef(Constants.HEAD, true);
            head.setNewObjectId(commit);
            head.forceUpdate();
        }
        DirCache index = repository.lockDirCache();
        DirCacheCheckout checkout = new DirCacheCheckout(repository, index, commit.getTree());
        checkout.setProgressMonitor(progress);
        checkout.checkout();
    }

    private void updateSubmodules(Repository repository) throws GitAPIException, IOException {
        Collection<String> initialized = new SubmoduleInitCommand(repository).call();
        if (initialized.isEmpty()) {
            return;
        }
        SubmoduleUpdateCommand update = new SubmoduleUpdateCommand(repository)
                .setProgressMonitor(progress)
                .setCredentialsProvider(request.remote().credentials());
        if (update.call().isEmpty()) {
            return;
        }
        try (SubmoduleWalk walk = SubmoduleWalk.forIndex(repository)) {
            while (walk.next()) {
                try (Repository submodule = walk.getRepository()) {
                    if (submodule != null) {
                        updateSubmodules(submodule);
                    }
                }
            }
        }
    }
}
