package dev.pipewright.grammar;

import java.util.List;
import java.util.Optional;

/**
 * Reads {@code .pipeline} files. Syntax errors never escape as exceptions: they come back as
 * diagnostics, all of them, with the AST only when there are none.
 *
 * <p>Two paths give the same result (docs/parser.md). A file without mistakes, the common case,
 * is read by {@link FastParser}, a hand-written scanner and recursive-descent parser that builds
 * the AST directly. It gives up at the first thing it is not sure of, and the file is then read
 * again by {@link AntlrPipelineParser}: the grammar of the .g4 files, which is the language's
 * specification, with the recovery and messages of every syntax diagnostic. The ANTLR classes are
 * loaded only when that happens.
 */
public final class PipelineParser {

    private PipelineParser() {
    }

    /**
     * Parses one file.
     *
     * @param path the file's name as it should appear in diagnostics and spans
     * @param source its full text
     */
    public static ParseResult parse(String path, String source) {
        return FastParser.parse(path, source)
                .map(file -> new ParseResult(Optional.of(file), List.of()))
                .orElseGet(() -> AntlrPipelineParser.parse(path, source));
    }
}
