package dev.pipewright.stages.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Cancelling or timing out a clone of a large repository stops the transfer and leaves nothing behind. */
class CloneCancellationTest {

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
        TestContext context = new TestContext(new CloneStage(), work,
                Map.of("url", daemon.url("large.git"), "into", "deep/app"));
        CountDownLatch receiving = new CountDownLatch(1);
        context.onProgress(p -> {
            if ("Receiving objects".equals(p.message()) && p.fraction() != null && p.fraction() > 0) {
                receiving.countDown();
            }
        });
        Thread canceller = new Thread(() -> {
            try {
                receiving.await();
                context.cancellation.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();

        assertThatThrownBy(context::run).isInstanceOf(InterruptedException.class);

        canceller.join();
        assertThat(context.progress).extracting(TestContext.Progress::message).doesNotContain("Checking out files");
        assertThat(context.progress).filteredOn(p -> "Receiving objects".equals(p.message()))
                .extracting(TestContext.Progress::fraction).doesNotContain(1.0);
        assertThat(work.resolve("deep")).doesNotExist();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    @Timeout(60)
    void aTimeoutEndsACloneFromAServerThatStopsAnswering() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accepts, then never says a word
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            TestContext context = new TestContext(new CloneStage(), work,
                    Map.of("url", "git://127.0.0.1:" + silent.getLocalPort() + "/stalled.git", "into", "app"));
            context.cancellation.cancelAfter(500);

            assertThatThrownBy(context::run).isInstanceOf(InterruptedException.class);

            assertThat(work.resolve("app")).doesNotExist();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aTimeoutStopsTheCloneAndLeavesNoDirectory() {
        TestContext context = new TestContext(new CloneStage(), work,
                Map.of("url", served.resolve("large.git").toUri().toString(), "into", "app"));
        context.cancellation.cancelAfter(50);

        assertThatThrownBy(context::run).isInstanceOf(InterruptedException.class);

        assertThat(work.resolve("app")).doesNotExist();
    }
}
