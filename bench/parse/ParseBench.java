import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.engine.check.Validator;
import dev.pipewright.engine.plugins.PluginDirectories;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Parse + check figures for bench/README.md ("Parse and check"): a generated file of N stages
 * (core.set and core.log stages reading the previous stage's output, a parallel block every 50
 * stages, a finally block), parsed and checked in one JVM after warming up. The peer, measured
 * in the same run on the same machine, is Jackson reading the same pipeline written as JSON
 * (what a YAML/JSON-based tool would have to do at least), so the ratio survives a noisy machine.
 *
 * Reported besides the times: the bytes allocated by one parse and check (garbage the collector
 * must clear, from the thread's allocation counter) and the heap the result keeps alive (measured
 * after full collections). The time of the parse alone shows what the checks add.
 *
 * Usage: ParseBench N (run.sh runs each N in a fresh JVM, so one size's garbage never meets another's).
 */
public class ParseBench {

    public static void main(String[] args) throws Exception {
        int stages = Integer.parseInt(args[0]);
        String pipeline = pipeline(stages);
        String json = json(stages);
        PluginRegistry catalog = PluginRegistry.load(PluginDirectories.none());
        ObjectMapper mapper = new ObjectMapper();

        int warmups = Math.max(3, 200_000 / stages);
        for (int i = 0; i < warmups; i++) {
            check(pipeline, catalog);
            PipelineParser.parse("bench.pipeline", pipeline);
            mapper.readTree(json);
        }
        int runs = Math.max(5, 50_000 / stages);
        List<Long> ours = new ArrayList<>();
        List<Long> parseOnly = new ArrayList<>();
        List<Long> peer = new ArrayList<>();
        List<Long> allocated = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long bytes = allocatedBytes();
            long start = System.nanoTime();
            ParseResult result = check(pipeline, catalog);
            ours.add(System.nanoTime() - start);
            allocated.add(allocatedBytes() - bytes);
            if (result.file().isEmpty()) {
                throw new IllegalStateException("the generated file does not check: " + result.diagnostics().get(0));
            }
            start = System.nanoTime();
            PipelineParser.parse("bench.pipeline", pipeline);
            parseOnly.add(System.nanoTime() - start);
            start = System.nanoTime();
            mapper.readTree(json);
            peer.add(System.nanoTime() - start);
        }
        double oursMs = median(ours) / 1e6;
        double parseMs = median(parseOnly) / 1e6;
        double peerMs = median(peer) / 1e6;
        System.out.printf("| %,d | %,d KB | %.1f ms | %.1f ms | %.1f µs | %.1f ms | %.1fx | %.0f MB | %.1f MB |%n",
                stages, pipeline.length() / 1024, oursMs, parseMs, oursMs * 1000 / stages, peerMs, oursMs / peerMs,
                median(allocated) / 1e6, retainedBytes(pipeline, catalog) / 1e6);
    }

    /** Bytes this thread allocated so far: what one parse and check costs the collector. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /**
     * What a checked file keeps alive: the heap in use after full collections with results held,
     * minus without them, per result. Enough results are held to rise well above the collector's
     * noise. Each has its own copy of the source text, which the AST holds for diagnostics.
     */
    private static long retainedBytes(String pipeline, PluginRegistry catalog) {
        int copies = Math.max(1, 2_000_000 / pipeline.length());
        List<ParseResult> held = new ArrayList<>();
        long before = usedHeapAfterGc();
        for (int i = 0; i < copies; i++) {
            held.add(check(new String(pipeline.toCharArray()), catalog));
        }
        long after = usedHeapAfterGc();
        if (held.stream().anyMatch(r -> r.file().isEmpty())) {
            throw new IllegalStateException("the generated file does not check");
        }
        return (after - before) / copies;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static ParseResult check(String source, PluginRegistry catalog) {
        return Validator.parseAndCheck("bench.pipeline", source, catalog, Optional.empty());
    }

    static String pipeline(int stages) {
        StringBuilder out = new StringBuilder("# generated by bench/parse/ParseBench.java\npipeline bench {\n")
                .append("  timeout = 1h\n  param prefix: string = \"v\"\n\n");
        for (int i = 0; i < stages; i++) {
            boolean parallel = i % 50 == 49;
            if (parallel) {
                out.append("  parallel group-").append(i).append(" {\n    max = 4\n");
                out.append("    stage s").append(i).append(" { uses = core.log  with { message = \"in parallel\" } }\n  }\n");
                continue;
            }
            out.append("  stage s").append(i).append(" {\n");
            out.append("    uses    = core.set\n");
            if (i > 0 && (i - 1) % 50 != 49) {
                out.append("    when    = stages.s").append(i - 1).append(".status == \"succeeded\"\n");
                out.append("    timeout = 1m30s\n");
                out.append("    with { value = \"${params.prefix}-${stages.s").append(i - 1).append(".value ?? \"none\"}\"  index = ")
                        .append(i).append(" }\n");
            } else {
                out.append("    with { value = params.prefix  index = ").append(i).append(" }\n");
            }
            out.append("  }\n");
        }
        return out.append("  finally {\n    stage report { uses = core.log  with { message = \"done\" } }\n  }\n}\n").toString();
    }

    static String json(int stages) {
        StringBuilder out = new StringBuilder("{\"pipeline\":\"bench\",\"timeout\":\"1h\",\"params\":{\"prefix\":\"v\"},\"stages\":[");
        for (int i = 0; i < stages; i++) {
            out.append(i == 0 ? "" : ",").append("{\"name\":\"s").append(i).append("\",\"uses\":\"core.set\",")
                    .append("\"when\":\"stages.s").append(Math.max(0, i - 1)).append(".status == 'succeeded'\",")
                    .append("\"timeout\":\"1m30s\",\"with\":{\"value\":\"${params.prefix}-${stages.s")
                    .append(Math.max(0, i - 1)).append(".value}\",\"index\":").append(i).append("}}");
        }
        return out.append("]}").toString();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

}
