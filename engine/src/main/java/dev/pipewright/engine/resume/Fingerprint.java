package dev.pipewright.engine.resume;

import java.util.Objects;

/**
 * What identifies the work of one stage call: a salted SHA-256, hex, of its inputs in canonical
 * form (see {@link Fingerprinter}). Two calls with the same fingerprint would produce the same
 * outputs, so one may reuse the other's.
 */
public record Fingerprint(String hex) {

    public Fingerprint {
        Objects.requireNonNull(hex, "hex is null");
        if (!Hex.isLowerHex(hex, 64)) {
            String lower = hex.toLowerCase(java.util.Locale.ROOT);
            if (!Hex.isLowerHex(lower, 64)) {
                throw new IllegalArgumentException("not a SHA-256 in hex: " + hex);
            }
            hex = lower;
        }
    }

    static Fingerprint of(byte[] sha256) {
        return new Fingerprint(Hex.of(sha256));
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
