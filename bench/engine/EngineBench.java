import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.run.PipelineRunner;
import dev.pipewright.engine.run.RunHandle;
import dev.pipewright.engine.run.RunOutcome;
import dev.pipewright.engine.run.RunRequest;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Engine figures for bench/README.md: {@code chain N} (N core.set stages, each reading the
 * previous one's output) and {@code schedule} (200 core.sleep 100ms in a parallel block with
 * max = 50, against a plain ExecutorService doing the same sleeps). Run by run.sh.
 */
public final class EngineBench {

    public static void main(String[] args) throws Exception {
        Path state = stateDirectory();
        switch (args[0]) {
            case "chain" -> chain(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1, state);
            case "schedule" -> schedule(state);
            case "log" -> log(Integer.parseInt(args[1]), state);
            default -> throw new IllegalArgumentException("chain N [ROUNDS] | schedule | log LINES");
        }
    }

    /**
     * {@code rounds} runs of the chain in this JVM, each in a fresh state directory (in one
     * directory, the pure core.set stages of a second run would be reused from the first). The
     * first round is what a fresh process pays, JIT compilation included; later rounds show the
     * engine once compiled.
     */
    private static void chain(int n, int rounds, Path state) throws Exception {
        StringBuilder text = new StringBuilder("pipeline chain {\n  stage s0 { uses = core.set  with { v = 0 } }\n");
        for (int i = 1; i < n; i++) {
            text.append("  stage s").append(i).append(" { uses = core.set  with { v = stages.s").append(i - 1)
                    .append(".v } }\n");
        }
        text.append("}\n");
        PipelineFile file = parse(text.toString());
        // One small warm-up run so class loading and JIT of the hot paths are not billed to the first figure.
        run(parse("pipeline warm { stage a { uses = core.set  with { v = 1 } } stage b { uses = core.set  with { v = stages.a.v } } }"), state);
        for (int round = 1; round <= rounds; round++) {
            chainRound(file, n, round, round == 1 ? state : stateDirectory());
        }
    }

