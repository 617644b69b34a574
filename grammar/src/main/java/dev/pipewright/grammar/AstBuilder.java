package dev.pipewright.grammar;

import dev.pipewright.grammar.antlr.PipelineGrammar;
import dev.pipewright.grammar.antlr.PipelineGrammar.*;
import dev.pipewright.grammar.antlr.PipelineLexer;
import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Comment;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Finally;
import dev.pipewright.grammar.ast.MapEntry;
import dev.pipewright.grammar.ast.Name;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.ast.Setting;
import dev.pipewright.grammar.ast.SourceSpan;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.Diagnostics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns a parse tree without syntax errors into the AST. The parse tree goes no further than
 * this class. One method per grammar rule. The grammar lets a few things through that mean
 * nothing (a map key with {@code ${...}} in it); they are reported to the sink, and the caller
 * drops the AST.
 */
final class AstBuilder {

    private final Spans spans;
    private final Diagnostics sink;

    AstBuilder(Spans spans, Diagnostics sink) {
        this.spans = spans;
        this.sink = sink;
    }

    PipelineFile file(FileContext file, String source, List<Comment> comments) {
        Pipeline pipeline = pipeline(file.pipeline(0));
        SourceSpan whole = new SourceSpan(spans.file(), 1, 1, pipeline.span().endLine(), pipeline.span().endColumn());
        return new PipelineFile(spans.file(), source, pipeline, comments, whole);
    }

    static List<Comment> comments(List<Token> tokens, Spans spans) {
        List<Comment> comments = new ArrayList<>();
        for (Token token : tokens) {
            if (token.getType() == PipelineLexer.COMMENT) {
                comments.add(new Comment(token.getText().stripTrailing(), spans.of(token)));
            }
        }
        return comments;
    }

    private Pipeline pipeline(PipelineContext ctx) {
        List<Setting> settings = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        List<Block> body = new ArrayList<>();
        List<Finally> finallyBlocks = new ArrayList<>();
        for (PipelineItemContext item : ctx.pipelineItem()) {
            if (item.setting() != null) {
                settings.add(setting(item.setting()));
            } else if (item.param() != null) {
                params.add(param(item.param()));
            } else if (item.stage() != null) {
                body.add(stage(item.stage()));
            } else if (item.parallel() != null) {
                body.add(parallel(item.parallel()));
            } else if (item.finallyBlock() != null) {
                finallyBlocks.add(finallyBlock(item.finallyBlock()));
            }
        }
        return new Pipeline(name(ctx.name()), settings, params, body, finallyBlocks, spans.of(ctx));
    }

    private Param param(ParamContext ctx) {
        Optional<Name> type = Optional.ofNullable(ctx.paramType).map(t -> new Name(t.getText(), spans.of(t)));
        Optional<Expr> defaultValue = Optional.ofNullable(ctx.expr()).map(this::expr);
        return new Param(name(ctx.name()), type, defaultValue, spans.of(ctx));
    }

    private Block.Stage stage(StageContext ctx) {
        return new Block.Stage(name(ctx.name()), map(ctx.setting(), this::setting), spans.of(ctx));
    }

    private Block.Parallel parallel(ParallelContext ctx) {
        List<Setting> settings = new ArrayList<>();
        List<Block.Stage> stages = new ArrayList<>();
        for (ParallelItemContext item : ctx.parallelItem()) {
            if (item.stage() != null) {
                stages.add(stage(item.stage()));
            } else {
                settings.add(setting(item.setting()));
            }
        }
        return new Block.Parallel(name(ctx.name()), settings, stages, spans.of(ctx));
    }

    private Finally finallyBlock(FinallyBlockContext ctx) {
        return new Finally(map(ctx.stage(), this::stage), spans.of(ctx));
    }

    private Setting setting(SettingContext ctx) {
        Name key = new Name(ctx.key.getText(), spans.of(ctx.key));
        Expr value = ctx.expr() != null ? expr(ctx.expr()) : map(ctx.map());
        return new Setting(key, value, spans.of(ctx));
    }

    private Name name(NameContext ctx) {
        return new Name(ctx.getText(), spans.of(ctx));
    }

    private Expr expr(ExprContext ctx) {
        if (ctx instanceof BinaryExprContext binary) {
            Expr left = expr(binary.expr(0));
            Expr right = expr(binary.expr(1));
            return new Expr.Binary(binaryOp(binary.op), left, right, left.span().to(right.span()));
        } else if (ctx instanceof NotExprContext not) {
            return new Expr.Unary(Expr.UnaryOp.NOT, expr(not.expr()), spans.of(ctx));
        }
        return primary(((PrimaryExprContext) ctx).primary());
    }

