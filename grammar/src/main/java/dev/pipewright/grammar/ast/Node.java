package dev.pipewright.grammar.ast;

/** Every node of the AST knows where it came from. */
public sealed interface Node permits PipelineFile, Pipeline, Param, Block, Finally, Setting, Name, Expr, MapEntry, Comment {
    SourceSpan span();
}
