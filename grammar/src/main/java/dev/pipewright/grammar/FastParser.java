package dev.pipewright.grammar;

import dev.pipewright.grammar.FastScanner.Kind;
import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Finally;
import dev.pipewright.grammar.ast.MapEntry;
import dev.pipewright.grammar.ast.Name;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.ast.Setting;
import dev.pipewright.grammar.ast.SourceSpan;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fast path for files without mistakes: a recursive-descent parser of PipelineGrammar.g4
 * (one method per rule) that builds the same AST as the ANTLR path plus {@link AstBuilder}, spans
 * and comments included, in a single pass with no token or parse-tree objects. It reports
 * nothing: at the first token it does not expect it gives up, and {@link PipelineParser} hands the
 * file to the ANTLR path, whose recovery and messages stay the reference for every mistake.
 * FastParserAgreementTest holds the two paths to the same result.
 */
final class FastParser {

    /**
     * Thrown to abandon the fast path. Preallocated and without a stack trace: giving up is an
     * expected outcome (every file with a mistake takes it), not an error.
     */
    static final class GiveUp extends RuntimeException {
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super("not for the fast path", null, false, false);
        }
    }

    private final String file;
    private final FastScanner scanner;
    private Kind token;
    private int endLine;
    private int endColumn;

    private FastParser(String file, String source) {
        this.file = file;
        this.scanner = new FastScanner(file, source);
    }

    /** The AST of a file the ANTLR path would accept without a diagnostic, or empty when unsure. */
    static Optional<PipelineFile> parse(String path, String source) {
        try {
            return Optional.of(new FastParser(path, source).file(source));
        } catch (GiveUp unsure) {
            return Optional.empty();
        }
    }

    // file : pipeline EOF (one pipeline: more, or none, is an error the ANTLR path reports)
    private PipelineFile file(String source) {
        advance();
        Pipeline pipeline = pipeline();
        expect(Kind.EOF);
        SourceSpan whole = new SourceSpan(file, 1, 1, pipeline.span().endLine(), pipeline.span().endColumn());
        return new PipelineFile(file, source, pipeline, scanner.comments(), whole);
    }

    private Pipeline pipeline() {
        int line = scanner.line();
        int column = scanner.column();
        expect(Kind.PIPELINE);
        Name name = name();
        expect(Kind.LBRACE);
        List<Setting> settings = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        List<Block> body = new ArrayList<>();
        List<Finally> finallyBlocks = new ArrayList<>();
        while (token != Kind.RBRACE) {
            switch (token) {
                case PARAM -> params.add(param());
                case STAGE -> body.add(stage());
                case PARALLEL -> body.add(parallel());
                case FINALLY -> finallyBlocks.add(finallyBlock());
                case ID -> settings.add(setting());
                default -> throw GiveUp.INSTANCE;
            }
        }
        advance();
        return new Pipeline(name, settings, params, body, finallyBlocks, span(line, column));
    }

    private Param param() {
        int line = scanner.line();
        int column = scanner.column();
        advance();
        Name name = name();
        Optional<Name> type = Optional.empty();
        if (token == Kind.COLON) {
            advance();
            type = Optional.of(name());
        }
        Optional<Expr> defaultValue = Optional.empty();
        if (token == Kind.ASSIGN) {
            advance();
            defaultValue = Optional.of(expr());
        }
        return new Param(name, type, defaultValue, span(line, column));
    }

    private Block.Stage stage() {
        int line = scanner.line();
        int column = scanner.column();
        expect(Kind.STAGE);
        Name name = name();
        expect(Kind.LBRACE);
        List<Setting> settings = new ArrayList<>();
        while (token != Kind.RBRACE) {
            settings.add(setting());
        }
        advance();
        return new Block.Stage(name, settings, span(line, column));
    }

    private Block.Parallel parallel() {
        int line = scanner.line();
        int column = scanner.column();
        advance();
        Name name = name();
        expect(Kind.LBRACE);
        List<Setting> settings = new ArrayList<>();
        List<Block.Stage> stages = new ArrayList<>();
        while (token != Kind.RBRACE) {
            if (token == Kind.STAGE) {
                stages.add(stage());
            } else {
                settings.add(setting());
            }
        }
        advance();
        return new Block.Parallel(name, settings, stages, span(line, column));
    }

    private Finally finallyBlock() {
        int line = scanner.line();
        int column = scanner.column();
        advance();
        expect(Kind.LBRACE);
        List<Block.Stage> stages = new ArrayList<>();
        while (token != Kind.RBRACE) {
            stages.add(stage());
        }
        advance();
        return new Finally(stages, span(line, column));
    }

    // setting : key=ID (ASSIGN expr | map)
    private Setting setting() {
        int line = scanner.line();
        int column = scanner.column();
        Name key = name();
        Expr value;
        if (token == Kind.ASSIGN) {
            advance();
            value = expr();
        } else if (token == Kind.LBRACE) {
            value = map();
        } else {
            throw GiveUp.INSTANCE;
        }
        return new Setting(key, value, span(line, column));
    }

    private Name name() {
        if (token != Kind.ID) {
            throw GiveUp.INSTANCE;
        }
        return takeName();
    }

    private Expr expr() {
        return binary(1);
    }

    /** Operators binding at least as tight as {@code lowest}, by precedence climbing; the span runs from operand to operand. */
    private Expr binary(int lowest) {
        Expr left = unary(0);
        while (token.precedence >= lowest) {
            Kind operator = token;
            advance();
            Expr right = binary(operator.precedence + 1);
            left = new Expr.Binary(operator.operator, left, right, left.span().to(right.span()));
        }
        return left;
    }

    // `!` binds tighter than every binary operator; its span includes the `!`. A run of `!` longer
    // than any nesting the language allows is left to the ANTLR path rather than to the stack.
    private Expr unary(int nots) {
        if (token != Kind.NOT) {
            return primary();
        }
        if (nots == LexicalChecks.MAX_NESTING) {
            throw GiveUp.INSTANCE;
        }
        int line = scanner.line();
        int column = scanner.column();
        advance();
        Expr operand = unary(nots + 1);
        return new Expr.Unary(Expr.UnaryOp.NOT, operand, span(line, column));
    }

    private Expr primary() {
        int line = scanner.line();
        int column = scanner.column();
        switch (token) {
            case STRING_OPEN, TRIPLE_OPEN -> {
                return string();
            }
            case NUMBER -> {
                String text = scanner.text();
                advance();
                return new Expr.NumberLit(text, new BigDecimal(text), span(line, column));
            }
            case DURATION -> {
                String text = scanner.text();
                Duration value = scanner.duration();
                advance();
                return new Expr.DurationLit(text, value, span(line, column));
            }
            case TRUE, FALSE -> {
                boolean value = token == Kind.TRUE;
                advance();
                return new Expr.BoolLit(value, span(line, column));
            }
            case NULL -> {
                advance();
                return new Expr.NullLit(span(line, column));
            }
            case ID, PIPELINE -> {
                return ref();
            }
            case LBRACKET -> {
                return list();
            }
            case LBRACE -> {
                return map();
            }
            case LPAREN -> {
                // The AST keeps no parentheses: the value is the inner expression, with its own span.
                advance();
                Expr inner = expr();
                expect(Kind.RPAREN);
                return inner;
            }
            default -> throw GiveUp.INSTANCE;
        }
    }

    // ref : (ID | PIPELINE) (DOT segment)*, with segment : ID | keyword
    private Expr.Ref ref() {
        int line = scanner.line();
        int column = scanner.column();
        List<Name> path = new ArrayList<>(4);
        path.add(takeName());
        while (token == Kind.DOT) {
            advance();
            if (token != Kind.ID && !isKeyword(token)) {
                throw GiveUp.INSTANCE;
            }
            path.add(takeName());
        }
        return new Expr.Ref(path, span(line, column));
    }

    // list : LBRACKET (expr COMMA?)* RBRACKET
    private Expr.ListLit list() {
        int line = scanner.line();
        int column = scanner.column();
        advance();
        List<Expr> items = new ArrayList<>();
        while (token != Kind.RBRACKET) {
            items.add(expr());
            if (token == Kind.COMMA) {
                advance();
            }
        }
        advance();
        return new Expr.ListLit(items, span(line, column));
    }

    // map : LBRACE (mapEntry COMMA?)* RBRACE
    private Expr.MapLit map() {
        int line = scanner.line();
        int column = scanner.column();
        expect(Kind.LBRACE);
        List<MapEntry> entries = new ArrayList<>();
        while (token != Kind.RBRACE) {
            entries.add(mapEntry());
            if (token == Kind.COMMA) {
                advance();
            }
        }
        advance();
        return new Expr.MapLit(entries, span(line, column));
    }

    // mapEntry : mapKey ASSIGN expr, with mapKey : ID | keyword | string
    private MapEntry mapEntry() {
        int line = scanner.line();
        int column = scanner.column();
        String key;
        SourceSpan keySpan;
        if (token == Kind.STRING_OPEN || token == Kind.TRIPLE_OPEN) {
            Expr.StringLit string = string();
            if (!string.isConstant()) {
                throw GiveUp.INSTANCE; // a key is plain text
            }
            key = string.constantText();
            keySpan = string.span();
        } else if (token == Kind.ID || isKeyword(token)) {
            key = scanner.word();
            keySpan = tokenSpan();
            advance();
        } else {
            throw GiveUp.INSTANCE;
        }
        expect(Kind.ASSIGN);
        Expr value = expr();
        return new MapEntry(key, keySpan, value, span(line, column));
    }

    /** The keywords that may also be a map key or a segment of a reference. */
    private static boolean isKeyword(Kind kind) {
        return kind == Kind.PIPELINE || kind == Kind.PARAM || kind == Kind.STAGE || kind == Kind.PARALLEL
                || kind == Kind.FINALLY;
    }

    // string : STRING_OPEN stringPart* STRING_CLOSE | TRIPLE_OPEN triplePart* TRIPLE_CLOSE
    private Expr.StringLit string() {
        int line = scanner.line();
        int column = scanner.column();
        boolean triple = token == Kind.TRIPLE_OPEN;
        List<Strings.Raw> raw = new ArrayList<>();
        // The scanner stands just after the opening quotes: the pieces come in the string's mode.
        for (FastScanner.Piece piece = scanner.nextPiece(triple); piece != FastScanner.Piece.CLOSE;
                piece = scanner.nextPiece(triple)) {
            switch (piece) {
                case TEXT -> raw.add(new Strings.Raw.Text(scanner.text()));
                case ESCAPE -> raw.add(new Strings.Raw.Escape(scanner.text()));
                default -> {
                    advance();
                    Expr inner = expr();
                    if (token != Kind.RBRACE) {
                        throw GiveUp.INSTANCE;
                    }
                    // Not advance(): the text after this `}` belongs to the string again.
                    raw.add(new Strings.Raw.Interpolation(inner));
                }
            }
        }
        advance(); // past the closing quotes, the last piece scanned
        return new Expr.StringLit(Strings.parts(triple ? Strings.trimIndent(raw) : raw), triple, span(line, column));
    }

    /** Moves to the next token; the one left behind is where a span that ends now ends. */
    private void advance() {
        endLine = scanner.line();
        endColumn = scanner.endColumn();
        token = scanner.next();
    }

    private void expect(Kind kind) {
        if (token != kind) {
            throw GiveUp.INSTANCE;
        }
        advance();
    }

    /** A name from the current token (an identifier or a keyword), taken. */
    private Name takeName() {
        Name name = new Name(scanner.word(), tokenSpan());
        advance();
        return name;
    }

    private SourceSpan tokenSpan() {
        return new SourceSpan(file, scanner.line(), scanner.column(), scanner.line(), scanner.endColumn());
    }

    /** From a start to the end of the last token taken. */
    private SourceSpan span(int line, int column) {
        return new SourceSpan(file, line, column, endLine, endColumn);
    }
}
