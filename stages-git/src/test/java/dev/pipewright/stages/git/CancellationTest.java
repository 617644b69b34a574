package dev.pipewright.stages.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.testkit.TestStageContext;
import java.time.Duration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling or timing out a clone or fetch stops the transfer promptly, and a clone leaves nothing behind. */
class CancellationTest {

    @TempDir
    static Path served;
    static GitDaemon daemon;

    @TempDir
    Path work;

    @BeforeAll
    static void makeALargeRepository() throws Exception {
        GitCli.largeRepository(served, "large", 200, 256 * 1024); // 50 MiB that does not compress
        daemon = GitDaemon.serve(served);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void cancellingInTheMiddleOfTheTransferLeavesNoDirectory() throws Exception {
        TestStageContext context = TestStageContext.builder("git", new CloneStage())
                .directory(work).arguments(Map.of("url", daemon.url("large.git"), "into", "deep/app")).build();
        CountDownLatch receiving = new CountDownLatch(1);
        context.onProgress(p -> {
            if ("Receiving objects".equals(p.message()) && p.fraction() != null && p.fraction() > 0) {
                receiving.countDown();
            }
        });
        Thread canceller = new Thread(() -> {
            try {
                receiving.await();
                context.cancellation().cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();

        assertThatThrownBy(context::run).isInstanceOf(InterruptedException.class);

        canceller.join();
        assertThat(context.progressReports()).extracting(TestStageContext.Progress::message).doesNotContain("Checking out files");
        assertThat(context.progressReports()).filteredOn(p -> "Receiving objects".equals(p.message()))
                .extracting(TestStageContext.Progress::fraction).doesNotContain(1.0);
        assertThat(work.resolve("deep")).doesNotExist();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    @Timeout(60)
    void aTimeoutEndsACloneFromAServerThatStopsAnswering() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            TestStageContext context = TestStageContext.builder("git", new CloneStage())
                    .directory(work)
                    .arguments(Map.of("url", "git://127.0.0.1:" + silent.port() + "/stalled.git", "into", "app")).build();
            context.cancellation().cancelAfter(Duration.ofMillis(500));

            assertThatThrownBy(context::run).isInstanceOf(InterruptedException.class);

            assertThat(work.resolve("app")).doesNotExist();
        }
    }

    @Test
    @Timeout(60)
    void aTimeoutEndsAFetchFromAServerThatStopsAnswering() throws Exception {
        Path origin = GitCli.sampleRepository(work, "origin");
        TestStageContext.builder("git", new CloneStage())
                .directory(work).arguments(Map.of("url", origin.toString(), "into", "app")).build().run();
        try (SilentServer silent = new SilentServer()) {
            GitCli.git(work.resolve("app"), "remote", "set-url", "origin", "git://127.0.0.1:" + silent.port() + "/stalled.git");
            TestStageContext context = TestStageContext.builder("git", new FetchStage())
                    .directory(work).arguments(Map.of("repo", "app")).build();
            context.cancellation().cancelAfter(Duration.ofMillis(500));

            assertThatThrownBy(context::run).isInstanceOf(InterruptedException.class);
        }
    }

    /** A TCP server that accepts connections and never says a word. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : accepted) {
                connection.close(); // wakes the stuck JGit worker, which then ends
            }
        }
    }

    @Test
    void aTimeoutStopsTheCloneAndLeavesNoDirectory() {
        TestStageContext context = TestStageContext.builder("git", new CloneStage())
                .directory(work)
                .arguments(Map.of("url", served.resolve("large.git").toUri().toString(), "into", "app")).build();
        context.cancellation().cancelAfter(Duration.ofMillis(50));

        assertThatThrownBy(context::run).isInstanceOf(InterruptedException.class);

        assertThat(work.resolve("app")).doesNotExist();
    }
}
