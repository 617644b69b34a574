package dev.pipewright.grammar;

import dev.pipewright.grammar.ast.Comment;
import dev.pipewright.grammar.ast.Expr.BinaryOp;
import dev.pipewright.grammar.ast.SourceSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens of PipelineLexer.g4, scanned by hand for {@link FastParser}: one token per call, in
 * the mode the parser asks for (the lexer's mode stack follows the nesting of braces, which the
 * parser's recursion already knows). Accepts only what the lexer turns into tokens without an
 * error and {@link LexicalChecks} lets through; anything else throws {@link FastParser.GiveUp},
 * and the ANTLR path reports it.
 *
 * <p>Columns count code points, as ANTLR's character stream does, so a character outside the
 * Basic Multilingual Plane in a string or comment shifts the columns after it by one, not two.
 */
final class FastScanner {

    /**
     * Default-mode tokens; names as in PipelineLexer.g4. Binary operators carry their precedence
     * as the left-recursive {@code expr} rule gives it (the higher, the tighter; Expr.BinaryOp
     * documents the same order); every other token has precedence 0.
     */
    enum Kind {
        ID, PIPELINE, PARAM, STAGE, PARALLEL, FINALLY, TRUE, FALSE, NULL, NUMBER, DURATION,
        LBRACE, RBRACE, LBRACKET, RBRACKET, LPAREN, RPAREN, COMMA, DOT, COLON, NOT, ASSIGN,
        STRING_OPEN, TRIPLE_OPEN, EOF,
        OR(BinaryOp.OR, 1), AND(BinaryOp.AND, 2), EQ(BinaryOp.EQ, 3), NE(BinaryOp.NE, 3),
        LT(BinaryOp.LT, 4), LE(BinaryOp.LE, 4), GT(BinaryOp.GT, 4), GE(BinaryOp.GE, 4),
        COALESCE(BinaryOp.COALESCE, 5);

        final BinaryOp operator;
        final int precedence;

        Kind() {
            this(null, 0);
        }

        Kind(BinaryOp operator, int precedence) {
            this.operator = operator;
            this.precedence = precedence;
        }
    }

    /** Pieces inside a string; a piece of text holds no escape, and {@code $} alone is text. */
    enum Piece { TEXT, ESCAPE, INTERPOLATION, CLOSE }

    private final String file;
    private final String source;
    /** The source as an array: indexing a String checks its coder and bounds on every character. */
    private final char[] chars;
    private final List<Comment> comments = new ArrayList<>();
    private final Map<String, String> words = new HashMap<>();
    private int position;
    private int line = 1;
    private int lineStart;
    /** Surrogate pairs on the current line before {@link #position}: each is one column, not two. */
    private int lineShift;
    /** Open brackets and interpolations, counted as {@link LexicalChecks} counts them. */
    private int depth;

    private int start;
    private int tokenLine;
    private int tokenColumn;
    private Duration duration;

    FastScanner(String file, String source) {
        this.file = file;
        this.source = source;
        this.chars = source.toCharArray();
    }

    /** The comments passed so far, in source order. */
    List<Comment> comments() {
        return comments;
    }

    /** The text of the last token or piece. */
    String text() {
        return source.substring(start, position);
    }

    /**
     * The text of the last identifier or keyword, one instance per distinct word: a file repeats
     * a few words (`uses`, `with`, `stages`, its stage names) thousands of times, and the AST
     * keeps every one of them.
     */
    String word() {
        return words.computeIfAbsent(text(), word -> word);
    }

    int line() {
        return tokenLine;
    }

    int column() {
        return tokenColumn;
    }

    /** The column of the last token's last character; tokens of the default mode are ASCII. */
    int endColumn() {
        return tokenColumn + position - start - 1;
    }

    /** The value of the last {@link Kind#DURATION}. */
    Duration duration() {
        return duration;
    }

    /** The next default-mode token, after white space and comments. */
    Kind next() {
        skipSpaceAndComments();
        begin();
        if (position == chars.length) {
            return Kind.EOF;
        }
        char c = chars[position++];
        return switch (c) {
            case '{' -> open(Kind.LBRACE);
            case '}' -> close(Kind.RBRACE);
            case '[' -> open(Kind.LBRACKET);
            case ']' -> close(Kind.RBRACKET);
            case '(' -> open(Kind.LPAREN);
            case ')' -> close(Kind.RPAREN);
            case ',' -> Kind.COMMA;
            case '.' -> Kind.DOT;
            case ':' -> Kind.COLON;
            case '|' -> pair('|', Kind.OR);
            case '&' -> pair('&', Kind.AND);
            case '?' -> pair('?', Kind.COALESCE);
            case '=' -> follows('=') ? Kind.EQ : Kind.ASSIGN;
            case '!' -> follows('=') ? Kind.NE : Kind.NOT;
            case '<' -> follows('=') ? Kind.LE : Kind.LT;
            case '>' -> follows('=') ? Kind.GE : Kind.GT;
            case '"' -> quote();
            default -> word(c);
        };
    }

    /** The next piece of a string whose opening quotes were the last token. */
    Piece nextPiece(boolean triple) {
        begin();
        if (position == chars.length) {
            throw FastParser.GiveUp.INSTANCE; // unterminated
        }
        char c = chars[position];
        if (c == '"') {
            if (!triple) {
                position++;
                return Piece.CLOSE;
            }
            if (source.startsWith("\"\"\"", position)) {
                position += 3;
                return Piece.CLOSE;
            }
            position += source.startsWith("\"\"", position) ? 2 : 1;
            return Piece.TEXT;
        }
        if (c == '\\') {
            if (position + 1 == chars.length || Strings.unescape(source.substring(position, position + 2)) == null) {
                throw FastParser.GiveUp.INSTANCE; // an unknown escape
            }
            position += 2;
            return Piece.ESCAPE;
        }
        if (c == '$') {
            if (source.startsWith("${", position)) {
                position += 2;
                nest();
                return Piece.INTERPOLATION;
            }
            position++;
            return Piece.TEXT;
        }
        text(triple);
        return Piece.TEXT;
    }

    /** A run of plain text: up to a quote, escape or dollar; a one-line string also stops at a line break. */
    private void text(boolean triple) {
        while (position < chars.length) {
            char c = chars[position];
            if (c == '"' || c == '\\' || c == '$') {
                return;
            }
            if (c == '\n' || c == '\r') {
                if (!triple) {
                    throw FastParser.GiveUp.INSTANCE; // unterminated string
                }
                if (c == '\n') {
                    newLine(position + 1);
                }
            } else if (Character.isLowSurrogate(c) && position > start && Character.isHighSurrogate(chars[position - 1])) {
                lineShift++;
            }
            position++;
        }
    }

    private void skipSpaceAndComments() {
        while (position < chars.length) {
            char c = chars[position];
            if (c == '\n') {
                newLine(position + 1);
            } else if (c == '#') {
                comment();
                continue;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
                return;
            }
            position++;
        }
    }

    /** A comment runs to the end of the line; its span ends at its last character that is not blank. */
    private void comment() {
        begin();
        while (position < chars.length && chars[position] != '\n' && chars[position] != '\r') {
            char c = chars[position];
            if (Character.isLowSurrogate(c) && position > start && Character.isHighSurrogate(chars[position - 1])) {
                lineShift++;
            }
            position++;
        }
        String text = text().stripTrailing();
        // As Spans.of(Token) computes it: a column in code points plus a length in chars.
        int endColumn = tokenColumn - 1 + Math.max(1, text.length());
        comments.add(new Comment(text, new SourceSpan(file, tokenLine, tokenColumn, tokenLine, endColumn)));
    }

    private Kind quote() {
        if (source.startsWith("\"\"", position)) {
            position += 2;
            return Kind.TRIPLE_OPEN;
        }
        return Kind.STRING_OPEN;
    }

    private Kind word(char first) {
        if (isLetter(first)) {
            while (position < chars.length && (isLetter(chars[position]) || isDigit(chars[position])
                    || chars[position] == '-')) {
                position++;
            }
            return keyword();
        }
        if (isDigit(first)) {
            return number();
        }
        throw FastParser.GiveUp.INSTANCE; // a character no token starts with
    }

    // Compared in place: a switch on the token's text would first copy it and hash it.
    private Kind keyword() {
        return switch (chars[start]) {
            case 'p' -> is("pipeline") ? Kind.PIPELINE : is("param") ? Kind.PARAM : is("parallel") ? Kind.PARALLEL : Kind.ID;
            case 's' -> is("stage") ? Kind.STAGE : Kind.ID;
            case 'f' -> is("finally") ? Kind.FINALLY : is("false") ? Kind.FALSE : Kind.ID;
            case 't' -> is("true") ? Kind.TRUE : Kind.ID;
            case 'n' -> is("null") ? Kind.NULL : Kind.ID;
            default -> Kind.ID;
        };
    }

    private boolean is(String word) {
        return position - start == word.length() && source.startsWith(word, start);
    }

    /**
     * NUMBER, DURATION or BAD_DURATION, by the lexer's longest match: a number glued to letters is a
     * duration only when the whole run of letters and digits is one, otherwise a bad duration.
     */
    private Kind number() {
        digits();
        boolean decimal = position + 1 < chars.length && chars[position] == '.' && isDigit(chars[position + 1]);
        if (decimal) {
            position++;
            digits();
        }
        if (position == chars.length || !isLetter(chars[position])) {
            return Kind.NUMBER;
        }
        while (position < chars.length && (isLetter(chars[position]) || isDigit(chars[position]))) {
            position++;
        }
        if (decimal) {
            throw FastParser.GiveUp.INSTANCE; // a bad duration
        }
        try {
            duration = Durations.parse(text()); // accepts exactly the whole run or nothing
        } catch (IllegalArgumentException bad) {
            throw FastParser.GiveUp.INSTANCE;
        }
        return Kind.DURATION;
    }

    private void digits() {
        while (position < chars.length && isDigit(chars[position])) {
            position++;
        }
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean follows(char c) {
        if (position < chars.length && chars[position] == c) {
            position++;
            return true;
        }
        return false;
    }

    private Kind pair(char second, Kind kind) {
        if (!follows(second)) {
            throw FastParser.GiveUp.INSTANCE; // `|`, `&` and `?` only come in pairs
        }
        return kind;
    }

    private Kind open(Kind kind) {
        nest();
        return kind;
    }

    private Kind close(Kind kind) {
        depth--;
        return kind;
    }

    private void nest() {
        if (++depth > LexicalChecks.MAX_NESTING) {
            throw FastParser.GiveUp.INSTANCE; // too deep: LexicalChecks reports it
        }
    }

    private void begin() {
        start = position;
        tokenLine = line;
        tokenColumn = position - lineStart - lineShift + 1;
    }

    private void newLine(int next) {
        line++;
        lineStart = next;
        lineShift = 0;
    }
}
