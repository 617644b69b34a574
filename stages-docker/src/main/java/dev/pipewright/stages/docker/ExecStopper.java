package dev.pipewright.stages.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a command that {@code docker.exec} started, which the Docker engine has no call for.
 *
 * <p>The command runs with a unique marker in its environment ({@value #VARIABLE}), which every
 * process it starts inherits, grandchildren reparented to the container's init included. Stopping
 * it is a second exec, a small {@code sh} script that finds the marked processes in
 * {@code /proc}, sends them TERM, and KILL to those still there after {@link #GRACE}. The script
 * runs inside the container, so it finishes its work even when Pipewright stops waiting (a
 * second Ctrl-C) or exits. A container without {@code sh} cannot run it: its command keeps
 * running until the container is removed, as it did before this existed.
 */
final class ExecStopper {

    /** The environment variable that marks the processes of one {@code docker.exec} call. */
    static final String VARIABLE = "PIPEWRIGHT_EXEC";

    /**
     * Between TERM and KILL: most of the engine's 5 s stage grace period, leaving the rest for
     * the KILL and the attempt to end before the engine abandons it.
     */
    static final Duration GRACE = Duration.ofSeconds(4);

    /** How long the attempt waits for the stopping script; past it the script goes on alone. */
    private static final Duration WAIT = GRACE.plusMillis(700);

    /**
     * {@code sh -c SCRIPT sh MARKER GRACE_IN_HUNDREDTHS}, with builtins only (a fork per process
     * scanned would make a crowded container slow to stop). {@code read} drops the NUL bytes of
     * {@code /proc/N/environ} (ash, dash and bash alike), which leaves the entries run together:
     * enough to find a unique marker. A process that has exited (a zombie) has an empty environ.
     * The clock is {@code /proc/uptime} (hundredths of a second, no command needed), so a slow
     * scan of many processes does not stretch the grace period. Exits 0 once no marked process is
     * left, 3 when some survived KILL.
     */
    private static final String SCRIPT = """
            marked() {
              for d in /proc/[0-9]*; do
                e=; { IFS= read -r e < "$d/environ"; } 2>/dev/null
                case "$e" in *"$1"*) echo "${d#/proc/}" ;; esac
              done
            }
            now() { read -r up rest < /proc/uptime; echo "${up%.*}${up#*.}"; }
            pause() { sleep 0.1 2>/dev/null || sleep 1; }
            pids=$(marked "$1"); [ -n "$pids" ] || exit 0
            kill -TERM $pids 2>/dev/null
            deadline=$(( $(now) + $2 ))
            while [ "$(now)" -lt "$deadline" ]; do
              pids=$(marked "$1"); [ -n "$pids" ] || exit 0
              pause
            done
            for attempt in 1 2 3; do
              kill -KILL $pids 2>/dev/null
              pause
              pids=$(marked "$1"); [ -n "$pids" ] || exit 0
            done
            echo "still running after KILL: $pids"
            exit 3
            """;

    private final DockerEngine engine;
    private final String container;
    private final String user;
    private final String marker = VARIABLE + "=" + UUID.randomUUID();
    private CompletableFuture<Optional<String>> stopping;

    /**
     * @param user the user the command runs as (null: the container's), so the script may read
     *     its processes' environment and signal them
     */
    ExecStopper(DockerEngine engine, String container, String user) {
        this.engine = engine;
        this.container = container;
        this.user = user;
    }

    /** The {@code NAME=value} entry to add to the command's environment. */
    String environmentEntry() {
        return marker;
    }

    /**
     * Starts the stopping script unless it was started already: the cancellation callback. Quick
     * (two engine calls; the script then runs on its own) and never throws.
     */
    synchronized void start() {
        if (stopping == null) {
            stopping = launch();
        }
    }

    /**
     * Stops the command and waits, bounded, until it is gone; call on the attempt's thread after
     * a cancellation. Runs the script a second time when the command is still running after the
     * first found nothing (it started between the cancellation and the engine starting it).
     *
     * @return empty when nothing of the command is left; otherwise a sentence saying why not
     */
    Optional<String> stop(String execId, String command) {
        return Interrupts.clearedWhile(() -> {
            start();
            Optional<String> problem = await(current());
            if (problem.isEmpty() && stillRunning(execId)) {
                synchronized (this) {
                    stopping = launch();
                }
                problem = await(current());
            }
            if (problem.isEmpty() && stillRunning(execId)) {
                problem = Optional.of("it still runs after TERM and KILL (the script that stops it finds processes"
                        + " through /proc)");
            }
            return problem.map(p -> "docker.exec could not stop " + command + " in container " + container + ": " + p
                    + "; it keeps running until the container is removed (docker.remove, or the end of the run).");
        });
    }

    private synchronized CompletableFuture<Optional<String>> current() {
        return stopping;
    }

    private CompletableFuture<Optional<String>> launch() {
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        Interrupts.clearedWhile(() -> {
            try {
                ExecCreateCmd create = engine.client().execCreateCmd(container)
                        .withCmd("sh", "-c", SCRIPT, "sh", marker, Long.toString(GRACE.toMillis() / 10))
                        .withAttachStdout(true).withAttachStderr(true);
                if (user != null) {
                    create.withUser(user);
                }
                String id = create.exec().getId();
                engine.client().execStartCmd(id).exec(new Collector(id, result));
            } catch (NotFoundException | ConflictException e) {
                result.complete(Optional.empty()); // the container is gone or stopped, and the command with it
            } catch (RuntimeException e) {
                result.complete(Optional.of("the engine refused the exec that stops it ("
                        + engine.failures().describe(e, "stop the command") + ")"));
            }
        });
        return result;
    }

    private Optional<String> await(CompletableFuture<Optional<String>> result) {
        try {
            return result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of("it did not end within " + WAIT.toMillis() + " ms of TERM (the KILL that follows"
                    + " inside the container may still end it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("Pipewright stopped waiting for it");
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause()));
        }
    }

    private boolean stillRunning(String execId) {
        try {
            return Boolean.TRUE.equals(engine.client().inspectExecCmd(execId).exec().isRunning());
        } catch (RuntimeException e) {
            return false; // the container is gone, and the command with it
        }
    }

    /** Collects the script's output and turns its exit code into the answer of {@link #stop}. */
    private final class Collector extends ResultCallback.Adapter<Frame> {
        private final String execId;
        private final CompletableFuture<Optional<String>> result;
        private final StringBuilder output = new StringBuilder();

        Collector(String execId, CompletableFuture<Optional<String>> result) {
            this.execId = execId;
            this.result = result;
        }

        @Override
        public void onNext(Frame frame) {
            if (output.length() < 4096) {
                output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public void onError(Throwable error) {
            result.complete(Optional.of("following the exec that stops it failed (" + error.getMessage() + ")"));
            super.onError(error);
        }

        @Override
        public void onComplete() {
            result.complete(verdict());
            super.onComplete();
        }

        private Optional<String> verdict() {
            Long code;
            try {
                InspectExecResponse inspected = engine.client().inspectExecCmd(execId).exec();
                code = inspected.getExitCodeLong();
            } catch (RuntimeException e) {
                return Optional.empty(); // the container is gone, and the command with it
            }
            String said = output.toString().strip();
            if (code != null && code == 0) {
                return Optional.empty();
            }
            if (code != null && (code == 126 || code == 127)) {
                return Optional.of("the container has no `sh` to run the script that stops it (" + said + ")");
            }
            return Optional.of("the script that stops it exited with code " + code + (said.isEmpty() ? "" : " (" + said + ")"));
        }
    }
}
