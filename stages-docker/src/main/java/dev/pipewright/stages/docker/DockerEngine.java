package dev.pipewright.stages.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection to one Docker engine, shared by every stage type of the plugin and every run of
 * the process. The client is made on first use, so loading the plugin to list or check stage
 * types never touches the engine.
 */
public final class DockerEngine implements AutoCloseable {

    private final DockerEndpoint endpoint;
    private final DockerFailures failures;
    private DockerClient client;
    /** Runs of this process that created containers: only those need cleaning up when they end. */
    private final Set<String> runsWithContainers = ConcurrentHashMap.newKeySet();

    public DockerEngine(DockerEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is null");
        this.failures = new DockerFailures(endpoint);
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /** Turns what docker-java throws into a failure a person can act on. */
    public DockerFailures failures() {
        return failures;
    }

    /**
     * The shared client.
     *
     * @throws DockerUnreachableException when {@code DOCKER_HOST} cannot even be turned into a client
     */
    public synchronized DockerClient client() {
        if (client == null) {
            client = connect();
        }
        return client;
    }

    /** Records that {@code runId} is about to create a container. */
    void containerCreatedFor(String runId) {
        runsWithContainers.add(runId);
    }

    /** Whether {@code runId} created containers in this process; forgets it. */
    boolean forgetRun(String runId) {
        return runsWithContainers.remove(runId);
    }

    /** Pings the engine; empty when it answers, otherwise the sentence that says where it tried and what to check. */
    public Optional<String> problem() {
        try {
            client().pingCmd().exec();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(failures.describe(e, "ping the Docker engine"));
        }
    }

    private DockerClient connect() {
        try {
            DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(endpoint.host())
                    .withDockerTlsVerify(endpoint.tlsVerify())
                    .withDockerCertPath(endpoint.certPath() == null
                            ? System.getProperty("user.home") + "/.docker" : endpoint.certPath())
                    .build();
            ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .maxConnections(64)
                    .connectionTimeout(Duration.ofSeconds(5))
                    // No response timeout: following a container's output or a build may take hours;
                    // stage timeouts belong to the engine and reach us as cancellation.
                    .build();
            return DockerClientImpl.getInstance(config, http);
        } catch (RuntimeException e) {
            throw new DockerUnreachableException("Cannot use the Docker engine at " + endpoint.describe() + " ("
                    + DockerFailures.rootMessage(e) + "); " + endpoint.advice() + ".", e);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // Closing idle connections at exit; nothing a user could do about it.
            }
            client = null;
        }
    }

    /** The engine could not be reached or addressed; the message is the one sentence a user sees. */
    public static final class DockerUnreachableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DockerUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
