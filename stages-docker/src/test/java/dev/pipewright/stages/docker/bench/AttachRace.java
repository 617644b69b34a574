package dev.pipewright.stages.docker.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.pipewright.stages.docker.support.TestDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often attaching to a container before starting it delivers a line twice or loses one, for
 * the two ways of attaching, alternately in one run: {@code logs=1} (a log replay, then the live
 * stream: what docker.run did) and {@code logs=0} (the live stream only: what it does now). Each
 * container prints 5 lines on each stream and an unterminated last one; {@code THREADS} run at
 * once, since a busy engine widens the window. Usage: {@code bench/docker-attach-race.sh}.
 */
public final class AttachRace {

    private static final String SCRIPT = "for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; done; printf last";
    private static final int EXPECTED_LINES = 11;

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "400"));
        int threads = Integer.parseInt(System.getenv().getOrDefault("THREADS", "4"));
        DockerClient client = TestDocker.client();
        String runId = TestDocker.newRunId();
        int[][] counts = new int[2][3]; // [logs=1, logs=0][runs, duplicated, lost]
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                boolean replay = r % 2 == 0;
                results.add(pool.submit(() -> linesSeen(client, runId, replay)));
            }
            for (int r = 0; r < runs; r++) {
                int[] mode = counts[r % 2];
                int lines = results.get(r).get();
                mode[0]++;
                mode[1] += lines > EXPECTED_LINES ? 1 : 0;
                mode[2] += lines < EXPECTED_LINES ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
            TestDocker.removeRun(runId);
        }
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf("| logs=1 (replay + stream) | %d | %d | %d | %d | %s |%n", threads, counts[0][0], counts[0][1], counts[0][2], load);
        System.out.printf("| logs=0 (stream only)     | %d | %d | %d | %d | %s |%n", threads, counts[1][0], counts[1][1], counts[1][2], load);
        System.exit(0); // docker-java's stream threads
    }

    /** Runs one container, attached before it starts; returns how many lines arrived. */
    private static int linesSeen(DockerClient client, String runId, boolean replay) throws Exception {
        String id = client.createContainerCmd(TestDocker.IMAGE).withCmd("sh", "-c", SCRIPT)
                .withLabels(Map.of("pipewright.run", runId)).exec().getId();
        AtomicInteger lines = new AtomicInteger();
        try {
            ResultCallback.Adapter<Frame> output = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    for (byte b : frame.getPayload()) {
                        lines.addAndGet(b == '\n' ? 1 : 0);
                    }
                }
            };
            client.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .withLogs(replay).exec(output);
            if (!output.awaitStarted(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the engine did not answer the attach of " + id);
            }
            client.startContainerCmd(id).exec();
            output.awaitCompletion();
            return lines.get() + 1; // and the unterminated last line
        } finally {
            client.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
