package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example passes its checks, and each one runs and shows what it is there to show. */
class ExamplesIT {

    @TempDir
    Path work;

    static Stream<Path> everyExample() throws IOException {
        try (Stream<Path> files = Files.walk(Cli.example("."), 2)) {
            List<Path> examples = files.filter(file -> file.toString().endsWith(".pipeline"))
                    .filter(file -> !file.toString().contains("/src/")).sorted().toList();
            assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
            return examples.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("everyExample")
    void everyExamplePassesItsChecks(Path example) throws Exception {
        Cli.Result result = new Cli(work).run("check", example.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    static Stream<Arguments> examplesAndWhatTheyShow() {
        return Stream.of(
                Arguments.of("parallel.pipeline", List.of(),
                        List.of("✔ lint", "✔ test", "✔ audit", "all checks passed: succeeded, succeeded, succeeded")),
                Arguments.of("for-each.pipeline", List.of(),
                        List.of("✔ greet[0]", "✔ greet[3]", "hello ada", "hello margaret", "greetings in order:")),
                Arguments.of("for-each.pipeline", List.of("-p", "names=[x-ray, yankee]"),
                        List.of("hello x-ray", "hello yankee", "✔ greet[1]")),
                Arguments.of("when.pipeline", List.of(),
                        List.of("⤼ deploy skipped: `params.deploy && params.environment != \"production\"` was false",
                                "deploy stage: skipped")),
                Arguments.of("when.pipeline", List.of("-p", "deploy=true"),
                        List.of("deploying app-1.0.jar to staging", "deploy stage: succeeded")),
                Arguments.of("timeout.pipeline", List.of(),
                        List.of("⚠ wait-for-service failed, optional, the run goes on", "timed out",
                                "waiting ended: failed")),
                Arguments.of("retry.pipeline", List.of(),
                        List.of("↻ connect attempt 1 failed", "↻ connect attempt 2 failed", "▸ connect (attempt 3)",
                                "attempt 3: connected")),
                Arguments.of("sub-pipeline.pipeline", List.of(),
                        List.of("✔ package/compile", "package/compile │ compiling server", "packaging succeeded")),
                Arguments.of("finally.pipeline", List.of("-p", "seconds=0"),
                        List.of("✔ work", "clean-up │ cleaned up")),
                Arguments.of("parts/package.pipeline", List.of("-p", "component=docs"),
                        List.of("compiling docs")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examplesAndWhatTheyShow")
    void eachExampleRunsAndShowsItsFeature(String example, List<String> params, List<String> expected)
            throws Exception {
        List<String> args = Stream.concat(Stream.of("run", "--output", "plain"),
                Stream.concat(params.stream(), Stream.of(Cli.example(example).toString()))).toList();
        Cli.Result result = new Cli(work).run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).as(result.toString()).contains(expected).contains("succeeded in");
    }

    @Test
    void aParamsFileGivesValuesOfTheirDeclaredTypes() throws Exception {
        Path params = java.nio.file.Files.writeString(work.resolve("params.yaml"), "deploy: true\nenvironment: qa\n");
        Cli.Result result = new Cli(work).run("run", "--output", "plain", "--params-file", params.toString(),
                Cli.example("when.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("deploying app-1.0.jar to qa");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"plain", "json"})
    void secretsExampleNeverShowsTheSecret(String output) throws Exception {
        String secret = "s3cr3t-token-4242";
        Cli.Result result = new Cli(work).env("API_TOKEN", secret)
                .run("run", "--output", output, Cli.example("secrets.pipeline").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("calling the API with token ***").contains("the token was ***");
        assertThat(result.stdout() + result.stderr() + result.events()).doesNotContain(secret).doesNotContain("4242");
    }
}
