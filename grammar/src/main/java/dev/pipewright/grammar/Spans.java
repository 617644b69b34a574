package dev.pipewright.grammar;

import dev.pipewright.grammar.ast.SourceSpan;
import dev.pipewright.grammar.antlr.PipelineLexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Source spans of tokens and rules; the end is the last character, inclusive. */
final class Spans {

    private static final java.util.Set<Integer> MULTI_LINE_TOKENS = java.util.Set.of(
            PipelineLexer.STRING_NEWLINE, PipelineLexer.TRIPLE_TEXT, PipelineLexer.TRIPLE_ESCAPE, PipelineLexer.COMMENT);

    private final String file;
    private final String source;

    Spans(String file, String source) {
        this.file = file;
        this.source = source;
    }

    String file() {
        return file;
    }

    SourceSpan of(Token token) {
        if (token.getType() == Token.EOF) {
            return endOfFile();
        }
        return of(token, token);
    }

    SourceSpan of(ParserRuleContext context) {
        Token stop = context.getStop();
        if (stop == null || stop.getTokenIndex() < context.getStart().getTokenIndex()) {
            stop = context.getStart();
        }
        return of(context.getStart(), stop);
    }

    SourceSpan of(Token start, Token stop) {
        int line = start.getLine();
        int column = start.getCharPositionInLine() + 1;
        int endLine = stop.getLine();
        int length = stop.getStopIndex() - stop.getStartIndex() + 1;
        int endColumn = stop.getCharPositionInLine() + Math.max(1, length);
        if (MULTI_LINE_TOKENS.contains(stop.getType())) {
            // Only these tokens may hold a line break; reading the text of every token is costly.
            // A token ending in a line break (an unterminated string ends there) stops before it.
            String text = stop.getText() == null ? "" : stop.getText().stripTrailing();
            endColumn = stop.getCharPositionInLine() + Math.max(1, text.length());
            int lastBreak = text.lastIndexOf('\n');
            if (lastBreak >= 0) {
                for (int i = 0; i <= lastBreak; i++) {
                    if (text.charAt(i) == '\n') {
                        endLine++;
                    }
                }
                endColumn = Math.max(1, text.length() - lastBreak - 1);
            }
        }
        return new SourceSpan(file, line, column, endLine, endColumn);
    }

    /** Just past the last character that is not white space: where "expected `}`" belongs. */
    SourceSpan endOfFile() {
        int end = source.length();
        while (end > 0 && Character.isWhitespace(source.charAt(end - 1))) {
            end--;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = end - lineStart + 1;
        return new SourceSpan(file, line, column, line, column);
    }
}
