package dev.pipewright.grammar.ast;

import java.util.List;

/**
 * A parsed file: its pipeline and its comments in source order.
 *
 * @param path the file's name as given on the command line; also the {@code file} of every span
 * @param source the full text, so diagnostics can quote the offending line
 */
public record PipelineFile(String path, String source, Pipeline pipeline, List<Comment> comments, SourceSpan span)
        implements Node {
    public PipelineFile {
        comments = List.copyOf(comments);
    }
}
