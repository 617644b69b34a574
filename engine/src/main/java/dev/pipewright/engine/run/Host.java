package dev.pipewright.engine.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's name for {@code pipeline:start}, found once without waiting on DNS when possible. */
final class Host {

    private static final String NAME = find();

    private Host() {
    }

    static String name() {
        return NAME;
    }

    private static String find() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            if (!file.isEmpty()) {
                return file;
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: ask the resolver below.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
