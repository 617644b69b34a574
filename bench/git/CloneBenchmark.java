import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ProgressReporter;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageLogger;
import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;

/**
 * git.clone side by side with `git clone`, in one run, on a generated repository (FILES files,
 * COMMITS commits), over file:// and git://, full and shallow (--depth 1). The JVM is warmed up
 * first; the two clients then alternate, so both see the same machine load. Prints medians, the
 * ratio, and where git.clone spent its time (per JGit task).
 *
 * Usage: java -cp <stages-git + deps> CloneBenchmark.java WORKDIR DAEMON_URL_PREFIX [rounds] [warmups]
 */
public class CloneBenchmark {

    static final int FILES = Integer.getInteger("bench.files", 2000);
    static final int COMMITS = Integer.getInteger("bench.commits", 200);

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String daemonPrefix = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Path bare = root.resolve("bench.git");
        if (!Files.exists(bare)) {
            generate(bare);
        }
        StageType clone = ServiceLoader.load(StagePlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.namespace().equals("git")).findFirst().orElseThrow()
                .stageTypes().stream().filter(t -> t.name().equals("clone")).findFirst().orElseThrow();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("file://", bare.toUri().toString());
        urls.put("git daemon", daemonPrefix + "/bench.git");
        System.out.printf("repository: %d files, %d commits; JVM %s; %d warm-up clones per case, then %d alternating rounds%n",
                FILES, COMMITS, Runtime.version(), warmups, rounds);
        System.out.printf("%-11s %-8s %-14s %9s %9s %7s   %s%n", "transport", "clone", "git.clone with", "git ms", "jgit ms", "ratio",
                "git.clone time per JGit task (median ms)");
        int run = 0;
        // The first clone loads the plugin's own JGit settings; each variant below then installs its own.
        long cold = jgit(clone, bare.toUri().toString(), 0, root.resolve("first"), new HashMap<>());
        System.out.printf("first git.clone in this JVM (cold, file:// full): %d ms%n", cold);
        for (var url : urls.entrySet()) {
            for (int depth : new int[] {0, 1}) {
                String only = System.getProperty("bench.only");
                if (only != null && !only.equals(url.getKey() + ":" + depth)) {
                    continue;
                }
                for (Variant variant : Variant.values()) {
                    variant.apply();
                    for (int i = 0; i < warmups; i++) {
                        jgit(clone, url.getValue(), depth, root.resolve("w" + run++), new HashMap<>());
                    }
                }
                List<Long> git = new ArrayList<>();
                Map<Variant, List<Long>> jgit = new LinkedHashMap<>();
                Map<Variant, Map<String, List<Long>>> tasks = new LinkedHashMap<>();
                for (int i = 0; i < rounds; i++) {
                    git.add(cli(url.getValue(), depth, root.resolve("c" + run++)));
                    for (Variant variant : Variant.values()) {
                        variant.apply();
                        Map<String, Long> taskTimes = new LinkedHashMap<>();
                        jgit.computeIfAbsent(variant, v -> new ArrayList<>())
                                .add(jgit(clone, url.getValue(), depth, root.resolve("j" + run++), taskTimes));
                        taskTimes.forEach((task, ms) -> tasks.computeIfAbsent(variant, v -> new LinkedHashMap<>())
                                .computeIfAbsent(task, t -> new ArrayList<>()).add(ms));
                    }
                }
                long g = median(git);
                for (Variant variant : Variant.values()) {
                    long j = median(jgit.get(variant));
                    StringBuilder breakdown = new StringBuilder();
                    tasks.get(variant).forEach((task, times) -> breakdown.append(task.replace("remote: ", "remote "))
                            .append(' ').append(median(times)).append("; "));
                    System.out.printf("%-11s %-8s %-14s %9d %9d %7.2f   %s%n", url.getKey(), depth == 0 ? "full" : "depth 1",
                            variant.label, g, j, (double) j / g, breakdown);
                }
            }
        }
    }

    /** The settings compared in the same run: JGit's defaults, then each tuning added to the previous. */
    enum Variant {
        DEFAULTS("jgit defaults", 8 * 1024, 10 * 1024 * 1024, "java"),
        CACHES("+ caches", 64 * 1024, 64 * 1024 * 1024, "java"),
        JDK_SHA1("+ jdk sha1", 64 * 1024, 64 * 1024 * 1024, "jdknative");

        final String label;
        final int window;
        final int deltaBaseCache;
        final String sha1;

        Variant(String label, int window, int deltaBaseCache, String sha1) {
            this.label = label;
            this.window = window;
            this.deltaBaseCache = deltaBaseCache;
            this.sha1 = sha1;
        }

        void apply() {
            var config = new org.eclipse.jgit.storage.file.WindowCacheConfig();
            config.setPackedGitWindowSize(window);
            config.setDeltaBaseCacheLimit(deltaBaseCache);
            config.install();
            System.setProperty("org.eclipse.jgit.util.sha1.implementation", sha1);
        }
    }

    static long cli(String url, int depth, Path into) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "clone", "-q"));
        if (depth > 0) {
            command.addAll(List.of("--depth", String.valueOf(depth)));
        }
        command.addAll(List.of(url, into.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git clone failed");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        delete(into);
        return ms;
    }

    /** Runs git.clone; records when each JGit task began, so the time between begins is that task's. */
    static long jgit(StageType clone, String url, int depth, Path into, Map<String, Long> taskTimes) throws Exception {
        Map<String, Object> arguments = new HashMap<>(Map.of("url", url, "into", into.toString(), "submodules", false));
        arguments.put("depth", depth > 0 ? (Object) (long) depth : null);
        List<Object[]> begins = new ArrayList<>();
        long start = System.nanoTime();
        clone.run(new Context(new Arguments(arguments), (fraction, message) -> {
            if (begins.isEmpty() || !begins.get(begins.size() - 1)[0].equals(message)) {
                begins.add(new Object[] {message, System.nanoTime()});
            }
        }, into.getParent()));
        long end = System.nanoTime();
        long previous = start;
        String previousTask = "connect+negotiate";
        for (Object[] begin : begins) {
            taskTimes.merge(previousTask, ((Long) begin[1] - previous) / 1_000_000, Long::sum);
            previousTask = (String) begin[0];
            previous = (Long) begin[1];
        }
        taskTimes.merge(previousTask, (end - previous) / 1_000_000, Long::sum);
        delete(into);
        return (end - start) / 1_000_000;
    }

    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    static void delete(Path dir) throws Exception {
        new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
    }

    /** FILES text files of ~4 KiB, then COMMITS-1 commits that each rewrite 10 of them; packed like a served repository. */
    static void generate(Path bare) throws Exception {
        Files.createDirectories(bare);
        run(bare, "git", "init", "-q", "--bare");
        Random random = new Random(7);
        String[] words = "the of pipeline stage value return public final class static void int string list map event run git clone fetch checkout commit tree blob pack index delta object ref branch tag".split(" ");
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet").directory(bare.toFile()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (OutputStream in = importer.getOutputStream()) {
            for (int c = 1; c <= COMMITS; c++) {
                StringBuilder commit = new StringBuilder("commit refs/heads/main\ncommitter Bench <bench@example.com> "
                        + (1700000000 + c * 60) + " +0000\ndata 9\ncommit " + String.format("%02d", c % 100) + "\n");
                int count = c == 1 ? FILES : 10;
                for (int f = 0; f < count; f++) {
                    int file = c == 1 ? f : random.nextInt(FILES);
                    StringBuilder text = new StringBuilder();
                    while (text.length() < 4096) {
                        text.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? "\n" : " ");
                    }
                    byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
                    commit.append("M 100644 inline src/dir").append(file % 40).append("/file").append(file).append(".txt\ndata ")
                            .append(data.length).append('\n').append(text).append('\n');
                }
                in.write(commit.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (importer.waitFor() != 0) {
            throw new IllegalStateException("fast-import failed");
        }
        run(bare, "git", "symbolic-ref", "HEAD", "refs/heads/main");
        run(bare, "git", "repack", "-a", "-d", "-q");
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        if (new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(Arrays.toString(command) + " failed");
        }
    }

    record Context(Arguments arguments, ProgressReporter progress, Path baseDirectory) implements StageContext {
        public String stageName() { return "bench"; }
        public String stageType() { return "git.clone"; }
        public String runId() { return "bench"; }
        public String pipelineName() { return "bench"; }
        public int attempt() { return 1; }
        public StageLogger log() {
            return new StageLogger() {
                public void stdout(String line) { }
                public void stderr(String line) { }
            };
        }
        public Cancellation cancellation() {
            return new Cancellation() {
                public boolean isCancelled() { return false; }
                public Registration onCancel(Runnable callback) { return () -> { }; }
            };
        }
        public Path runDirectory() { return baseDirectory; }
    }
}
