package dev.pipewright.stages.docker;

import java.util.Map;
import java.util.Objects;

/**
 * Where the Docker engine is, read the way the docker command line reads it: {@code DOCKER_HOST}
 * ({@code unix:///path} or {@code tcp://host:port}), TLS through {@code DOCKER_TLS_VERIFY} and
 * {@code DOCKER_CERT_PATH}, and the local socket when {@code DOCKER_HOST} is not set.
 *
 * @param host the engine's address, {@code unix:///var/run/docker.sock} by default
 * @param fromDockerHost whether {@code host} came from {@code DOCKER_HOST}
 * @param tlsVerify whether to speak TLS and verify the engine's certificate
 * @param certPath the directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem}; null
 *     for {@code ~/.docker}
 */
public record DockerEndpoint(String host, boolean fromDockerHost, boolean tlsVerify, String certPath) {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    public DockerEndpoint {
        Objects.requireNonNull(host, "host is null");
    }

    /** The endpoint the process environment names. */
    public static DockerEndpoint fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The endpoint {@code env} names; tests pass their own map. */
    public static DockerEndpoint fromEnvironment(Map<String, String> env) {
        String host = blankToNull(env.get("DOCKER_HOST"));
        String verify = blankToNull(env.get("DOCKER_TLS_VERIFY"));
        // The docker command line treats any non-empty value other than "0" as "verify".
        boolean tls = verify != null && !verify.equals("0") && !verify.equalsIgnoreCase("false");
        return new DockerEndpoint(host == null ? DEFAULT_HOST : host, host != null, tls,
                blankToNull(env.get("DOCKER_CERT_PATH")));
    }

    /** Where a connection was tried, for messages: {@code DOCKER_HOST=tcp://...} or the default socket. */
    public String describe() {
        String where = fromDockerHost ? "DOCKER_HOST=" + host : "the default socket " + host;
        return tlsVerify ? where + " (TLS, certificates in " + (certPath == null ? "~/.docker" : certPath) + ")" : where;
    }

    /** What a person should check when the engine does not answer there. */
    public String advice() {
        if (host.startsWith("unix://")) {
            return fromDockerHost
                    ? "check that dockerd is running and listens on that socket, or unset DOCKER_HOST to use "
                            + DEFAULT_HOST
                    : "check that dockerd is running and that this user may open the socket, or set DOCKER_HOST";
        }
        return "check that dockerd is running and listens on that address"
                + (tlsVerify ? " and that the TLS certificates match it" : "")
                + ", or fix DOCKER_HOST";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
