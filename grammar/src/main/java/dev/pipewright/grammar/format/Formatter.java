package dev.pipewright.grammar.format;

import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Finally;
import dev.pipewright.grammar.ast.MapEntry;
import dev.pipewright.grammar.ast.Node;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.ast.Setting;
import dev.pipewright.grammar.ast.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a file in the one canonical layout: two-space indentation; pipeline settings, then
 * parameters, then the body, then {@code finally}, a blank line between groups and between
 * blocks; {@code =} aligned within a block; lists and maps on one line when they fit in
 * {@value #WIDTH} columns, else one item a line with a trailing comma; comments kept next to the
 * code they were next to. Formatting a formatted file changes nothing.
 */
public final class Formatter {

    static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private final Comments comments;
    private final ExprPrinter printer;
    private final StringBuilder out = new StringBuilder();

    private Formatter(PipelineFile file) {
        this.comments = new Comments(file.comments());
        this.printer = new ExprPrinter(new SourceText(file.source()));
    }

    /** The canonical text of a parsed file. */
    public static String format(PipelineFile file) {
        Formatter formatter = new Formatter(file);
        formatter.file(file);
        return formatter.out.toString();
    }

    private void file(PipelineFile file) {
        Pipeline pipeline = file.pipeline();
        lines(comments.between(null, pipeline.span()), "");
        out.append("pipeline ").append(pipeline.name().value()).append(" {");
        trailing(pipeline.name().span().line(), pipeline.name().span().endColumn());
        out.append('\n');

        List<Node> sourceOrder = new ArrayList<>();
        sourceOrder.addAll(pipeline.settings());
        sourceOrder.addAll(pipeline.params());
        sourceOrder.addAll(pipeline.body());
        sourceOrder.addAll(pipeline.finallyBlocks());
        Map<Node, SourceSpan> previous = previousInSource(sourceOrder);

        String inner = INDENT;
        boolean first = true;
        if (!pipeline.settings().isEmpty()) {
            settings(pipeline.settings(), previous, inner);
            first = false;
        }
        if (!pipeline.params().isEmpty()) {
            blankLineUnless(first);
            for (Param param : pipeline.params()) {
                leading(param, previous, inner);
                param(param, inner);
            }
            first = false;
        }
        for (Block block : pipeline.body()) {
            blankLineUnless(first);
            leading(block, previous, inner);
            block(block, inner);
            first = false;
        }
        for (Finally block : pipeline.finallyBlocks()) {
            blankLineUnless(first);
            leading(block, previous, inner);
            finallyBlock(block, inner);
            first = false;
        }
        lines(comments.between(null, endOf(pipeline.span())), inner);
        out.append("}");
        trailing(pipeline.span().endLine(), pipeline.span().endColumn());
        out.append('\n');
        lines(comments.rest(), "");
    }

    private void blankLineUnless(boolean first) {
        if (!first) {
            out.append('\n');
        }
    }

    private void block(Block block, String indent) {
        if (block instanceof Block.Stage stage) {
            stage(stage, indent);
        } else if (block instanceof Block.Parallel parallel) {
            parallel(parallel, indent);
        }
    }

    private void stage(Block.Stage stage, String indent) {
        open(indent + "stage " + stage.name().value(), stage.name().span());
        settings(stage.settings(), previousInSource(stage.settings()), indent + INDENT);
        close(stage.span(), indent);
    }

    private void parallel(Block.Parallel parallel, String indent) {
        open(indent + "parallel " + parallel.name().value(), parallel.name().span());
        List<Node> sourceOrder = new ArrayList<>(parallel.settings());
        sourceOrder.addAll(parallel.stages());
        Map<Node, SourceSpan> previous = previousInSource(sourceOrder);
        String inner = indent + INDENT;
        settings(parallel.settings(), previous, inner);
        for (Block.Stage stage : parallel.stages()) {
            leading(stage, previous, inner);
            stage(stage, inner);
        }
        close(parallel.span(), indent);
    }

    private void finallyBlock(Finally block, String indent) {
        SourceSpan keyword = new SourceSpan(block.span().file(), block.span().line(), block.span().column(),
                block.span().line(), block.span().column() + "finally".length() - 1);
        open(indent + "finally", keyword);
        Map<Node, SourceSpan> previous = previousInSource(block.stages());
        for (int i = 0; i < block.stages().size(); i++) {
            blankLineUnless(i == 0);
            leading(block.stages().get(i), previous, indent + INDENT);
            stage(block.stages().get(i), indent + INDENT);
        }
        close(block.span(), indent);
    }

    /** {@code header {}, with the comment trailing the header's line. */
    private void open(String header, SourceSpan headerEnd) {
        out.append(header).append(" {");
        trailing(headerEnd.line(), headerEnd.endColumn());
        out.append('\n');
    }

    /** Comments left before the closing brace, then the brace and its trailing comment. */
    private void close(SourceSpan block, String indent) {
        close(block, indent, "");
    }

    private void close(SourceSpan block, String indent, String suffix) {
        lines(comments.between(null, endOf(block)), indent + INDENT);
        out.append(indent).append('}').append(suffix);
        trailing(block.endLine(), block.endColumn());
        out.append('\n');
    }

    private void settings(List<Setting> settings, Map<Node, SourceSpan> previous, String indent) {
        int width = 0;
        for (Setting setting : settings) {
            if (!isBlockForm(setting)) {
                width = Math.max(width, setting.name().length());
            }
        }
        for (Setting setting : settings) {
            leading(setting, previous, indent);
            if (isBlockForm(setting)) {
                mapBlock(indent + setting.name(), (Expr.MapLit) setting.value(), indent, setting.span(), "");
            } else {
                String key = setting.name() + " ".repeat(width - setting.name().length());
                value(indent, key + " = ", setting.value(), setting.span());
            }
        }
    }

    /** {@code with { ... }} is written as a block; other settings as {@code key = value}. */
    private static boolean isBlockForm(Setting setting) {
        return setting.name().equals("with") && setting.value() instanceof Expr.MapLit;
    }

    private void param(Param param, String indent) {
        StringBuilder head = new StringBuilder("param ").append(param.name().value());
        param.type().ifPresent(type -> head.append(": ").append(type.value()));
        if (param.defaultValue().isPresent()) {
            value(indent, head + " = ", param.defaultValue().get(), param.span());
        } else {
            out.append(indent).append(head);
            trailing(param.span().endLine(), param.span().endColumn());
            out.append('\n');
        }
    }

    /**
     * One item whose value may need several lines: {@code prefix} is what precedes the value on
     * its first line ({@code "timeout = "}, {@code "- "}), {@code suffix} what follows it.
     */
    private void value(String indent, String prefix, Expr value, SourceSpan item) {
        valueWithSuffix(indent, prefix, value, item, "");
    }

    private void valueWithSuffix(String indent, String prefix, Expr value, SourceSpan item, String suffix) {
        if (ExprPrinter.isMultiLine(value)) {
            lines(comments.within(item), indent);
            out.append(indent).append(prefix).append(printer.tripleBlock((Expr.StringLit) value, indent + INDENT))
                    .append(suffix);
        } else if (value instanceof Expr.ListLit list && !fitsInline(indent + prefix, value, suffix)) {
            out.append(indent).append(prefix).append("[");
            trailing(list.span().line(), list.span().column());
            out.append('\n');
            Map<Node, SourceSpan> previous = previousInSource(list.items());
            for (Expr element : list.items()) {
                leading(element, previous, indent + INDENT);
                valueWithSuffix(indent + INDENT, "", element, element.span(), ",");
            }
            lines(comments.between(null, endOf(list.span())), indent + INDENT);
            out.append(indent).append("]").append(suffix);
        } else if (value instanceof Expr.MapLit map && !map.entries().isEmpty()
                && !fitsInline(indent + prefix, value, suffix)) {
            mapBlock(indent + prefix.stripTrailing(), map, indent, item, suffix);
            return;
        } else {
            lines(comments.within(item), indent);
            out.append(indent).append(prefix).append(printer.inline(value)).append(suffix);
        }
        trailing(item.endLine(), item.endColumn());
        out.append('\n');
    }

    /** {@code head {} then one aligned entry a line, then {@code }}. */
    private void mapBlock(String head, Expr.MapLit map, String indent, SourceSpan item, String suffix) {
        if (map.entries().isEmpty() && !comments.anyWithin(map.span())) {
            out.append(head).append(" {}").append(suffix);
            trailing(item.endLine(), item.endColumn());
            out.append('\n');
            return;
        }
        open(head, map.span().line() == item.line() ? new SourceSpan(map.span().file(), map.span().line(),
                map.span().column(), map.span().line(), map.span().column()) : item);
        String inner = indent + INDENT;
        int width = 0;
        for (MapEntry entry : map.entries()) {
            width = Math.max(width, ExprPrinter.key(entry.key()).length());
        }
        Map<Node, SourceSpan> previous = previousInSource(map.entries());
        for (MapEntry entry : map.entries()) {
            leading(entry, previous, inner);
            String key = ExprPrinter.key(entry.key());
            value(inner, key + " ".repeat(width - key.length()) + " = ", entry.value(), entry.span());
        }
        close(map.span(), indent, suffix);
    }

    private boolean fitsInline(String start, Expr value, String suffix) {
        return !comments.anyWithin(value.span()) && !containsMultiLine(value)
                && start.length() + printer.inline(value).length() + suffix.length() <= WIDTH;
    }

    private static boolean containsMultiLine(Expr value) {
        if (ExprPrinter.isMultiLine(value)) {
            return true;
        } else if (value instanceof Expr.ListLit list) {
            return list.items().stream().anyMatch(Formatter::containsMultiLine);
        } else if (value instanceof Expr.MapLit map) {
            return map.entries().stream().anyMatch(e -> containsMultiLine(e.value()));
        }
        return false;
    }

    /** The comments between the previous item in source order and this one, as lines above it. */
    private void leading(Node node, Map<Node, SourceSpan> previousInSource, String indent) {
        lines(comments.between(previousInSource.get(node), node.span()), indent);
    }

    /** For each node, the span of the node before it in the source (none for the first). */
    private static Map<Node, SourceSpan> previousInSource(List<? extends Node> nodes) {
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingInt((Node n) -> n.span().line()).thenComparingInt(n -> n.span().column()));
        Map<Node, SourceSpan> previous = new IdentityHashMap<>();
        for (int i = 1; i < sorted.size(); i++) {
            previous.put(sorted.get(i), sorted.get(i - 1).span());
        }
        return previous;
    }

    private void trailing(int line, int column) {
        String comment = comments.trailing(line, column);
        if (comment != null) {
            out.append("  ").append(comment);
        }
    }

    private void lines(List<String> lines, String indent) {
        for (String line : lines) {
            out.append(indent).append(line).append('\n');
        }
    }

    /** A point span at the last character of {@code span}: "everything before the closing brace". */
    private static SourceSpan endOf(SourceSpan span) {
        return new SourceSpan(span.file(), span.endLine(), span.endColumn(), span.endLine(), span.endColumn());
    }
}
