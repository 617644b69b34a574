package dev.pipewright.stages.git;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * JGit's process-wide pack caches, sized for cloning. A clone's checkout reads every blob back
 * out of the pack it just received, and profiling showed it spends most of its time inflating
 * them; with JGit's defaults (8 KiB pack windows, a 10 MiB delta base cache, where git keeps
 * 96 MiB) the checkout in bench/git took about a quarter longer (see bench/README.md, "Git stages").
 *
 * <p>These settings are global to JGit's classes, which only this plugin's class loader sees (a
 * third-party plugin bundling JGit gets its own copy), so they affect no one else. SHA-1 collision
 * detection stays on, as in git, although turning it off would make the transfer faster.
 */
final class JGitSettings {

    private static final int WINDOW_SIZE = 64 * 1024;
    private static final int DELTA_BASE_CACHE = 64 * 1024 * 1024;

    static {
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitWindowSize(WINDOW_SIZE);
        config.setDeltaBaseCacheLimit(DELTA_BASE_CACHE);
        config.install();
    }

    private JGitSettings() {
    }

    /** Installs the settings once, on first use rather than when the plugin is merely listed. */
    static void ensureInstalled() {
        // The static initializer has run by now.
    }
}
