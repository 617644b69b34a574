package dev.pipewright.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks never throw on what the parser accepts: valid files with lines swapped, deleted or
 * duplicated (which keeps most of them parseable, so the checks see stages out of order, names
 * twice, settings missing) give diagnostics inside the file, also with parameter values given.
 */
class CheckRobustnessTest {

    static Stream<Long> seeds() {
        return LongStream.range(1, 5).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedValidFilesGiveDiagnosticsInsideTheFile(long seed) throws IOException {
        Random random = new Random(seed);
        List<String> corpus = new ArrayList<>();
        for (Path file : GoldenFilesTest.validFiles().toList()) {
            corpus.add(Files.readString(file));
        }
        ExampleCatalog catalog = new ExampleCatalog();
        int parsed = 0;
        for (int i = 0; i < 500; i++) {
            String source = mutateLines(random, corpus.get(random.nextInt(corpus.size())));
            Optional<Map<String, Object>> params = random.nextBoolean()
                    ? Optional.empty() : Optional.of(Map.of("tag", "v1", "targets", "[1, 2]", "nope", "x"));
            ParseResult result = Validator.parseAndCheck("m.pipeline", source, catalog, params);
            String[] lines = source.split("\n", -1);
            for (Diagnostic d : result.diagnostics()) {
                assertThat(d.span().line()).as("%s in\n%s", d, source).isBetween(1, lines.length);
                assertThat(d.span().column()).as("%s in\n%s", d, source).isBetween(1, lines[d.span().line() - 1].length() + 1);
            }
            parsed += result.file().isPresent() || result.diagnostics().stream().noneMatch(d -> d.message().startsWith("expected")) ? 1 : 0;
        }
        assertThat(parsed).as("most mutants reach the checks").isGreaterThan(100);
    }

    private static String mutateLines(Random random, String source) {
        List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && lines.size() > 2; e++) {
            int a = random.nextInt(lines.size());
            int b = random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.remove(a);
                case 1 -> lines.add(b, lines.get(a));
                default -> {
                    String line = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, line);
                }
            }
        }
        return String.join("\n", lines);
    }
}
