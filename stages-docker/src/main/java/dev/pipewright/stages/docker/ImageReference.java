package dev.pipewright.stages.docker;

import com.github.dockerjava.core.NameParser;

/**
 * An image reference split the way the pull and tag calls want it.
 *
 * @param repository {@code registry:5000/team/app}
 * @param tag {@code 1.2}, {@code latest} when none was written, or a digest ({@code sha256:...})
 */
record ImageReference(String repository, String tag) {

    static ImageReference parse(String reference) {
        int at = reference.indexOf('@');
        if (at > 0) {
            return new ImageReference(reference.substring(0, at), reference.substring(at + 1));
        }
        NameParser.ReposTag parsed = NameParser.parseRepositoryTag(reference);
        return new ImageReference(parsed.repos, parsed.tag == null || parsed.tag.isEmpty() ? "latest" : parsed.tag);
    }

    @Override
    public String toString() {
        return repository + (tag.startsWith("sha256:") ? "@" : ":") + tag;
    }
}
