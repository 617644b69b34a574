package dev.pipewright.engine.plugins;

import java.util.ServiceConfigurationError;

/** How plugin failures are told apart and described in one line, without a stack trace. */
final class PluginErrors {

    private PluginErrors() {
    }

    /**
     * Whether {@code error} leaves the VM unfit to go on. A {@link StackOverflowError} unwinds
     * cleanly and a {@link LinkageError} only breaks the plugin, so both are a plugin's failure;
     * running out of memory or an internal VM error is not.
     */
    static boolean isFatal(Throwable error) {
        return error instanceof VirtualMachineError && !(error instanceof StackOverflowError);
    }

    /** {@code NoClassDefFoundError: lib/Greeting}, with the root cause when it says more. */
    static String describe(Throwable error) {
        Throwable shown = error instanceof ServiceConfigurationError && error.getCause() != null
                ? error.getCause() : error;
        String text = oneLine(shown);
        Throwable root = shown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == shown ? text : text + " (caused by " + oneLine(root) + ")";
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage();
        String name = error.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        return name + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
