package dev.pipewright.cli.repl;

import dev.pipewright.engine.query.QuerySchema;
import dev.pipewright.engine.query.QuerySchema.FieldSpec;
import dev.pipewright.engine.query.QuerySchema.ObjectType;
import dev.pipewright.grammar.QueryLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Walks a query as typed so far, token by token, tracking which object's fields are being
 * selected and which field's arguments are open: what highlighting and completion need, without
 * requiring the query to be complete.
 */
final class QueryWalk {

    /** What a token is, for highlighting. */
    enum Role { FIELD, UNKNOWN_FIELD, ARGUMENT, UNKNOWN_ARGUMENT, STRING, NUMBER, WORD, PUNCTUATION, ERROR }

    record Piece(int start, int end, Role role) {
    }

    /** Where the end of the text stands. */
    record Context(ObjectType type, FieldSpec openArguments, String argument, int depth, int parens) {
        boolean inArguments() {
            return openArguments != null;
        }
    }

    private final List<Piece> pieces = new ArrayList<>();
    private Context end;

    static QueryWalk of(String text) {
        QueryWalk walk = new QueryWalk();
        walk.walk(text);
        return walk;
    }

    List<Piece> pieces() {
        return pieces;
    }

    Context end() {
        return end;
    }

    private void walk(String text) {
        QueryLexer lexer = new QueryLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        Deque<ObjectType> types = new ArrayDeque<>();
        types.push(ObjectType.ROOT);
        Optional<FieldSpec> lastField = Optional.empty();
        FieldSpec arguments = null;
        String argument = null;
        int depth = 0;
        int parens = 0;
        boolean unknownScope = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            Role role;
            String text1 = token.getText();
            switch (token.getType()) {
                case QueryLexer.NAME -> {
                    if (arguments != null && next != null && next.getText().equals(":")) {
                        argument = text1;
                        role = arguments.argument(text1).isPresent() ? Role.ARGUMENT : Role.UNKNOWN_ARGUMENT;
                    } else if (arguments != null) {
                        role = Role.WORD;
                        argument = null;
                    } else if (unknownScope) {
                        role = Role.UNKNOWN_FIELD;
                    } else {
                        lastField = QuerySchema.field(types.peek(), text1);
                        role = lastField.isPresent() ? Role.FIELD : Role.UNKNOWN_FIELD;
                    }
                }
                case QueryLexer.STRING -> {
                    role = Role.STRING;
                    argument = null;
                }
                case QueryLexer.INT -> {
                    role = Role.NUMBER;
                    argument = null;
                }
                case QueryLexer.OTHER -> role = Role.ERROR;
                default -> {
                    role = Role.PUNCTUATION;
                    switch (text1) {
                        case "(" -> {
                            parens++;
                            arguments = lastField.orElse(new FieldSpec("?", null, false, List.of(), ""));
                        }
                        case ")" -> {
                            parens--;
                            arguments = null;
                            argument = null;
                        }
                        case "{" -> {
                            depth++;
                            ObjectType inner = lastField.map(FieldSpec::of).orElse(null);
                            types.push(inner == null ? ObjectType.ROOT : inner);
                            unknownScope = inner == null;
                            lastField = Optional.empty();
                        }
                        case "}" -> {
                            depth--;
                            if (types.size() > 1) {
                                types.pop();
                            }
                            unknownScope = false;
                        }
                        default -> {
                            // `:` and `,` change nothing we track.
                        }
                    }
                }
            }
            pieces.add(new Piece(token.getStartIndex(), token.getStopIndex() + 1, role));
        }
        end = new Context(unknownScope ? null : types.peek(), arguments, argument, depth, parens);
    }
}
