package dev.pipewright.grammar;

import static dev.pipewright.grammar.antlr.PipelineLexer.*;

import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.Diagnostics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Problems visible in single tokens: bad durations, unknown escapes, strings left open at the end
 * of a line, and nesting too deep to read. Found by a scan of the tokens, so they are reported
 * together with syntax errors.
 */
final class LexicalChecks {

    /** Deeper nesting than this is refused before parsing, so no phase can overflow its stack. */
    static final int MAX_NESTING = 200;

    private LexicalChecks() {
    }

    /** Returns false when the file nests too deeply to be parsed at all. */
    static boolean check(List<Token> tokens, Spans spans, Diagnostics sink) {
        int depth = 0;
        Deque<Token> openStrings = new ArrayDeque<>();
        for (Token token : tokens) {
            switch (token.getType()) {
                case BAD_DURATION -> sink.report(Diagnostic.error(spans.of(token),
                        "`" + token.getText() + "` is not a duration", Durations.hint()));
                case DURATION -> checkDuration(token, spans, sink);
                case STRING_ESCAPE, TRIPLE_ESCAPE -> checkEscape(token, spans, sink);
                case STRING_OPEN, TRIPLE_OPEN -> openStrings.push(token);
                case STRING_CLOSE, TRIPLE_CLOSE -> openStrings.poll();
                case STRING_NEWLINE -> {
                    Token open = openStrings.poll();
                    sink.report(Diagnostic.error(spans.of(open == null ? token : open),
                            "unterminated string: expected `\"` before the end of the line",
                            "use `\"\"\"` for text over several lines"));
                }
                default -> {
                }
            }
            switch (token.getType()) {
                case LBRACE, LBRACKET, LPAREN, STRING_INTERP, TRIPLE_INTERP -> depth++;
                case RBRACE, RBRACKET, RPAREN -> depth--;
                default -> {
                }
            }
            if (depth > MAX_NESTING) {
                sink.report(Diagnostic.error(spans.of(token),
                        "nested more than " + MAX_NESTING + " levels deep", "flatten the nesting of brackets here"));
                return false;
            }
        }
        return true;
    }

    private static void checkDuration(Token token, Spans spans, Diagnostics sink) {
        try {
            Durations.parse(token.getText());
        } catch (IllegalArgumentException bad) {
            sink.report(Diagnostic.error(spans.of(token), bad.getMessage(), Durations.hint()));
        }
    }

    private static void checkEscape(Token token, Spans spans, Diagnostics sink) {
        if (Strings.unescape(token.getText()) == null) {
            String shown = token.getText().length() < 2 ? "\\" : token.getText();
            sink.report(Diagnostic.error(spans.of(token), "unknown escape `" + shown + "`",
                    "the escapes are \\\" \\\\ \\n \\t and \\$; write `\\\\` for a backslash"));
        }
    }
}
