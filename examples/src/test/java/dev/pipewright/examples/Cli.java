package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code pipewright} command: {@code java -jar cli/target/pipewright.jar}, as a process
 * of its own, in a working directory of the test's, with its state directory there too.
 */
final class Cli {

    static final Duration RUN_LIMIT = Duration.ofMinutes(2);

    private static final boolean PERL_RESETS_SIGNALS = onPath("perl");

    private final Path workDirectory;
    private final Map<String, String> environment = new HashMap<>(System.getenv());

    Cli(Path workDirectory) {
        this.workDirectory = workDirectory;
        environment.remove("NO_COLOR");
        environment.remove("API_TOKEN");
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("pipewright.jar", "../cli/target/pipewright.jar"));
        assertThat(jar).as("the CLI jar; build it with ./mvnw -B -ntp -pl examples -am verify").exists();
        return jar.toAbsolutePath();
    }

    static Path example(String name) {
        return Path.of(System.getProperty("pipewright.examples", ".")).resolve(name).toAbsolutePath();
    }

    static Path resource(String name) {
        return example("src/test/resources").resolve(name);
    }

    Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Path workDirectory() {
        return workDirectory;
    }

    /** The command line that runs {@code pipewright ARGS}. */
    List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (PERL_RESETS_SIGNALS) {
            // A JVM cannot catch SIGINT that it inherited as ignored (as every process started by a
            // background job of a script does, such as a build run with `&`), and signal
            // dispositions pass from the build to this test to the CLI. Reset them to the default,
            // as an interactive shell would, so the signal tests test the CLI and not their parent.
            command.addAll(List.of("perl", "-e", "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec @ARGV or die $!"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code pipewright ARGS}; its output goes to files, read by {@link Started}. */
    Started start(String... args) throws IOException {
        return start(command(args));
    }

    Started start(List<String> command) throws IOException {
        Path stdout = Files.createTempFile(workDirectory, "stdout", ".txt");
        Path stderr = Files.createTempFile(workDirectory, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new Started(builder.start(), stdout, stderr, workDirectory);
    }

    /** Runs {@code pipewright ARGS} to its end. */
    Result run(String... args) throws IOException, InterruptedException {
        return start(args).awaitResult();
    }

    /** A {@code pipewright} process that may still be running. */
    record Started(Process process, Path stdoutFile, Path stderrFile, Path workDirectory) {

        long pid() {
            return process.pid();
        }

        String stdout() {
            return read(stdoutFile);
        }

        String stderr() {
            return read(stderrFile);
        }

        void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -" + name).isZero();
        }

        Result awaitResult() throws InterruptedException {
            return awaitResult(RUN_LIMIT);
        }

        Result awaitResult(Duration limit) throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError("pipewright did not end within " + limit + "\nstdout:\n" + stdout()
                        + "\nstderr:\n" + stderr());
            }
            return new Result(process.exitValue(), stdout(), stderr(), workDirectory);
        }
    }

    /** A finished {@code pipewright} process: exit code, output, and the runs it left. */
    record Result(int exitCode, String stdout, String stderr, Path workDirectory) {

        /** The run directory of the only run in this working directory. */
        Path runDirectory() {
            return Cli.onlyRun(workDirectory);
        }

        Path eventsFile() {
            return runDirectory().resolve("events.jsonl");
        }

        String events() {
            return read(eventsFile());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** The directory of the only run under {@code workDirectory}'s state directory. */
    static Path onlyRun(Path workDirectory) {
        Path runs = workDirectory.resolve(".pipewright/runs");
        try (Stream<Path> list = Files.list(runs)) {
            List<Path> all = list.toList();
            assertThat(all).as("runs in " + runs).hasSize(1);
            return all.get(0);
        } catch (IOException e) {
            throw new AssertionError("no runs in " + runs, e);
        }
    }

    static boolean onPath(String program) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