    private static Expr.BinaryOp binaryOp(Token operator) {
        return switch (operator.getType()) {
            case PipelineLexer.OR -> Expr.BinaryOp.OR;
            case PipelineLexer.AND -> Expr.BinaryOp.AND;
            case PipelineLexer.EQ -> Expr.BinaryOp.EQ;
            case PipelineLexer.NE -> Expr.BinaryOp.NE;
            case PipelineLexer.LT -> Expr.BinaryOp.LT;
            case PipelineLexer.LE -> Expr.BinaryOp.LE;
            case PipelineLexer.GT -> Expr.BinaryOp.GT;
            case PipelineLexer.GE -> Expr.BinaryOp.GE;
            case PipelineLexer.COALESCE -> Expr.BinaryOp.COALESCE;
            default -> throw new IllegalStateException("not a binary operator: " + operator.getText());
        };
    }

    private Expr primary(PrimaryContext ctx) {
        SourceSpan span = spans.of(ctx);
        if (ctx instanceof StringExprContext s) {
            return string(s.string());
        } else if (ctx instanceof NumberExprContext) {
            return new Expr.NumberLit(ctx.getText(), new BigDecimal(ctx.getText()), span);
        } else if (ctx instanceof DurationExprContext) {
            return new Expr.DurationLit(ctx.getText(), Durations.parse(ctx.getText()), span);
        } else if (ctx instanceof BoolExprContext) {
            return new Expr.BoolLit(ctx.getText().equals("true"), span);
        } else if (ctx instanceof NullExprContext) {
            return new Expr.NullLit(span);
        } else if (ctx instanceof RefExprContext r) {
            return ref(r.ref());
        } else if (ctx instanceof ListExprContext l) {
            return new Expr.ListLit(map(l.list().expr(), this::expr), span);
        } else if (ctx instanceof MapExprContext m) {
            return map(m.map());
        } else if (ctx instanceof ParenExprContext p) {
            return expr(p.expr());
        }
        // BAD_DURATION: the lexical checks reported it, so no AST is built for this file.
        throw new IllegalStateException("no AST for " + ctx.getText());
    }

    private Expr.Ref ref(RefContext ctx) {
        List<Name> path = new ArrayList<>();
        path.add(new Name(ctx.getStart().getText(), spans.of(ctx.getStart())));
        for (SegmentContext segment : ctx.segment()) {
            path.add(name(segment.getStart(), segment));
        }
        return new Expr.Ref(path, spans.of(ctx));
    }

    private Name name(Token token, ParserRuleContext ctx) {
        return new Name(token.getText(), spans.of(ctx));
    }

    private Expr.MapLit map(MapContext ctx) {
        return new Expr.MapLit(map(ctx.mapEntry(), this::mapEntry), spans.of(ctx));
    }

    private MapEntry mapEntry(MapEntryContext ctx) {
        MapKeyContext key = ctx.mapKey();
        String text = key.getText();
        if (key.string() != null) {
            Expr.StringLit string = string(key.string());
            if (!string.isConstant()) {
                sink.report(Diagnostic.error(string.span(), "a map key is plain text, without `${...}`",
                        "compute the value instead, or write the key as a name or a constant string"));
            }
            text = string.isConstant() ? string.constantText() : text;
        }
        return new MapEntry(text, spans.of(key), expr(ctx.expr()), spans.of(ctx));
    }

    Expr.StringLit string(StringContext ctx) {
        List<Strings.Raw> raw = new ArrayList<>();
        boolean triple = ctx.TRIPLE_OPEN() != null;
        if (triple) {
            for (TriplePartContext part : ctx.triplePart()) {
                raw.add(part.expr() != null ? new Strings.Raw.Interpolation(expr(part.expr()))
                        : part.TRIPLE_ESCAPE() != null ? new Strings.Raw.Escape(part.getText())
                        : new Strings.Raw.Text(part.getText()));
            }
            raw = Strings.trimIndent(raw);
        } else {
            for (StringPartContext part : ctx.stringPart()) {
                raw.add(part.expr() != null ? new Strings.Raw.Interpolation(expr(part.expr()))
                        : part.STRING_ESCAPE() != null ? new Strings.Raw.Escape(part.getText())
                        : new Strings.Raw.Text(part.getText()));
            }
        }
        return new Expr.StringLit(Strings.parts(raw), triple, spans.of(ctx));
    }

    private static <C, T> List<T> map(List<C> contexts, Function<C, T> build) {
        List<T> result = new ArrayList<>(contexts.size());
        for (C context : contexts) {
            result.add(build.apply(context));
        }
        return result;
    }
}
