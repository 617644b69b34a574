package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code pipewright run} reads plain arguments without picocli ({@link LeanArguments}): whatever
 * it accepts, picocli must read to the very same command, and everything else must be left to
 * picocli. A run prints to the process's own standard output, so unlike {@link LeanStartTest}
 * this compares the commands read, not what they print; the CLI tests run both paths for real.
 */
class LeanRunArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "run hello.pipeline",
        "run hello.pipeline -p who=you --param count=3 -p who=again",
        "run hello.pipeline --output json --state-dir /tmp/state --no-cache",
        "run --output=PLAIN --state-dir=state hello.pipeline --params-file params.yaml",
        "run hello.pipeline --plugins a --plugins b --output tty",
        "run hello.pipeline -p repos=[{\"url\":\"x\"}] -p empty= -p =odd",
    })
    void plainArgumentsAreReadAsPicocliReadsThem(String line) {
        String[] args = line.split(" ");
        assertThat(Main.leanCommand(args)).as("read without picocli").isPresent();
        assertSameCommand(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run", "run a.pipeline b.pipeline", "run --help", "run -h hello.pipeline", "run hello.pipeline --resume",
        "run hello.pipeline --resume latest", "run --resume 20261128-101010-000-abcd hello.pipeline",
        "run hello.pipeline --output", "run hello.pipeline --output xml", "run hello.pipeline -pwho=you",
        "run hello.pipeline --state-dir a --state-dir b", "run hello.pipeline --no-cache --no-cache",
        "run hello.pipeline --bogus", "run hello.pipeline -- x", "run @args", "run hello.pipeline -p -x",
    })
    void everythingElseIsLeftToPicocli(String line) {
        assertThat(Main.leanCommand(line.split(" "))).isEmpty();
    }

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 20).mapToObj(seed -> Arguments.of(2000L + seed));
    }

    private static final List<String> TOKENS = List.of("hello.pipeline", "other.pipeline", "-p", "--param", "who=you",
            "n=3", "k=\"q\"", "--params-file", "p.yaml", "--output", "--output=json", "plain", "TTY", "xml", "",
            "--state-dir", "state", "--plugins", "plugins", "--no-cache", "--resume", "latest", "-h", "--", "-x", "@f");

    /** Generated argument lists: when the lean reader takes one, picocli reads it to the same command. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedArgumentsReadTheSameBothWays(long seed) {
        Random random = new Random(seed);
        int lean = 0;
        for (int i = 0; i < 100; i++) {
            List<String> args = new ArrayList<>(List.of("run"));
            for (int count = random.nextInt(7); count > 0; count--) {
                args.add(TOKENS.get(random.nextInt(TOKENS.size())));
            }
            String[] array = args.toArray(String[]::new);
            if (Main.leanCommand(array).isPresent()) {
                lean++;
                assertSameCommand(array);
            }
        }
        assertThat(lean).as("generated cases read without picocli").isGreaterThanOrEqualTo(3);
    }

    private static void assertSameCommand(String[] args) {
        RunCommand lean = (RunCommand) Main.leanCommand(args).orElseThrow();
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
        RunCommand picocli = (RunCommand) parsed.subcommand().commandSpec().userObject();
        String what = String.join(" ", args);
        assertThat(lean.file).as("FILE of %s", what).isEqualTo(picocli.file);
        assertThat(lean.params).as("-p of %s", what).isEqualTo(picocli.params);
        assertThat(lean.paramsFile).as("--params-file of %s", what).isEqualTo(picocli.paramsFile);
        assertThat(lean.output).as("--output of %s", what).isEqualTo(picocli.output);
        assertThat(lean.stateDirectory).as("--state-dir of %s", what).isEqualTo(picocli.stateDirectory);
        assertThat(lean.plugins.directories).as("--plugins of %s", what).isEqualTo(picocli.plugins.directories);
        assertThat(lean.noCache).as("--no-cache of %s", what).isEqualTo(picocli.noCache);
        assertThat(picocli.resume).as("--resume of %s", what).isNull();
    }
}
