package dev.pipewright.stages.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.CommitCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.ExposedPorts;
import dev.pipewright.spi.StageFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Dockerfile instructions {@code docker.commit} applies to the new image ({@code docker commit
 * --change}): {@code CMD}, {@code ENV}, {@code WORKDIR}, {@code USER}, {@code LABEL} and
 * {@code EXPOSE}, the ones the engine's commit call accepts.
 */
final class CommitChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private List<String> cmd;
    private final List<String> env = new ArrayList<>();
    private String workdir;
    private String user;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<ExposedPort> ports = new ArrayList<>();

    private CommitChanges() {
    }

    static CommitChanges parse(List<String> changes) throws StageFailure {
        CommitChanges parsed = new CommitChanges();
        for (String change : changes) {
            parsed.accept(change.strip());
        }
        return parsed;
    }

    private void accept(String change) throws StageFailure {
        String[] parts = change.split("\\s+", 2);
        String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        if (rest.isEmpty()) {
            throw StageFailure.permanent("Change `" + change + "` has no value; e.g. `CMD [\"sh\"]`, `ENV A=1`, `WORKDIR /src`.");
        }
        switch (keyword) {
            case "CMD" -> cmd = command(change, rest);
            case "ENV" -> env.addAll(pairs(change, rest).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            case "LABEL" -> labels.putAll(pairs(change, rest));
            case "WORKDIR" -> workdir = rest;
            case "USER" -> user = rest;
            case "EXPOSE" -> Arrays.stream(rest.split("\\s+")).map(ExposedPort::parse).forEach(ports::add);
            default -> throw StageFailure.permanent("Change `" + change + "` is not supported; docker.commit applies "
                    + "CMD, ENV, WORKDIR, USER, LABEL and EXPOSE.");
        }
    }

    /** Labels from changes, merged over {@code labels} given as an argument. */
    void applyTo(CommitCmd commit, Map<String, String> extraLabels) {
        if (cmd != null) {
            commit.withCmd(cmd.toArray(String[]::new));
        }
        if (!env.isEmpty()) {
            commit.withEnv(env.toArray(String[]::new));
        }
        if (workdir != null) {
            commit.withWorkingDir(workdir);
        }
        if (user != null) {
            commit.withUser(user);
        }
        Map<String, String> allLabels = new LinkedHashMap<>(extraLabels);
        allLabels.putAll(labels);
        if (!allLabels.isEmpty()) {
            commit.withLabels(allLabels);
        }
        if (!ports.isEmpty()) {
            commit.withExposedPorts(new ExposedPorts(ports));
        }
    }

    /** {@code ["sh", "-c", "x"]} as it is; the shell form {@code make test} as {@code /bin/sh -c "make test"}. */
    private static List<String> command(String change, String rest) throws StageFailure {
        if (!rest.startsWith("[")) {
            return List.of("/bin/sh", "-c", rest);
        }
        try {
            return Arrays.asList(JSON.readValue(rest, String[].class));
        } catch (JsonProcessingException e) {
            throw StageFailure.permanent("Change `" + change + "` is not a JSON list of strings, e.g. `CMD [\"sh\", \"-c\", \"make\"]`.");
        }
    }

    /** {@code A=1 B=2}, or the old form {@code A 1}. */
    private static Map<String, String> pairs(String change, String rest) throws StageFailure {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (!rest.contains("=")) {
            String[] kv = rest.split("\\s+", 2);
            pairs.put(kv[0], kv.length > 1 ? kv[1] : "");
            return pairs;
        }
        for (String pair : rest.split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw StageFailure.permanent("Change `" + change + "`: `" + pair + "` is not KEY=VALUE.");
            }
            pairs.put(pair.substring(0, eq), unquote(pair.substring(eq + 1)));
        }
        return pairs;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
