package dev.pipewright.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.grammar.ast.PipelineFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path and the ANTLR path agree (docs/parser.md): whenever the fast path returns an
 * AST, the ANTLR path accepts the file without an error and builds an equal AST, spans and
 * comments included; and every file the ANTLR path accepts is taken by the fast path, so valid
 * files really never reach ANTLR. Checked on the valid corpus, the examples, the golden files of
 * the engine's checks, hand-picked corner cases, generated valid files, and the robustness
 * suite's token soup and mutations (the same seeds).
 */
class FastParserAgreementTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final Path GOLDEN = Path.of("../engine/src/test/resources/golden/invalid");

    /** How the two paths judged one input; the fast path's AST is empty when it gave up. */
    private record Outcome(Optional<PipelineFile> fast, ParseResult antlr) {
        boolean antlrAcceptsCleanly() {
            return antlr.file().isPresent() && antlr.diagnostics().isEmpty();
        }
    }

    private static Outcome agree(String what, String source) {
        Optional<PipelineFile> fast = FastParser.parse("agree.pipeline", source);
        ParseResult antlr = AntlrPipelineParser.parse("agree.pipeline", source);
        fast.ifPresent(ast -> {
            assertThat(antlr.diagnostics()).as("ANTLR's diagnostics for %s, which the fast path took:%n%s", what, source)
                    .isEmpty();
            PipelineFile reference = antlr.file().orElseThrow();
            if (!ast.equals(reference)) {
                throw new AssertionError("the fast path's AST differs for " + what + ":\n" + source + "\n"
                        + firstDifference(ast.toString(), reference.toString()));
            }
        });
        return new Outcome(fast, antlr);
    }

    /** Where two long texts part: the records' text shows node, value and span there. */
    private static String firstDifference(String fast, String antlr) {
        int at = 0;
        while (at < Math.min(fast.length(), antlr.length()) && fast.charAt(at) == antlr.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 300);
        return "fast:  ..." + fast.substring(from, Math.min(fast.length(), at + 100))
                + "\nANTLR: ..." + antlr.substring(from, Math.min(antlr.length(), at + 100));
    }

    private static void agreeAndTakeTheFastPath(String what, String source) {
        Outcome outcome = agree(what, source);
        if (outcome.antlrAcceptsCleanly()) {
            assertThat(outcome.fast()).as("the fast path for %s, which ANTLR accepts:%n%s", what, source).isPresent();
        }
    }

    static Stream<Path> files() {
        return Stream.of(Corpus.validFiles().stream(), pipelines(EXAMPLES), pipelines(GOLDEN)).flatMap(s -> s);
    }

    private static Stream<Path> pipelines(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".pipeline") && !f.toString().contains("/target/"))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyCorpusExampleAndGoldenFileGetsTheSameResultOnBothPaths(Path file) {
        agreeAndTakeTheFastPath(file.toString(), Corpus.read(file));
    }

    @Test
    void everyValidFileOfTheCorpusAndTheExamplesTakesTheFastPath() {
        List<Path> valid = Stream.concat(Corpus.validFiles().stream(), pipelines(EXAMPLES)).toList();
        assertThat(valid).hasSizeGreaterThan(20);
        for (Path file : valid) {
            assertThat(FastParser.parse(file.toString(), Corpus.read(file))).as(file.toString()).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "pipeline p { stage s { uses = core.log  with { message = \"rocket 🚀 ${params.x} 🚀\" } } }  # 🚀 done 🚀",
        "# 𝄞 first\r\npipeline p {\r\n  description = \"a\"  # 𝄞\t \r\n  param x: string = \"𝄞\"\r\n}\r\n",
        "pipeline p {\n\tparam\tx\t=\t[1,2,]\f}",
        "pipeline p { param x = \"${ a # a comment inside an interpolation\n ?? \"b\" }\" }",
        "pipeline p { param x = \"\"\"\n    one ${params.a ??\n \"\"\"nested\"\"\"}\n      two \\\"\"\" \"\"\n    \"\"\" }",
        "pipeline p { param x = \"\"\"\"\"\" param y = \"\"\"a\"\"\"\" b\" }",
        "pipeline p { param x = { pipeline = 1, stage = 2 \"a b\" = 3, \"\"\"c\"\"\" = 4, } }",
        "pipeline p { param x = stages.stage.finally ?? pipeline.name ?? pipeline }",
        "pipeline p { param x = !(a) == !!b.c && (d || e) ?? f < g <= h > i >= j != k }",
        "pipeline p { param x = a ?? b ?? c || d || e && f == g == h }",
        "pipeline p { param x = [1.50, 007, 1h30m, 500ms, 1h0m0s10ms, true, false, null, \"\", \"\\$\\t\\n\\\\\"] }",
        "pipeline p { param x = \"$ $$ {} $\" }",
        "pipeline p { stage s { uses = core.log with { a = 1 } when = x } parallel g { max = 2 stage t { uses = core.log } } }",
        "pipeline p { finally { stage a { uses = core.log } } finally { } }",
        "pipeline p {}",
        "pipeline p-1_x {}\n\n\n",
        // mistakes: the fast path must give up on each
        "pipeline p { param x = 5d }",
        "pipeline p { param x = 1.5h }",
        "pipeline p { param x = 1m1h }",
        "pipeline p { param x = 1ms5 }",
        "pipeline p { param x = 99999999999999999999999h }",
        "pipeline p { param x = \"\\q\" }",
        "pipeline p { param x = \"open\n }",
        "pipeline p { param x = \"\"\"open }",
        "pipeline p { param x = { \"${a}\" = 1 } }",
        "pipeline p { param x = a - b }",
        "pipeline p { param x = a | b }",
        "pipeline p { param x = [,] }",
        "pipeline p { param x = (a }",
        "pipeline p { stage s { uses = core.log, when = a } }",
        "pipeline p { } pipeline q { }",
        "",
        "# only a comment\n",
        "\uFEFFpipeline p {}",
        "pipeline p { param x = é }",
    })
    void cornerCasesGetTheSameResultOnBothPaths(String source) {
        agreeAndTakeTheFastPath("a corner case", source);
    }

    @Test
    void nestingUpToTheLimitTakesTheFastPathAndOneLevelMoreGoesToAntlr() {
        // The pipeline's own brace is a level, as in LexicalChecks.
        int inner = LexicalChecks.MAX_NESTING - 1;
        String deepest = "pipeline p { param x = " + "[".repeat(inner) + "]".repeat(inner) + " }";
        assertThat(agree("deepest", deepest).fast()).isPresent();
        String tooDeep = "pipeline p { param x = " + "[".repeat(inner + 1) + "]".repeat(inner + 1) + " }";
        Outcome outcome = agree("too deep", tooDeep);
        assertThat(outcome.fast()).isEmpty();
        assertThat(outcome.antlr().diagnostics()).extracting(d -> d.message()).contains("nested more than 200 levels deep");
    }

    @Test
    void aFileWithASyntaxErrorGetsTheAntlrDiagnostics() {
        String source = "pipeline p {\n  stage build {\n    uses = core.log\n\n  stage test { uses = core.log }\n}\n";
        assertThat(FastParser.parse("t.pipeline", source)).isEmpty();
        ParseResult result = PipelineParser.parse("t.pipeline", source);
        assertThat(result.file()).isEmpty();
        assertThat(result.diagnostics()).isNotEmpty().isEqualTo(AntlrPipelineParser.parse("t.pipeline", source).diagnostics());
        assertThat(result.diagnostics().get(0).message()).contains("expected `}` to close stage `build`");
    }

    @Test
    void everyGeneratedValidFileTakesTheFastPathAndMatchesAntlr() {
        SourceGenerator generator = new SourceGenerator(42);
        int taken = 0;
        int total = 2_000;
        for (int i = 0; i < total; i++) {
            Outcome outcome = agree("generated file " + i, generator.validFile());
            assertThat(outcome.antlrAcceptsCleanly()).as("ANTLR accepts generated file %d", i).isTrue();
            taken += outcome.fast().isPresent() ? 1 : 0;
        }
        assertThat(taken).as("generated valid files the fast path took").isEqualTo(total);
    }

    static Stream<Long> seeds() {
        return RobustnessTest.seeds();
    }

    /** The robustness suite's inputs: mostly mistakes, for which the fast path must give up. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedAndMutatedInputsGetTheSameResultOnBothPaths(long seed) {
        SourceGenerator generator = new SourceGenerator(seed);
        List<String> corpus = Corpus.validFiles().stream().map(Corpus::read).toList();
        IntStream.range(0, RobustnessTest.PER_BATCH).forEach(i -> agreeAndTakeTheFastPath("seed " + seed + " input " + i,
                RobustnessTest.input(generator, corpus, i)));
    }
}
