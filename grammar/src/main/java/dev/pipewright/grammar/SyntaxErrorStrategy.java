package dev.pipewright.grammar;

import static dev.pipewright.grammar.antlr.PipelineLexer.*;

import dev.pipewright.grammar.antlr.PipelineGrammar;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.Diagnostics;
import dev.pipewright.grammar.diag.Suggestions;
import dev.pipewright.grammar.ast.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery (it resynchronises at the next stage or block) with messages written for
 * people: "expected `}` to close stage `build`", never a dump of the token set.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    private static final Set<Integer> BLOCK_KEYWORDS = Set.of(PIPELINE, PARAM, STAGE, PARALLEL, FINALLY);
    private static final Set<Integer> STRING_MODE_TOKENS = Set.of(STRING_CLOSE, STRING_TEXT, STRING_ESCAPE,
            STRING_DOLLAR, STRING_NEWLINE, TRIPLE_CLOSE, TRIPLE_TEXT, TRIPLE_ESCAPE, TRIPLE_DOLLAR);
    private static final Set<String> KEYWORD_TEXTS = Set.of("pipeline", "param", "stage", "parallel", "finally");

    private final Spans spans;
    private final Diagnostics sink;
    private final Set<Integer> linesWithErrors = new HashSet<>();

    SyntaxErrorStrategy(Spans spans, Diagnostics sink) {
        this.spans = spans;
        this.sink = sink;
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        ParserRuleContext context = e.getCtx() instanceof ParserRuleContext c ? c : parser.getContext();
        report(context, e.getOffendingToken(), expected(parser, e));
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser.getContext(), parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser.getContext(), parser.getCurrentToken(), getExpectedTokens(parser));
    }

    /**
     * Skips the rest of the broken line: resumes at a block keyword, a closing brace, or the
     * first name of a later line, whichever comes first outside any brackets opened meanwhile.
     * One mistake then gives one message, not one per token after it.
     */
    @Override
    public void recover(Parser parser, RecognitionException e) {
        if (lastErrorIndex == parser.getInputStream().index() && lastErrorStates != null
                && lastErrorStates.contains(parser.getState())) {
            parser.consume(); // the same error at the same place again: move on, as ANTLR does
        }
        lastErrorIndex = parser.getInputStream().index();
        if (lastErrorStates == null) {
            lastErrorStates = new IntervalSet();
        }
        lastErrorStates.add(parser.getState());
        if (inInterpolation(parser.getContext())) {
            skipToEndOfInterpolation(parser);
            return;
        }
        int errorLine = parser.getCurrentToken().getLine();
        int depth = 0;
        while (true) {
            Token token = parser.getCurrentToken();
            int type = token.getType();
            if (type == EOF) {
                return;
            }
            if (depth == 0 && (BLOCK_KEYWORDS.contains(type) || type == RBRACE
                    || (type == ID && token.getLine() > errorLine && firstOnLine(parser, token)))) {
                return;
            }
            if (type == LBRACE || type == LBRACKET || type == LPAREN || type == STRING_INTERP || type == TRIPLE_INTERP) {
                depth++;
            } else if ((type == RBRACE || type == RBRACKET || type == RPAREN) && depth > 0) {
                depth--;
            }
            parser.consume();
        }
    }

    private static boolean inInterpolation(ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (c instanceof PipelineGrammar.StringPartContext || c instanceof PipelineGrammar.TriplePartContext) {
                return true;
            }
        }
        return false;
    }

    /** Inside {@code ${...}}: skips to its closing brace, or to the string around it, whichever comes first. */
    private static void skipToEndOfInterpolation(Parser parser) {
        int depth = 0;
        while (true) {
            int type = parser.getCurrentToken().getType();
            if (type == EOF || depth == 0 && (type == RBRACE || STRING_MODE_TOKENS.contains(type))) {
                return;
            }
            // Strings nested in the interpolation count as a level, so their text is not taken for ours.
            if (type == LBRACE || type == LBRACKET || type == LPAREN || type == STRING_INTERP || type == TRIPLE_INTERP
                    || type == STRING_OPEN || type == TRIPLE_OPEN) {
                depth++;
            } else if ((type == RBRACE || type == RBRACKET || type == RPAREN || type == STRING_CLOSE
                    || type == STRING_NEWLINE || type == TRIPLE_CLOSE) && depth > 0) {
                depth--;
            }
            parser.consume();
        }
    }

    private static boolean firstOnLine(Parser parser, Token token) {
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            Token previous = parser.getTokenStream().get(i);
            if (previous.getChannel() == Token.DEFAULT_CHANNEL) {
                String text = previous.getText();
                int endLine = previous.getLine() + (int) text.chars().filter(c -> c == '\n').count();
                return endLine < token.getLine();
            }
        }
        return true;
    }

    /**
     * Never drops a brace or a keyword to make the next token fit: in {@code stage { uses = ... }}
     * that would take {@code uses} for the stage's name and lose the block's structure. A missing
     * token is conjured instead.
     */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        int type = parser.getCurrentToken().getType();
        if (type == LBRACE || type == RBRACE || BLOCK_KEYWORDS.contains(type)) {
            return null;
        }
        return super.singleTokenDeletion(parser);
    }

    private static IntervalSet expected(Parser parser, RecognitionException e) {
        try {
            IntervalSet set = e.getExpectedTokens();
            return set == null ? new IntervalSet() : set;
        } catch (RuntimeException unavailable) {
            return parser.getExpectedTokens();
        }
    }

    private void report(ParserRuleContext context, Token found, IntervalSet expected) {
        Construct construct = Construct.enclosing(context);
        String foundText = describeFound(found);
        String message;
        String hint = null;
        if (found.getType() == TRIPLE_CLOSE || expected.contains(STRING_CLOSE) || expected.contains(TRIPLE_CLOSE)) {
            message = "unterminated string: expected `" + (expected.contains(TRIPLE_CLOSE) ? "\"\"\"" : "\"")
                    + "` to close " + construct.description();
        } else if (construct.closer() != 0 && expected.contains(construct.closer())
                && (found.getType() == EOF || BLOCK_KEYWORDS.contains(found.getType()) || isCloser(found.getType()))) {
            message = "expected `" + tokenText(construct.closer()) + "` to close " + construct.description();
        } else if (context instanceof PipelineGrammar.NameContext) {
            message = "expected a name after `" + keywordBefore(context) + "`, found " + foundText;
            hint = "names are letters, digits, `_` and `-`, starting with a letter or `_`";
        } else if (context instanceof PipelineGrammar.ParamContext && expected.contains(ID) && !expected.contains(PARAM)) {
            message = "expected a type after `:`, found " + foundText;
            hint = "the types are string, int, bool, duration, list, map and path";
        } else if (expected.contains(ASSIGN) && !expected.contains(OR) && context.getStart() != null
                && (context instanceof PipelineGrammar.SettingContext || context instanceof PipelineGrammar.MapEntryContext)) {
            String key = context.getStart().getText();
            message = "expected `=` after `" + key + "`, found " + foundText;
            hint = context instanceof PipelineGrammar.SettingContext
                    ? Suggestions.didYouMean(key, KEYWORD_TEXTS).orElse("write `" + key + " = VALUE`")
                    : "write `" + key + " = VALUE`";
        } else if (expected.contains(NUMBER) && expected.contains(STRING_OPEN)) {
            message = "expected a value" + valueOwner(context) + ", found " + foundText;
            hint = "a value is a string, number, duration, true, false, null, list, map or reference like `params.NAME`";
        } else if (context instanceof PipelineGrammar.FileContext) {
            message = "expected `pipeline NAME { ... }`, found " + foundText;
            hint = found.getType() == ID ? Suggestions.didYouMean(found.getText(), Set.of("pipeline")).orElse(null) : null;
        } else if (found.getType() == COMMA && construct.isBlock()) {
            message = "unexpected `,` in " + construct.description();
            hint = "settings are separated by spaces or line breaks, not commas";
        } else {
            List<String> wanted = describeExpected(expected);
            message = wanted.isEmpty() || wanted.size() > 3
                    ? "unexpected " + foundText + " in " + construct.description()
                    : "expected " + joinOr(wanted) + ", found " + foundText;
            hint = construct.hint();
        }
        SourceSpan at = spans.of(found);
        // One syntax error per line: a second one on the same line is nearly always a consequence.
        if (!linesWithErrors.add(at.line()) && found.getType() != EOF) {
            return;
        }
        sink.report(Diagnostic.error(at, message, hint));
    }

    /** Notes a line that already has an error from the lexical checks. */
    void lineHasError(int line) {
        linesWithErrors.add(line);
    }

    private static boolean isCloser(int type) {
        return type == RBRACE || type == RBRACKET || type == RPAREN;
    }

    private static String keywordBefore(ParserRuleContext name) {
        ParserRuleContext parent = name.getParent();
        return parent == null || parent.getStart() == null ? "name" : parent.getStart().getText();
    }

    private static String valueOwner(ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (c instanceof PipelineGrammar.SettingContext || c instanceof PipelineGrammar.MapEntryContext
                    || c instanceof PipelineGrammar.ParamContext) {
                Token first = c instanceof PipelineGrammar.ParamContext p && p.name() != null
                        ? p.name().getStart() : c.getStart();
                return " for `" + first.getText() + "`";
            }
            if (c instanceof PipelineGrammar.ListContext || c instanceof PipelineGrammar.PrimaryContext
                    && !(c instanceof PipelineGrammar.MapExprContext)) {
                return "";
            }
        }
        return "";
    }

    private static String describeFound(Token token) {
        return switch (token.getType()) {
            case EOF -> "the end of the file";
            case STRING_OPEN, TRIPLE_OPEN -> "a string";
            case STRING_NEWLINE -> "the end of the line";
            default -> "`" + abbreviate(token.getText()) + "`";
        };
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return oneLine.length() > 30 ? oneLine.substring(0, 27) + "..." : oneLine;
    }

    private static List<String> describeExpected(IntervalSet expected) {
        List<String> wanted = new ArrayList<>();
        for (int type : expected.toList()) {
            String description = switch (type) {
                case ID -> "a name";
                case EOF -> "the end of the file";
                case STRING_OPEN, TRIPLE_OPEN -> "a string";
                case NUMBER -> "a number";
                case DURATION, BAD_DURATION -> "a duration";
                default -> {
                    String text = tokenText(type);
                    yield text == null ? null : "`" + text + "`";
                }
            };
            if (description != null && !wanted.contains(description)) {
                wanted.add(description);
            }
        }
        return wanted;
    }

    private static String joinOr(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** The literal text of a fixed token, or null for tokens without one. */
    static String tokenText(int type) {
        String literal = type >= 0 && type < VOCABULARY.getMaxTokenType() + 1 ? VOCABULARY.getLiteralName(type) : null;
        return literal == null ? null : literal.substring(1, literal.length() - 1);
    }

    /** The innermost construct an error sits in, named for a message, with the token closing it. */
    record Construct(String description, int closer, boolean isBlock, String hint) {

        static Construct enclosing(ParserRuleContext context) {
            for (ParserRuleContext c = context; c != null; c = c.getParent()) {
                Construct found = of(c);
                if (found != null) {
                    return found;
                }
            }
            return new Construct("the file", 0, false, "a file holds one `pipeline NAME { ... }`");
        }

        private static Construct of(ParserRuleContext c) {
            if (c instanceof PipelineGrammar.StringContext s) {
                return new Construct("the string that starts at " + s.getStart().getLine() + ":"
                        + (s.getStart().getCharPositionInLine() + 1), 0, false, null);
            }
            if ((c instanceof PipelineGrammar.StringPartContext p && p.STRING_INTERP() != null)
                    || (c instanceof PipelineGrammar.TriplePartContext t && t.TRIPLE_INTERP() != null)) {
                return new Construct("the interpolation `${`", RBRACE, false, null);
            }
            if (c instanceof PipelineGrammar.ParenExprContext) {
                return new Construct("the parenthesis", RPAREN, false, null);
            }
            if (c instanceof PipelineGrammar.ListContext) {
                return new Construct("the list", RBRACKET, false, "list items are separated by commas or spaces");
            }
            if (c instanceof PipelineGrammar.MapContext) {
                return new Construct(mapDescription(c), RBRACE, false, "a map holds entries `key = value`");
            }
            if (c instanceof PipelineGrammar.StageContext s) {
                return new Construct("stage " + name(s.name()), RBRACE, true,
                        "a stage holds settings such as `uses = core.exec` and `with { ... }`");
            }
            if (c instanceof PipelineGrammar.ParallelContext p) {
                return new Construct("parallel block " + name(p.name()), RBRACE, true,
                        "a parallel block holds `max = N` and stages");
            }
            if (c instanceof PipelineGrammar.FinallyBlockContext) {
                return new Construct("the `finally` block", RBRACE, true, "a `finally` block holds stages");
            }
            if (c instanceof PipelineGrammar.PipelineContext p) {
                return new Construct("pipeline " + name(p.name()), RBRACE, true,
                        "a pipeline holds settings, `param`, `stage`, `parallel` and `finally`");
            }
            return null;
        }

        private static String mapDescription(ParserRuleContext map) {
            ParserRuleContext parent = map.getParent();
            while (parent != null && !(parent instanceof PipelineGrammar.SettingContext)
                    && !(parent instanceof PipelineGrammar.MapEntryContext)
                    && !(parent instanceof PipelineGrammar.ListContext)) {
                parent = parent.getParent();
            }
            if (parent instanceof PipelineGrammar.SettingContext s && s.key != null) {
                return "`" + s.key.getText() + "`";
            }
            if (parent instanceof PipelineGrammar.MapEntryContext e && e.getStart() != null) {
                return "the map of `" + e.getStart().getText() + "`";
            }
            return "the map";
        }

        private static String name(PipelineGrammar.NameContext name) {
            return name == null || name.ID() == null ? "(unnamed)" : "`" + name.ID().getText() + "`";
        }
    }
}
