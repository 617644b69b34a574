package dev.pipewright.engine.resume;

import java.util.Locale;
import java.util.Objects;

/**
 * What identifies the work of one stage call: a salted SHA-256, hex, of its inputs in canonical
 * form (see {@link Fingerprinter}). Two calls with the same fingerprint would produce the same
 * outputs, so one may reuse the other's.
 *
 * <p>A class rather than a record so that a fingerprint just computed skips the check of its
 * text: every stage call makes one, and the check showed in profiles of long chains of stages.
 */
public final class Fingerprint {

    private final String hex;

    /**
     * @param hex 64 hex digits, as recorded in an event log
     * @throws IllegalArgumentException when it is not
     */
    public Fingerprint(String hex) {
        Objects.requireNonNull(hex, "hex is null");
        String lower = hex.toLowerCase(Locale.ROOT);
        if (!Hex.isLowerHex(lower, 64)) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + hex);
        }
        this.hex = lower;
    }

    private Fingerprint(byte[] sha256) {
        this.hex = Hex.of(sha256);
    }

    static Fingerprint of(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
        }
        return new Fingerprint(sha256);
    }

    /** The 64 lower-case hex digits. */
    public String hex() {
        return hex;
    }

    /** The first 12 hex digits, as people read it ({@code 3fa2c1d9e0b1}). */
    public String abbreviated() {
        return hex.substring(0, 12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint fingerprint && hex.equals(fingerprint.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return hex;
    }
}
