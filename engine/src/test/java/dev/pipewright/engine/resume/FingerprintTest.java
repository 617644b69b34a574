package dev.pipewright.engine.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final String HEX = "a6a4ad611a068e29d348cf67c3a03e72a2709d80cf1e8a37b32d590bbc21c6c2";

    @Test
    void aRecordedFingerprintIsReadInLowerCaseAndEqualsTheSameDigits() {
        Fingerprint upper = new Fingerprint(HEX.toUpperCase());
        assertThat(upper.hex()).isEqualTo(HEX);
        assertThat(upper).isEqualTo(new Fingerprint(HEX)).hasSameHashCodeAs(new Fingerprint(HEX));
        assertThat(upper.abbreviated()).isEqualTo("a6a4ad611a06");
    }

    @Test
    void textThatIsNotASha256InHexIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Fingerprint(HEX.substring(1)))
                .withMessageContaining("not a SHA-256 in hex");
        assertThatIllegalArgumentException().isThrownBy(() -> new Fingerprint(HEX.substring(1) + "g"));
        assertThatIllegalArgumentException().isThrownBy(() -> Fingerprint.of(new byte[31]));
    }

    @Test
    void aComputedFingerprintIsItsDigestInHex() {
        byte[] digest = java.util.HexFormat.of().parseHex(HEX);
        assertThat(Fingerprint.of(digest)).isEqualTo(new Fingerprint(HEX));
    }
}