    private static void chainRound(PipelineFile file, int n, int round, Path state) throws Exception {
        System.gc();
        resetPeaks();
        ThreadCpu threads = ThreadCpu.start();
        long cpuStart = processCpuNanos();
        long jitStart = jitMillis();
        long gcStart = gcMillis();
        long start = System.nanoTime();
        RunOutcome outcome = run(file, state);
        long nanos = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        long jit = jitMillis() - jitStart;
        long gc = gcMillis() - gcStart;
        Map<String, Long> threadCpu = threads.stop();
        long peak = peakHeap();
        long lines = Files.lines(lastEvents).count();
        long peer = peerChain(n);
        System.out.printf("chain resume=%s N=%d round=%d status=%s engine-wall=%d ms per-stage-wall=%.1f us engine-cpu=%d ms "
                        + "per-stage-cpu=%.1f us run-thread-cpu=%d ms events-thread-cpu=%d ms jit=%d ms gc=%d ms peak-heap=%d MiB events=%d "
                        + "peer=%d ms engine/peer=%.2f load=%.1f%n",
                System.getenv().getOrDefault("BENCH_RESUME", "cache"), n, round, outcome.status(), nanos / 1_000_000,
                nanos / 1000.0 / n, cpu / 1_000_000, cpu / 1000.0 / n, threadCpu.getOrDefault("pipewright-run", 0L) / 1_000_000,
                threadCpu.getOrDefault("pipewright-events", 0L) / 1_000_000, jit, gc, peak >> 20, lines, peer / 1_000_000,
                (double) nanos / peer,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The floor for the same chain: one thread, a map of outputs, and the same two event lines per
     * stage written and flushed to a file with Jackson. What the engine adds on top (scopes,
     * threads, the ordered channel, expression evaluation, masking) is the ratio to this.
     */
    private static long peerChain(int n) throws Exception {
        Path file = Files.createTempFile("pipewright-peer", ".jsonl");
        long start = System.nanoTime();
        com.fasterxml.jackson.core.JsonFactory factory = new com.fasterxml.jackson.core.JsonFactory();
        try (java.io.OutputStream out = Files.newOutputStream(file);
                com.fasterxml.jackson.core.JsonGenerator json = factory.createGenerator(out)) {
            json.setRootValueSeparator(null);
            Map<String, Map<String, Object>> outputs = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                Object previous = i == 0 ? 0L : outputs.get("s" + (i - 1)).get("v");
                json.writeStartObject();
                json.writeStringField("type", "stage:start");
                json.writeStringField("time", java.time.Instant.now().toString());
                json.writeStringField("stage", "s" + i);
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
                outputs.put("s" + i, Map.of("v", previous));
                json.writeStartObject();
                json.writeStringField("type", "stage:complete");
                json.writeStringField("time", java.time.Instant.now().toString());
                json.writeStringField("stage", "s" + i);
                json.writeObjectFieldStart("outputs");
                json.writeNumberField("v", (Long) previous);
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            }
        }
        long nanos = System.nanoTime() - start;
        Files.delete(file);
        return nanos;
    }

    private static void schedule(Path state) throws Exception {
        StringBuilder text = new StringBuilder("pipeline sleepers {\n  parallel all {\n    max = 50\n");
        for (int i = 0; i < 200; i++) {
            text.append("    stage s").append(i).append(" { uses = core.sleep  with { duration = 100ms } }\n");
        }
        text.append("  }\n}\n");
        PipelineFile file = parse(text.toString());
        run(parse("pipeline warm { parallel p { stage a { uses = core.sleep  with { duration = 1ms } } stage b { uses = core.sleep  with { duration = 1ms } } } }"), state);
        // Rounds alternate engine and baseline so both see the same machine load; medians are reported.
        int rounds = 9;
        long[] engine = new long[rounds];
        long[] baseline = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            RunOutcome outcome = run(file, state);
            engine[round] = (System.nanoTime() - start) / 1_000_000;
            if (outcome.status() != dev.pipewright.engine.run.RunStatus.SUCCEEDED) {
                throw new IllegalStateException("run " + outcome.status());
            }
            baseline[round] = baseline();
        }
        java.util.Arrays.sort(engine);
        java.util.Arrays.sort(baseline);
        long e = engine[rounds / 2];
        long b = baseline[rounds / 2];
        System.out.printf("schedule rounds=%d median engine=%d ms (min %d, max %d) median baseline=%d ms (min %d, max %d) "
                        + "ideal=400 ms engine/ideal=%.3f engine/baseline=%.3f load=%.1f%n",
                rounds, e, engine[0], engine[rounds - 1], b, baseline[0], baseline[rounds - 1], e / 400.0, (double) e / b,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One core.exec stage printing {@code lines} lines: how fast stage:log events reach events.jsonl. */
    private static void log(int lines, Path state) throws Exception {
        PipelineFile file = parse("pipeline chatty { stage talk { uses = core.exec  with { command = [\"seq\", \"1\", \""
                + lines + "\"] } } }");
        run(parse("pipeline warm { stage talk { uses = core.exec  with { command = [\"seq\", \"1\", \"1000\"] } } }"), state);
        Path out = Files.createTempFile("pipewright-bench", ".txt");
        long start = System.nanoTime();
        RunOutcome outcome = run(file, state);
        long engine = System.nanoTime() - start;
        long events = Files.lines(lastEvents).count();
        long baselineStart = System.nanoTime();
        Process seq = new ProcessBuilder("seq", "1", String.valueOf(lines)).redirectOutput(out.toFile()).start();
        seq.waitFor();
        long baseline = System.nanoTime() - baselineStart;
        Files.delete(out);
        System.out.printf("log lines=%d status=%s engine=%d ms events=%d events/s=%.0f baseline(seq > file)=%d ms load=%.1f%n",
                lines, outcome.status(), engine / 1_000_000, events, events / (engine / 1e9), baseline / 1_000_000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The same 200 sleeps on a plain pool of 50 threads. */
    private static long baseline() throws InterruptedException {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        for (int i = 0; i < 200; i++) {
            pool.execute(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Path lastEvents;

    /** A fresh state directory, deleted when the JVM exits. */
    private static Path stateDirectory() throws java.io.IOException {
        Path directory = Files.createTempDirectory("pipewright-bench");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                System.err.println("cannot delete " + directory + ": " + e.getMessage());
            }
        }));
        return directory;
    }

    /**
     * CPU time of the engine's run thread and event dispatcher, by name prefix: sampled every 5 ms
     * while the run goes on (the threads end with it), the last sample of each kept. Unlike wall
     * time, it hardly depends on what else the shared machine runs.
     */
    private static final class ThreadCpu {
        private final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> last = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Long, String> kind = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-sampler");
                    t.setDaemon(true);
                    return t;
                });

        static ThreadCpu start() {
            ThreadCpu cpu = new ThreadCpu();
            cpu.sampler.scheduleAtFixedRate(cpu::sample, 0, 5, TimeUnit.MILLISECONDS);
            return cpu;
        }

        private void sample() {
            for (java.lang.management.ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                String name = info.getThreadName();
                String prefix = name.startsWith("pipewright-run-") ? "pipewright-run"
                        : name.startsWith("pipewright-events-") ? "pipewright-events" : null;
                long time = prefix == null ? -1 : bean.getThreadCpuTime(info.getThreadId());
                if (time >= 0) {
                    kind.put(info.getThreadId(), prefix);
                    last.put(info.getThreadId(), time);
                }
            }
        }

        /** Total CPU nanoseconds by thread kind, of the threads seen since start (the warm-up's ended before). */
        Map<String, Long> stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
            Map<String, Long> total = new TreeMap<>();
            last.forEach((id, nanos) -> total.merge(kind.get(id), nanos, Long::sum));
            return total;
        }
    }

    /** CPU time of the whole process (engine threads, JIT, GC): what a run costs on a loaded machine. */
    /** Time the JIT compilers spent so far (all compiler threads). */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Time the collectors spent so far (pauses and concurrent work they report). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static RunOutcome run(PipelineFile file, Path state) throws InterruptedException {
        // BENCH_RESUME=off measures the engine without the resume cache (fingerprints, stage records).
        dev.pipewright.engine.resume.ResumeOptions resume = "off".equals(System.getenv("BENCH_RESUME"))
                ? dev.pipewright.engine.resume.ResumeOptions.OFF : dev.pipewright.engine.resume.ResumeOptions.CACHE;
        RunHandle handle = new PipelineRunner().start(
                RunRequest.of(file, catalog(), state).withEnv(Map.of()).withResume(resume));
        lastEvents = handle.runDirectory().eventsFile();
        return handle.awaitOutcome();
    }

    private static PipelineFile parse(String text) {
        ParseResult result = PipelineParser.parse("bench.pipeline", text);
        if (result.file().isEmpty()) {
            throw new IllegalStateException(result.diagnostics().toString());
        }
        return result.file().get();
    }

    private static StageCatalog catalog() {
        Map<String, StageType> types = new TreeMap<>();
        for (StagePlugin plugin : ServiceLoader.load(StagePlugin.class)) {
            plugin.stageTypes().forEach(t -> types.put(plugin.namespace() + "." + t.name(), t));
        }
        return new StageCatalog() {
            @Override
            public Optional<StageType> find(String name) {
                return Optional.ofNullable(types.get(name));
            }

            @Override
            public Collection<String> qualifiedNames() {
                return types.keySet();
            }
        };
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
