package dev.pipewright.cli.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours what is typed: a command's name; in a query, known fields and arguments, strings and
 * numbers, and in red what the schema does not know, before the query is even sent.
 */
final class QueryHighlighter implements Highlighter {

    static final AttributedStyle COMMAND = AttributedStyle.BOLD;
    static final AttributedStyle FIELD = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle ARGUMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (!Repl.isQuery(buffer)) {
            int end = 0;
            while (end < buffer.length() && Character.isWhitespace(buffer.charAt(end))) {
                end++;
            }
            while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
                end++;
            }
            out.styled(COMMAND, buffer.substring(0, end)).append(buffer.substring(end));
            return out.toAttributedString();
        }
        int at = 0;
        for (QueryWalk.Piece piece : QueryWalk.of(buffer).pieces()) {
            out.append(buffer.substring(at, piece.start()));
            out.styled(style(piece.role()), buffer.substring(piece.start(), piece.end()));
            at = piece.end();
        }
        out.append(buffer.substring(at));
        return out.toAttributedString();
    }

    private static AttributedStyle style(QueryWalk.Role role) {
        return switch (role) {
            case FIELD -> FIELD;
            case ARGUMENT -> ARGUMENT;
            case STRING -> STRING;
            case NUMBER, WORD -> NUMBER;
            case UNKNOWN_FIELD, UNKNOWN_ARGUMENT, ERROR -> ERROR;
            case PUNCTUATION -> AttributedStyle.DEFAULT;
        };
    }
}
