package dev.pipewright.stages.git;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** {@code git.clone}: clones a repository into a new directory and checks out a branch, tag or commit. */
final class CloneStage implements StageType {

    private static final StageSchema SCHEMA = StageSchema.builder(
                    "Clone a git repository into a new directory and check out a branch, tag or commit")
            .required("url", ValueType.STRING,
                    "the repository: https://..., git://..., file:///... or a local path; a password in it is used but never shown")
            .required("into", ValueType.PATH,
                    "the directory to clone into; it must be missing or empty; relative paths are resolved against the pipeline file")
            .optional("ref", ValueType.STRING, null,
                    "the branch, tag or commit id to check out; by default the remote's default branch")
            .optional("depth", ValueType.INT, null,
                    "fetch only this many latest commits of the ref (a shallow clone); by default the whole history")
            .optional("submodules", ValueType.BOOL, false,
                    "also clone the submodules, recursively, at the commits the checkout records")
            .optional("username", ValueType.STRING, null,
                    "the user name to authenticate with (overrides one in the URL)")
            .optional("password", ValueType.STRING, null,
                    "the password or token to authenticate with; pass it as secret.NAME so it is masked everywhere")
            .output("path", ValueType.PATH, "the absolute path of the clone's work tree")
            .output("commit", ValueType.STRING, "the id of the commit checked out (40 hex digits); null for an empty repository")
            .output("branch", ValueType.STRING, "the branch checked out; null when HEAD is detached (a tag or a commit was asked for)")
            .build();

    @Override
    public String name() {
        return "clone";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments args = context.arguments();
        Remote remote = Remote.of(args.string("url"), args.string("username"), args.string("password"))
                .requireSupported(args.string("ref"));
        Long depth = args.integer("depth");
        if (depth != null && (depth < 1 || depth > Integer.MAX_VALUE)) {
            throw StageFailure.permanent("`depth` of git.clone must be a positive number of commits, not " + depth);
        }
        Cloner.Request request = new Cloner.Request(remote, context.resolvePath(args.string("into")),
                args.string("ref"), depth == null ? 0 : depth.intValue(), args.flag("submodules"));
        JGitProgress progress = new JGitProgress(context.progress(), context.cancellation(), remote.redactor());
        Cloner.Result result = new Cloner(request, progress, context.cancellation()).run();

        String at = result.commit() == null ? "an empty repository"
                : (result.branch() == null ? "detached HEAD" : "branch " + result.branch()) + " at " + result.commit();
        context.log().stdout(remote.redactor().mask("cloned " + remote.url() + " into " + result.path() + ": " + at));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("path", result.path().toString());
        outputs.put("commit", result.commit());
        outputs.put("branch", result.branch());
        return outputs;
    }

    /** A clone is reused while its directory still holds the recorded commit checked out. */
    @Override
    public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
        if (!(outputs.get("path") instanceof String path)) {
            return Optional.of("no clone directory was recorded");
        }
        Object commit = outputs.get("commit");
        Path workTree = Path.of(path);
        if (!Files.isDirectory(workTree.resolve(".git"))) {
            return Optional.of(workTree + " no longer holds a clone");
        }
        try (Repository repository = LocalRepository.open(workTree, "git.clone")) {
            ObjectId head = repository.resolve("HEAD");
            String now = head == null ? null : head.name();
            return Objects.equals(now, commit) ? Optional.empty()
                    : Optional.of(workTree + " now holds commit " + now + ", not " + commit);
        } catch (StageFailure | IOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
