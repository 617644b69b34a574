package dev.pipewright.engine.resume;

import java.util.Objects;

/**
 * What identifies the work of one stage call: a SHA-256, hex, of its {@link FingerprintInputs}.
 * Two calls with the same fingerprint would produce the same outputs, so one may reuse the
 * other's.
 */
public record Fingerprint(String hex) {

    public Fingerprint {
        Objects.requireNonNull(hex, "hex is null");
        if (!isHex64(hex)) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + hex);
        }
        hex = hex.toLowerCase(java.util.Locale.ROOT);
    }

    static Fingerprint of(byte[] sha256) {
        return new Fingerprint(ValueDigester.hex(sha256));
    }

    // A plain loop: every stage call makes a fingerprint, and a stream here showed in profiles.
    private static boolean isHex64(String hex) {
        if (hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
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
