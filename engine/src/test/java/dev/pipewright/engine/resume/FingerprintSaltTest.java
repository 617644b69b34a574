package dev.pipewright.engine.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintSaltTest {

    @Test
    void aStateDirectoryKeepsOneSaltReadableByItsOwnerOnly(@TempDir Path state) throws Exception {
        byte[] first = FingerprintSalt.of(state);
        byte[] second = FingerprintSalt.of(state);
        assertThat(second).isEqualTo(first).hasSize(32);
        Path file = state.resolve(".pipewright").resolve(FingerprintSalt.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(FingerprintSalt.of(Files.createDirectory(state.resolve("other")))).isNotEqualTo(first);
    }

    @Test
    void aDamagedSaltIsReportedWithWhatToDo(@TempDir Path state) throws Exception {
        Files.createDirectories(state.resolve(".pipewright"));
        Files.writeString(state.resolve(".pipewright").resolve(FingerprintSalt.FILE_NAME), "short");
        assertThatThrownBy(() -> FingerprintSalt.of(state)).hasMessageContaining("is damaged")
                .hasMessageContaining("delete it");
    }
}
