package dev.pipewright.grammar;

/**
 * One {@code String} per distinct word of a file, looked up by the word's characters in place.
 * A file repeats a few words ({@code uses}, {@code with}, {@code stages}, its stage names)
 * thousands of times and the AST keeps every one, so sharing them saves a quarter of the AST's
 * heap; looking them up without first copying each occurrence into a String of its own saves
 * that garbage too. An open-addressing table that doubles at half full.
 */
final class Words {

    private final String source;
    private final char[] chars;
    private String[] table = new String[256];
    private int size;

    Words(String source, char[] chars) {
        this.source = source;
        this.chars = chars;
    }

    /** The word at {@code chars[start..end)}. */
    String word(int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + chars[i]; // String.hashCode's formula, so growing can rehash by it
        }
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String word = table[slot];
            if (word == null) {
                word = source.substring(start, end);
                table[slot] = word;
                if (++size * 2 > table.length) {
                    grow();
                }
                return word;
            }
            if (word.length() == end - start && source.startsWith(word, start)) {
                return word;
            }
        }
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String word : old) {
            if (word != null) {
                int slot = spread(word.hashCode()) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = word;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
