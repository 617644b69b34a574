package dev.pipewright.engine.resume;

import java.nio.charset.StandardCharsets;

/**
 * Lower-case hex, as {@code HexFormat.of().formatHex} writes it, by a plain loop: every stage
 * call turns its digests into hex, and {@code HexFormat} showed in profiles.
 */
final class Hex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Hex() {
    }

    static String of(byte[] bytes) {
        byte[] text = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Two longs, most significant first, as 32 digits. */
    static String of(long high, long low) {
        byte[] text = new byte[32];
        for (int i = 0; i < 16; i++) {
            text[i] = DIGITS[(int) (high >>> (60 - 4 * i)) & 0xf];
            text[16 + i] = DIGITS[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code text} is {@code length} lower-case hex digits. */
    static boolean isLowerHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
