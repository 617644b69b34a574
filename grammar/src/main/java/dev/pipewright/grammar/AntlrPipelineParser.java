package dev.pipewright.grammar;

import dev.pipewright.grammar.antlr.PipelineGrammar;
import dev.pipewright.grammar.antlr.PipelineLexer;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.Diagnostics;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * The ANTLR path: PipelineLexer.g4 and PipelineGrammar.g4 with {@link SyntaxErrorStrategy}'s
 * recovery and messages, then {@link AstBuilder}. Every file with a mistake is read here, and
 * every diagnostic of the syntax comes from here. Syntax errors never escape as exceptions.
 */
final class AntlrPipelineParser {

    private AntlrPipelineParser() {
    }

    /** As {@link PipelineParser#parse}, without the fast path. */
    static ParseResult parse(String path, String source) {
        Spans spans = new Spans(path, source);
        Diagnostics sink = new Diagnostics();

        PipelineLexer lexer = new PipelineLexer(CharStreams.fromString(source, path));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                    String msg, RecognitionException e) {
                Lexer l = (Lexer) recognizer;
                int index = l._tokenStartCharIndex;
                String character = index < source.length() ? source.substring(index, index + 1) : "";
                var span = new dev.pipewright.grammar.ast.SourceSpan(path, line, column + 1, line, column + 1);
                sink.report(Diagnostic.error(span, "unexpected character `" + printable(character) + "`",
                        character.equals("-") ? "`-` may only appear inside a name; there is no arithmetic" : null));
            }
        });
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        List<Token> all = tokens.getTokens();
        if (!LexicalChecks.check(all, spans, sink)) {
            return new ParseResult(Optional.empty(), sink.sorted());
        }

        PipelineGrammar parser = new PipelineGrammar(tokens);
        parser.removeErrorListeners();
        SyntaxErrorStrategy errors = new SyntaxErrorStrategy(spans, sink);
        sink.all().forEach(d -> errors.lineHasError(d.span().line()));
        parser.setErrorHandler(errors);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        PipelineGrammar.FileContext tree = parser.file();
        if (!sink.hasErrors()) {
            checkOnePipeline(tree, spans, sink);
        }
        if (sink.hasErrors()) {
            return new ParseResult(Optional.empty(), sink.sorted());
        }
        PipelineFile file = new AstBuilder(spans, sink).file(tree, source, AstBuilder.comments(all, spans));
        return new ParseResult(sink.hasErrors() ? Optional.empty() : Optional.of(file), sink.sorted());
    }

    private static void checkOnePipeline(PipelineGrammar.FileContext tree, Spans spans, Diagnostics sink) {
        List<PipelineGrammar.PipelineContext> pipelines = tree.pipeline();
        if (pipelines.isEmpty()) {
            sink.report(Diagnostic.error(spans.endOfFile(), "the file holds no pipeline",
                    "write `pipeline NAME { ... }`"));
        }
        for (int i = 1; i < pipelines.size(); i++) {
            sink.report(Diagnostic.error(spans.of(pipelines.get(i).PIPELINE().getSymbol()),
                    "a file holds one pipeline; this is a second one (`" + pipelines.get(i).name().getText() + "`)",
                    "move it to a file of its own; `core.pipeline` can run it from here"));
        }
    }

    private static String printable(String character) {
        if (character.isEmpty()) {
            return "end of file";
        }
        char c = character.charAt(0);
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : character;
    }
}
