package dev.pipewright.stages.git;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/**
 * What a {@code ref} argument names in a remote's advertised refs: a branch, a tag, or a commit.
 *
 * @param remoteName the full name on the remote ({@code refs/heads/main}); null for a commit
 * @param id the object the remote advertises, or the commit's id; null for an abbreviated commit id,
 *     which only the fetched objects can resolve
 * @param abbreviated the ref as written, when it is an abbreviated commit id
 */
record RefTarget(String remoteName, ObjectId id, String abbreviated) {

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{4,40}");

    boolean isBranch() {
        return remoteName != null && remoteName.startsWith(Constants.R_HEADS);
    }

    boolean isTag() {
        return remoteName != null && remoteName.startsWith(Constants.R_TAGS);
    }

    /** The local branch a clone of this target checks out; null for a detached HEAD. */
    String branch() {
        return isBranch() ? remoteName.substring(Constants.R_HEADS.length()) : null;
    }

    /**
     * Finds {@code ref} among the {@code advertised} refs, branches before tags, like git does.
     *
     * @param ref a branch, tag or commit id; null for the remote's default branch
     * @return null when nothing matches (or, for {@code ref == null}, when the remote is empty)
     */
    static RefTarget find(Map<String, Ref> advertised, String ref) {
        if (ref == null) {
            return defaultBranch(advertised);
        }
        for (String name : new String[] {ref, Constants.R_HEADS + ref, Constants.R_TAGS + ref}) {
            Ref found = advertised.get(name);
            if (found != null && found.getObjectId() != null
                    && (name.startsWith(Constants.R_HEADS) || name.startsWith(Constants.R_TAGS))) {
                return new RefTarget(name, found.getObjectId(), null);
            }
        }
        if (COMMIT_ID.matcher(ref).matches()) {
            return ref.length() == Constants.OBJECT_ID_STRING_LENGTH
                    ? new RefTarget(null, ObjectId.fromString(ref.toLowerCase()), null)
                    : new RefTarget(null, null, ref);
        }
        return null;
    }

    /** The refs keyed by their full names. */
    static Map<String, Ref> byName(Collection<Ref> refs) {
        Map<String, Ref> byName = new HashMap<>();
        refs.forEach(ref -> byName.put(ref.getName(), ref));
        return byName;
    }

    /** The branch HEAD points to: named by the symref when the server sends it, else found by id. */
    private static RefTarget defaultBranch(Map<String, Ref> advertised) {
        Ref head = advertised.get(Constants.HEAD);
        if (head == null || head.getObjectId() == null) {
            return null;
        }
        if (head.isSymbolic() && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
            return new RefTarget(head.getTarget().getName(), head.getObjectId(), null);
        }
        ObjectId id = head.getObjectId();
        for (String preferred : new String[] {"main", "master"}) {
            Ref branch = advertised.get(Constants.R_HEADS + preferred);
            if (branch != null && id.equals(branch.getObjectId())) {
                return new RefTarget(branch.getName(), id, null);
            }
        }
        return advertised.values().stream()
                .filter(r -> r.getName().startsWith(Constants.R_HEADS) && id.equals(r.getObjectId()))
                .findFirst()
                .map(r -> new RefTarget(r.getName(), id, null))
                .orElse(new RefTarget(null, id, null));
    }
}
