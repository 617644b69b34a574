package dev.pipewright.engine.resume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The salt of a state directory's fingerprints: 32 random bytes in
 * {@code <state-dir>/.pipewright/fingerprint.salt}, made on first use, readable by its owner
 * only. Fingerprints are compared only within one state directory, so the salt costs nothing,
 * and a leaked event log does not let anyone test guesses of a secret against its digest.
 */
public final class FingerprintSalt {

    static final String FILE_NAME = "fingerprint.salt";
    private static final int LENGTH = 32;

    private FingerprintSalt() {
    }

    /** The salt of {@code stateDirectory}, made if it does not exist yet. */
    public static byte[] of(Path stateDirectory) {
        Path file = stateDirectory.resolve(".pipewright").resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] salt = Files.readAllBytes(file);
            if (salt.length != LENGTH) {
                throw new IllegalStateException(file + " is damaged (" + salt.length + " bytes instead of " + LENGTH
                        + "); delete it: earlier runs will then not be reused, and nothing else is lost");
            }
            return salt;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] salt = new byte[LENGTH];
        new SecureRandom().nextBytes(salt);
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's own permissions apply.
            }
            Files.write(temporary, salt, StandardOpenOption.TRUNCATE_EXISTING);
            // Two runs starting at once must agree on one salt: the first link wins.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException anotherRunWasFirst) {
            // Keep theirs.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
