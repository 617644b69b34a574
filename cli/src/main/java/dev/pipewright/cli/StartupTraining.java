package dev.pipewright.cli;

import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.engine.run.PipelineRunner;
import dev.pipewright.engine.run.RunRequest;
import dev.pipewright.grammar.PipelineParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind {@code ./pipewright}'s class-data archive: the launcher runs this class
 * once after each build, in a JVM started with {@code -XX:ArchiveClassesAtExit}, and every later
 * start maps the classes it loaded instead of loading them from the jar. So it runs, in one
 * process, each lean command on clean and broken files and on a run store with one real run,
 * with and without its index, and {@code run} of a small pipeline (its console writes to the
 * process's standard output, which the launcher sends nowhere): whatever a short command loads on its way should be in the archive.
 * Not a user command; it prints nothing and leaves nothing behind.
 */
public final class StartupTraining {

    private static final String CLEAN = """
            # Every part of the language, with the built-in, Docker and Git stage types.
            pipeline training {
              description = "class-data training"
              timeout     = 30m
              param who: string = "world"
              param repositories: list = [{ url = "https://example.com/a.git", path = "a" }]
              param tag: string
              stage image { uses = docker.image-exists  with { image = "local/busybox:test" } }
              stage pull {
                uses    = docker.pull
                when    = !stages.image.exists && params.who != "nobody"
                timeout = 5m
                retry   = 2
                backoff = 5s
                with { image = "local/busybox:test" }
              }
              stage clone {
                uses     = git.clone
                for-each = params.repositories
                with {
                  url  = item.url
                  into = "${run.dir}/src/${item.path ?? "x"}"
                }
              }
              parallel checks {
                max = 2
                stage lint  { uses = core.exec  with { command = ["sh", "-c", "echo lint"] } }
                stage audit { uses = core.sleep  optional = true  with { duration = 1ms } }
              }
              stage say {
                uses = core.log
                with { message = \"""
                  hello ${params.who}
                  \""" }
              }
              finally {
                stage cleanup { uses = core.log  with { message = "done: ${stages.lint.status}" } }
              }
            }
            """;
    private static final String BROKEN = """
            pipeline broken {
              stage s {
                uses = core.lgo
                tiemout = 5m
                with { message = stages.later.value }
              }
              stage later { uses = core.set  with { value = item } }
            """;
    private static final String STORED = """
            pipeline stored {
              stage greet { uses = core.log  with { message = "hi" } }
              stage value { uses = core.set  with { answer = 42 } }
            }
            """;
    private static final String QUERY =
            "pipeline(name: \"stored\") { state progress currentStage stages { name status duration } }";

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("pipewright-training-");
        try {
            train(directory);
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void train(Path directory) throws Exception {
        String clean = write(directory, "clean.pipeline", CLEAN);
        String broken = write(directory, "broken.pipeline", BROKEN);
        String unformatted = write(directory, "unformatted.pipeline", STORED.replace("\n  ", " "));
        String state = directory.toString();
        storeOneRun(directory);
        run("check", clean);
        run("check", "-p", "tag=v1", "--param", "who=you", clean, broken);
        run("check", "--format", "json", broken);
        run("fmt", "--check", clean, unformatted, broken);
        run("fmt", unformatted);
        run("runs", "--state-dir", state);
        run("runs", "--pipeline", "stored", "--state", "succeeded", "--last", "5", "--state-dir", state);
        run("query", QUERY, "--state-dir", state);
        run("query", "--compact", QUERY, "--state-dir", state);
        run("query", "pipeline(name: 1) { stat }", "--state-dir", state);
        String stored = write(directory, "stored.pipeline", STORED);
        run("run", stored, "--state-dir", state, "--output", "plain");
        run("run", stored, "--state-dir", state, "--output", "json");
        run("run", broken, "--state-dir", state);
        // A parameters file (refused: the pipeline has no such parameter) loads the YAML reader.
        run("run", stored, "--state-dir", state, "--params-file", write(directory, "params.yaml", "who: you\n"));
    }

    private static String write(Path directory, String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text).toString();
    }

    private static void storeOneRun(Path stateDirectory) throws InterruptedException {
        try (PluginRegistry catalog = PluginRegistry.load(PluginDirectories.none())) {
            var file = PipelineParser.parse("stored.pipeline", STORED).file().orElseThrow();
            new PipelineRunner().start(RunRequest.of(file, catalog, stateDirectory)).awaitOutcome();
        }
    }

    private static void run(String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.execute(args, nowhere, nowhere);
    }
}
