package dev.pipewright.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.format.Formatter;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated input never breaks the parser: 12,000 inputs a run (token soup, and valid files with
 * characters and tokens deleted, duplicated, swapped or replaced) come back as an AST or as
 * diagnostics, never an exception or a hang, and every diagnostic points inside its file. Seeds
 * are fixed, so a failure names the batch that reproduces it; an input that parses is formatted
 * and must read back to the same AST.
 */
class RobustnessTest {

    private static final int BATCHES = 12;
    static final int PER_BATCH = 1_000;

    static Stream<Long> seeds() {
        return IntStream.range(0, BATCHES).mapToObj(i -> 7_919L * (i + 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedInputYieldsOnlyDiagnosticsInsideTheFile(long seed) {
        // A guard against hangs only, far above the second or so a batch takes.
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            SourceGenerator generator = new SourceGenerator(seed);
            List<String> corpus = Corpus.validFiles().stream().map(Corpus::read).toList();
            for (int i = 0; i < PER_BATCH; i++) {
                checkOne(input(generator, corpus, i), seed, i);
            }
        });
    }

    /** Input {@code index} of a batch: token soup, a mutated corpus file or a mutated generated file. */
    static String input(SourceGenerator generator, List<String> corpus, int index) {
        return switch (index % 3) {
            case 0 -> generator.tokenSoup();
            case 1 -> generator.mutate(corpus.get(index % corpus.size()));
            default -> generator.mutate(generator.validFile());
        };
    }

    private static void checkOne(String source, long seed, int index) {
        ParseResult result;
        try {
            result = PipelineParser.parse("fuzz.pipeline", source);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("seed " + seed + " input " + index + " threw on:\n" + source, e);
        }
        assertThat(result.file().isPresent() || result.hasErrors())
                .as("seed %d input %d: neither an AST nor an error", seed, index).isTrue();
        String[] lines = source.split("\n", -1);
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.span().line()).as("line of %s in seed %d input %d", d, seed, index).isBetween(1, lines.length);
            assertThat(d.span().column()).as("column of %s in seed %d input %d", d, seed, index)
                    .isBetween(1, lines[d.span().line() - 1].length() + 1);
            assertThat(d.span().endLine()).isBetween(d.span().line(), lines.length);
            assertThat(d.message()).doesNotContain("mismatched input", "extraneous", "token recognition", "<EOF>");
        }
        result.file().ifPresent(file -> {
            ParseResult again = PipelineParser.parse("fuzz.pipeline", Formatter.format(file));
            assertThat(again.file()).as("seed %d input %d formatted:\n%s", seed, index, Formatter.format(file)).isPresent();
            assertThat(Corpus.withoutSpans(again.file().get())).isEqualTo(Corpus.withoutSpans(file));
        });
    }
}
