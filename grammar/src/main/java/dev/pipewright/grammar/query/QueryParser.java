package dev.pipewright.grammar.query;

import dev.pipewright.grammar.QueryLexer;
import dev.pipewright.grammar.ast.Name;
import dev.pipewright.grammar.ast.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Parses query text into a {@link Query}; syntax errors become a {@link QueryException}. */
public final class QueryParser {

    /** The name shown in diagnostics in place of a file name. */
    public static final String SOURCE_NAME = "query";

    private QueryParser() {
    }

    public static Query parse(String source) {
        List<QueryDiagnostic> problems = new ArrayList<>();
        QueryLexer lexer = new QueryLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        dev.pipewright.grammar.QueryParser parser = new dev.pipewright.grammar.QueryParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                    RecognitionException e) {
                Token token = (Token) offending;
                problems.add(new QueryDiagnostic(tokenSpan(token, line, column), SyntaxMessages.describe(token, msg)));
            }
        });
        dev.pipewright.grammar.QueryParser.QueryContext tree = parser.query();
        if (!problems.isEmpty()) {
            throw new QueryException(source, problems);
        }
        List<Field> fields = new ArrayList<>();
        for (var field : tree.field()) {
            fields.add(field(field));
        }
        return new Query(fields, source);
    }

    private static Field field(dev.pipewright.grammar.QueryParser.FieldContext context) {
        List<Argument> arguments = new ArrayList<>();
        if (context.arguments() != null) {
            for (var argument : context.arguments().argument()) {
                Name name = name(argument.NAME());
                Value value = value(argument.value());
                arguments.add(new Argument(name, value, name.span().to(value.span())));
            }
        }
        List<Field> selection = null;
        if (context.selection() != null) {
            selection = new ArrayList<>();
            for (var sub : context.selection().field()) {
                selection.add(field(sub));
            }
        }
        return new Field(name(context.NAME()), arguments, selection, span(context.getStart(), context.getStop()));
    }

    private static Value value(dev.pipewright.grammar.QueryParser.ValueContext context) {
        Token token = context.getStart();
        SourceSpan span = span(token, token);
        if (context.STRING() != null) {
            return new Value.Text(unquote(token.getText()), span);
        }
        if (context.INT() != null) {
            return new Value.Int(Long.parseLong(token.getText()), span);
        }
        return new Value.Word(token.getText(), span);
    }

    private static String unquote(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                char escaped = quoted.charAt(++i);
                out.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Name name(TerminalNode node) {
        return new Name(node.getText(), span(node.getSymbol(), node.getSymbol()));
    }

    private static SourceSpan span(Token start, Token stop) {
        Token end = stop == null ? start : stop;
        return new SourceSpan(SOURCE_NAME, start.getLine(), start.getCharPositionInLine() + 1, end.getLine(),
                end.getCharPositionInLine() + Math.max(1, end.getText().length()));
    }

    private static SourceSpan tokenSpan(Token token, int line, int column) {
        int length = token == null || token.getType() == Token.EOF ? 1 : Math.max(1, token.getText().length());
        return new SourceSpan(SOURCE_NAME, line, column + 1, line, column + length);
    }
}
