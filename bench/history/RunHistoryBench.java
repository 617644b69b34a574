import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.query.QueryExecutor;
import dev.pipewright.engine.state.RunProjection;
import dev.pipewright.engine.store.EventLogReader;
import dev.pipewright.engine.store.RunIds;
import dev.pipewright.engine.store.RunStore;
import dev.pipewright.engine.store.SyntheticRuns;
import dev.pipewright.engine.store.SyntheticRuns.Ending;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Run-history figures for bench/README.md.
 *   gen DIR N      writes N realistic runs (habitat-build of LANGUAGE.md and two others) under DIR
 *   inproc DIR     times, inside one JVM: projection speed, listing without and with the index,
 *                  and the seed's pipeline(...) query
 */
public class RunHistoryBench {

    static final String QUERY =
            "pipeline(name: \"habitat-build\") { state progress currentStage stages { name status duration } }";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "gen" -> generate(dir, Integer.parseInt(args[2]));
            case "inproc" -> inProcess(dir);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void generate(Path dir, int count) {
        Random random = new Random(42);
        String[] pipelines = {"habitat-build", "deploy", "nightly"};
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(600L * i);
            String id = RunIds.at(at);
            int roll = random.nextInt(100);
            Ending ending = roll < 80 ? Ending.SUCCEEDED : roll < 95 ? Ending.FAILED : Ending.CANCELLED;
            List<RunEvent> events = SyntheticRuns.habitatBuild(id, pipelines[i % 3], at, ending, 1000 + i,
                    "ci-builder", 10);
            SyntheticRuns.store(dir, id, events);
        }
        System.out.println("wrote " + count + " runs under " + dir);
    }

    static void inProcess(Path dir) throws Exception {
        RunStore store = new RunStore(dir);
        List<String> ids = store.ids();
        // Projection speed: every log read and folded, as the index rebuild does (3 rounds, best).
        double best = 0;
        long events = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            events = 0;
            for (String id : ids) {
                RunProjection projection = new RunProjection();
                EventLogReader.read(store.eventsFile(id), projection::apply);
                projection.snapshot();
                events += projection.eventCount();
            }
            best = Math.max(best, events / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.printf("runs %d, events %d, projection (read+decode+fold) %.0f events/s%n", ids.size(), events, best);
        Files.deleteIfExists(store.runsRoot().resolve("index.jsonl"));
        long t0 = System.nanoTime();
        store.list(null, null, 20);
        System.out.printf("list, no index (rebuilds it): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        System.out.printf("list, with index: median %.1f ms%n", median(() -> store.list(null, null, 20)));
        QueryExecutor executor = new QueryExecutor(store, Clock.systemUTC());
        System.out.printf("pipeline(...) query, with index: median %.1f ms%n", median(() -> executor.execute(QUERY)));
    }

    static double median(Runnable task) {
        for (int i = 0; i < 5; i++) {
            task.run();
        }
        double[] times = new double[15];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            task.run();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
