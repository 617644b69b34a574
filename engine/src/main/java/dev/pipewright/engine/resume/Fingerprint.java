package dev.pipewright.engine.resume;

import java.util.HexFormat;
import java.util.Objects;

/**
 * What identifies the work of one stage call: a SHA-256, hex, of its {@link FingerprintInputs}.
 * Two calls with the same fingerprint would produce the same outputs, so one may reuse the
 * other's.
 */
public record Fingerprint(String hex) {

    public Fingerprint {
        Objects.requireNonNull(hex, "hex is null");
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + hex);
        }
        hex = hex.toLowerCase(java.util.Locale.ROOT);
    }

    static Fingerprint of(byte[] sha256) {
        return new Fingerprint(HexFormat.of().formatHex(sha256));
    }

    /** The first 12 hex digits, as people read it ({@code 3fa2c1d9e0b1}). */
    public String abbreviated() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return hex;
    }
}
