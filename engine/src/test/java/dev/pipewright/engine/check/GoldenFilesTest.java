package dev.pipewright.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every {@code golden/invalid/X.pipeline} yields exactly the diagnostics written in
 * {@code X.expected} (one {@code LINE:COL: severity: MESSAGE} line each, followed by its
 * {@code   hint: ...} line when it has one; regenerate with {@code -Dgolden.update=true} and
 * review the diff); every valid file of the grammar module's corpus (which holds every example of
 * LANGUAGE.md) checks clean against the core stage types plus schemas of the docker and git
 * types those examples use.
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** Shared with the grammar module's formatter and robustness tests. */
    static final Path VALID = Path.of("../grammar/src/test/resources/valid");

    static Stream<Path> invalidFiles() throws IOException {
        return pipelines(GOLDEN.resolve("invalid"));
    }

    static Stream<Path> validFiles() throws IOException {
        return pipelines(VALID);
    }

    static Stream<Path> pipelines(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".pipeline")).sorted().toList().stream();
        }
    }

    static ParseResult check(Path file) throws IOException {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        return Validator.parseAndCheck(file.getFileName().toString(), source, new ExampleCatalog(), Optional.empty());
    }

    static List<String> lines(List<Diagnostic> diagnostics) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            lines.add(d.span().line() + ":" + d.span().column() + ": " + d.severity().label() + ": " + d.message());
            d.hint().ifPresent(hint -> lines.add("  hint: " + hint));
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidFileYieldsExactlyTheExpectedDiagnostics(Path file) throws IOException {
        Path expected = Path.of(file.toString().replaceAll("\\.pipeline$", ".expected"));
        List<String> actual = lines(check(file).diagnostics());
        if (Boolean.getBoolean("golden.update")) {
            Files.write(expected, actual);
        }
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void validFileChecksClean(Path file) throws IOException {
        ParseResult result = check(file);
        assertThat(lines(result.diagnostics())).isEmpty();
        assertThat(result.file()).isPresent();
    }
}
