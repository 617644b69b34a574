package dev.pipewright.cli.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Splits REPL lines for completion, and keeps a query open over several lines while its braces
 * or parentheses are open (JLine then shows the continuation prompt).
 */
final class ReplParser implements Parser {

    /** Characters that end the word being completed inside a query. */
    private static final String QUERY_BREAKS = " \t\r\n(){},:";

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && Repl.isQuery(line)) {
            QueryWalk.Context end = QueryWalk.of(line).end();
            if (end.depth() > 0 || end.parens() > 0) {
                throw new EOFError(-1, -1, "the query continues", end.parens() > 0 ? ")" : "}");
            }
        }
        return split(line, cursor);
    }

    static ParsedLine split(String line, int cursor) {
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        int wordCursor = 0;
        boolean query = Repl.isQuery(line);
        String breaks = query ? QUERY_BREAKS : " \t\r\n";
        int i = 0;
        while (i <= line.length()) {
            int start = i;
            while (i < line.length() && breaks.indexOf(line.charAt(i)) < 0) {
                i++;
            }
            if (cursor >= start && cursor <= i && wordIndex < 0) {
                wordIndex = words.size();
                wordCursor = cursor - start;
            }
            if (i > start || cursor == start) {
                words.add(line.substring(start, i));
            }
            i++;
        }
        if (wordIndex < 0 || wordIndex >= words.size()) {
            words.add("");
            wordIndex = words.size() - 1;
            wordCursor = 0;
        }
        return new Line(line, cursor, List.copyOf(words), wordIndex, wordCursor);
    }

    /** Words are taken as typed: no quoting or escaping to undo, so raw and cooked agree. */
    private record Line(String line, int cursor, List<String> words, int wordIndex, int wordCursor)
            implements CompletingParsedLine {
        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
