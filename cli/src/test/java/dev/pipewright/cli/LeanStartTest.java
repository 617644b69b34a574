package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.engine.run.PipelineRunner;
import dev.pipewright.engine.run.RunRequest;
import dev.pipewright.grammar.PipelineParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lean start ({@link Main#execute}: {@code check}, {@code fmt}, {@code runs} and {@code query}
 * without picocli when their arguments are plain) prints exactly what picocli's command line
 * prints and exits with the same code, for plain arguments and for every kind it hands to picocli.
 */
class LeanStartTest {

    private static final String CLEAN = "pipeline clean {\n  stage a {\n    uses = core.log\n    with { message = \"hi\" }\n  }\n}\n";
    private static final String UNFORMATTED = "pipeline messy { stage a { uses = core.log with { message = \"hi\" } } }\n";
    private static final String BROKEN = "pipeline broken {\n  stage s {\n    uses = core.lgo\n    tiemout = 5m\n  }\n}\n";
    private static final String PARAMS = "pipeline params {\n  param tag: string\n  param count: int = 1\n"
            + "  stage s { uses = core.log  with { message = params.tag } }\n}\n";
    private static final String QUERY = "pipeline(name: \"clean\") { state progress currentStage stages { name status duration } }";

    @TempDir
    static Path dir;

    private static Map<String, String> placeholders;

    @BeforeAll
    static void filesAndOneStoredRun() throws Exception {
        placeholders = Map.of(
                "<clean>", dir.resolve("clean.pipeline").toString(),
                "<unformatted>", dir.resolve("unformatted.pipeline").toString(),
                "<broken>", dir.resolve("broken.pipeline").toString(),
                "<params>", dir.resolve("params.pipeline").toString(),
                "<missing>", dir.resolve("missing.pipeline").toString(),
                "<state>", dir.toString(),
                "<plugins>", Files.createDirectories(dir.resolve("plugins")).toString(),
                "<query>", QUERY);
        resetFiles();
        try (PluginRegistry catalog = PluginRegistry.load(PluginDirectories.none())) {
            var parsed = PipelineParser.parse("clean.pipeline", CLEAN).file().orElseThrow();
            new PipelineRunner().start(RunRequest.of(parsed, catalog, dir)).awaitOutcome();
        }
    }

    /** fmt rewrites files: each command starts from the same files. */
    private static void resetFiles() throws IOException {
        Files.writeString(Path.of(placeholders.get("<clean>")), CLEAN);
        Files.writeString(Path.of(placeholders.get("<unformatted>")), UNFORMATTED);
        Files.writeString(Path.of(placeholders.get("<broken>")), BROKEN);
        Files.writeString(Path.of(placeholders.get("<params>")), PARAMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "check <clean>",
        "check <clean> <broken> <missing>",
        "check --format json <broken>",
        "check --format=json <clean>",
        "check <params> -p tag=v1 --param count=two -p flag",
        "check --plugins <plugins> --preflight <clean>",
        "fmt <unformatted> <clean>",
        "fmt --check <unformatted> <broken>",
        "runs --state-dir <state>",
        "runs --pipeline clean --state succeeded --last 1 --state-dir=<state>",
        "runs --state bogus --state-dir <state>",
        "runs --last 0 --state-dir <state>",
        "query <query> --state-dir <state>",
        "query --compact <query> --state-dir <state>",
        "query pipeline(name:1){state} --state-dir <state>",
    })
    void plainArgumentsRunWithoutPicocliAndPrintTheSame(String line) throws IOException {
        String[] args = arguments(line);
        assertThat(Main.leanCommand(args)).as("run without picocli").isPresent();
        assertSamePrintedAndExitCode(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "check",
        "check --help <clean>",
        "check -h",
        "check -V <clean>",
        "check --bogus <clean>",
        "check --format xml <clean>",
        "check --format json --format text <clean>",
        "check --format",
        "check -- <clean>",
        "check @<clean>",
        "check -p -x <clean>",
        "check -ptag=v1 <params>",
        "check --preflight=true <clean>",
        "fmt",
        "fmt --help",
        "fmt --check --check <clean>",
        "runs extra --state-dir <state>",
        "runs --last x --state-dir <state>",
        "runs --last -1 --state-dir <state>",
        "runs --help",
        "query",
        "query <query> <query>",
        "query --compact --compact <query>",
    })
    void helpVersionAndUsageErrorsGoToPicocli(String line) throws IOException {
        String[] args = arguments(line);
        assertThat(Main.leanCommand(args)).as("left to picocli").isEmpty();
        assertSamePrintedAndExitCode(args);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedArgumentsPrintTheSameBothWays(long seed) throws IOException {
        Random random = new Random(seed);
        int lean = 0;
        for (int i = 0; i < 40; i++) {
            String[] args = generated(random);
            lean += Main.leanCommand(args).isPresent() ? 1 : 0;
            assertSamePrintedAndExitCode(args);
        }
        assertThat(lean).as("generated cases run without picocli").isGreaterThanOrEqualTo(5);
    }

    @Test
    void otherCommandsAlwaysGoToPicocli() {
        assertThat(Main.leanCommand(new String[] {"stages"})).isEmpty();
        assertThat(Main.leanCommand(new String[] {"explain", "latest"})).isEmpty();
        assertThat(Main.leanCommand(new String[0])).isEmpty();
    }

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 10).mapToObj(seed -> Arguments.of(1000L + seed));
    }

    /** Each command's own options and operands, well and badly formed. */
    private static final Map<String, List<String>> VOCABULARY = Map.of(
            "check", List.of("<clean>", "<broken>", "<params>", "<missing>", "--format", "--format=json", "--format=",
                    "json", "text", "xml", "-p", "--param", "tag=v1", "count=3", "count=two", "flag", "=x", "k=\"q\"",
                    "\"k\"=v", "-ptag=v1", "-p=tag=v1", "--plugins", "<plugins>", "--preflight"),
            "fmt", List.of("<clean>", "<unformatted>", "<broken>", "<missing>", "--check"),
            "runs", List.of("--pipeline", "clean", "other", "--state", "succeeded", "failed", "bogus", "--last",
                    "--last=2", "1", "0", "+2", "010", "99999999999", "--state-dir", "<state>", "--state-dir=<state>"),
            "query", List.of("<query>", "pipeline(name:1){state}", "--compact", "--state-dir", "<state>",
                    "--state-dir=<state>"));
    /** What any command may be given by mistake. */
    private static final List<String> STRAYS = List.of(
            "-h", "--help", "-V", "--version", "--", "@x", "-", "", "--bogus", "-x", "--check", "--compact", "<clean>");

    /** A command and up to six tokens, most of them its own. */
    private static String[] generated(Random random) {
        List<String> commands = List.copyOf(new java.util.TreeSet<>(VOCABULARY.keySet()));
        String command = commands.get(random.nextInt(commands.size()));
        List<String> own = VOCABULARY.get(command);
        List<String> args = new ArrayList<>(List.of(command));
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            List<String> pool = random.nextInt(8) == 0 ? STRAYS : own;
            args.add(substituted(pool.get(random.nextInt(pool.size()))));
        }
        return args.toArray(String[]::new);
    }

    private static String[] arguments(String line) {
        return Stream.of(line.split(" ")).map(LeanStartTest::substituted).toArray(String[]::new);
    }

    private static String substituted(String token) {
        for (var placeholder : placeholders.entrySet()) {
            token = token.replace(placeholder.getKey(), placeholder.getValue());
        }
        return token;
    }

    private static void assertSamePrintedAndExitCode(String[] args) throws IOException {
        resetFiles();
        StringWriter leanOut = new StringWriter();
        StringWriter leanErr = new StringWriter();
        int leanCode = Main.execute(args, new PrintWriter(leanOut, true), new PrintWriter(leanErr, true));

        resetFiles();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var picocli = Main.commandLine();
        picocli.setOut(new PrintWriter(out, true));
        picocli.setErr(new PrintWriter(err, true));
        int code = picocli.execute(args);

        String what = String.join(" ", args);
        assertThat(leanOut.toString()).as("standard output of %s", what).isEqualTo(out.toString());
        assertThat(leanErr.toString()).as("standard error of %s", what).isEqualTo(err.toString());
        assertThat(leanCode).as("exit code of %s", what).isEqualTo(code);
    }
}
