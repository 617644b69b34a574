package dev.pipewright.engine.store;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.query.RunSource;
import dev.pipewright.engine.state.RunProjection;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reading side of the run store: lists the runs under {@code <state-dir>/.pipewright/runs}
 * and loads one by projecting its {@code events.jsonl} with the {@link RunProjection} a live run
 * uses. A run whose log has no final event and whose process is gone reads as
 * {@link RunStatus#INTERRUPTED}. Listing goes through the {@link RunIndex}, so it stays fast with
 * thousands of runs. Safe to use from several processes at once.
 */
public final class RunStore implements RunSource {

    /** A run with no {@code pipeline:start} after this long never started. */
    private static final Duration START_GRACE = Duration.ofMinutes(1);

    private final Path stateDirectory;
    private final Path runsRoot;

    public RunStore(Path stateDirectory) {
        this.stateDirectory = stateDirectory.toAbsolutePath().normalize();
        this.runsRoot = RunDirectory.runsRoot(this.stateDirectory);
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    public Path runsRoot() {
        return runsRoot;
    }

    public Path eventsFile(String runId) {
        return RunDirectory.of(stateDirectory, runId).eventsFile();
    }

    /** Every run id, newest first (ids sort by start time). */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (String name : names()) {
            if (RunIds.looksLikeRunId(name)) {
                ids.add(name);
            }
        }
        ids.sort(Comparator.reverseOrder());
        return ids;
    }

    /**
     * The names in the runs directory. {@link File#list} reads them in one call, without a path
     * object per entry (a third of a cold {@code runs} over 10,000 runs went to that), but does
     * not say why it failed: then the directory is listed again to find out.
     */
    private String[] names() {
        String[] names = runsRoot.toFile().list();
        if (names != null) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runsRoot)) {
            List<String> listed = new ArrayList<>();
            entries.forEach(entry -> listed.add(entry.getFileName().toString()));
            return listed.toArray(String[]::new);
        } catch (NoSuchFileException e) {
            return new String[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs in " + runsRoot + ": " + e.getMessage(), e);
        }
    }

    /**
     * The run with this id, or with the only id that starts with it (so a unique prefix of an id is
     * enough, as with git).
     */
    public Optional<String> resolve(String idOrPrefix) {
        if (Files.isDirectory(runsRoot.resolve(idOrPrefix)) && RunIds.looksLikeRunId(idOrPrefix)) {
            return Optional.of(idOrPrefix);
        }
        List<String> matches = ids().stream().filter(id -> id.startsWith(idOrPrefix)).limit(2).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    @Override
    public Optional<RunState> run(String idOrPrefix) {
        return resolve(idOrPrefix).map(this::load);
    }

    @Override
    public Optional<RunState> latest(String pipeline) {
        return list(pipeline, null, 1).stream().findFirst().flatMap(summary -> run(summary.id()));
    }

    @Override
    public List<RunState> list(String pipeline, RunStatus state, int last) {
        Summaries summaries = summaries();
        List<RunState> matching = new ArrayList<>();
        for (String id : summaries.ids()) {
            if (matching.size() >= last) {
                break;
            }
            RunState run = summaries.summary(id, this::load);
            if ((pipeline == null || pipeline.equals(run.pipeline())) && (state == null || state == run.state())) {
                matching.add(run);
            }
        }
        return matching;
    }

    @Override
    public List<RunEvent> events(String runId) {
        try {
            return EventLogReader.read(eventsFile(runId)).events();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eventsFile(runId) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> pipelines() {
        Summaries summaries = summaries();
        return summaries.ids().stream().map(id -> summaries.summary(id, this::load)).map(RunState::pipeline).distinct().sorted().toList();
    }

    /**
     * Every run, newest first: ended runs from the index (decoded when asked for), the others (and
     * runs the index does not know yet) from their logs. The index is rewritten when it was
     * missing, unreadable or out of date. When it holds every run directory, its order (newest
     * first) is the listing's, and the 10,000 ids of a large store need no sorting.
     */
    private Summaries summaries() {
        Optional<Map<String, String>> index = RunIndex.read(runsRoot);
        Map<String, String> indexed = index.orElse(Map.of());
        List<String> listed = new ArrayList<>();
        Map<String, RunState> loaded = new HashMap<>();
        boolean changed = false;
        for (String name : names()) {
            if (RunIds.looksLikeRunId(name)) {
                listed.add(name);
                if (!indexed.containsKey(name)) {
                    RunState run = load(name);
                    loaded.put(name, run);
                    changed |= run.state().ended();
                }
            }
        }
        changed |= index.isEmpty() && !listed.isEmpty();
        changed |= indexed.size() + loaded.size() != listed.size();
        List<String> ids;
        if (loaded.isEmpty() && indexed.size() == listed.size()) {
            ids = List.copyOf(indexed.keySet());
        } else {
            listed.sort(Comparator.reverseOrder());
            ids = listed;
        }
        Summaries summaries = new Summaries(ids, indexed, loaded);
        if (changed) {
            writeIndex(summaries);
        }
        return summaries;
    }

    /** The runs of one listing: ids newest first, with index entries or loaded states. */
    private record Summaries(List<String> ids, Map<String, String> indexed, Map<String, RunState> loaded) {
        /** The run's summary; an index entry that does not parse is replaced by its log's projection. */
        RunState summary(String id, Function<String, RunState> load) {
            RunState run = loaded.get(id);
            if (run != null) {
                return run;
            }
            try {
                return RunIndex.decode(indexed.get(id));
            } catch (RuntimeException e) {
                return load.apply(id);
            }
        }
    }

    private void writeIndex(Summaries summaries) {
        List<String> entries = new ArrayList<>();
        for (String id : summaries.ids()) {
            String entry = summaries.indexed().get(id);
            RunState run = summaries.loaded().get(id);
            if (entry != null) {
                entries.add(entry);
            } else if (run != null && run.state().ended()) {
                entries.add(RunIndex.encode(run));
            }
        }
        try {
            RunIndex.write(runsRoot, entries);
        } catch (IOException e) {
            // A read-only state directory still lists its runs, only more slowly.
        }
    }

    /** Projects the run's log and, when it has no final event, asks whether its process lives. */
    private RunState load(String id) {
        RunProjection projection = new RunProjection();
        Path eventsFile = eventsFile(id);
        try {
            EventLogReader.read(eventsFile, projection::apply);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eventsFile + ": " + e.getMessage(), e);
        }
        if (projection.eventCount() == 0) {
            return neverStarted(id, eventsFile);
        }
        RunState state = projection.snapshot();
        if (state.state().ended()) {
            return state;
        }
        if (state.pid() <= 0) {
            return state;
        }
        ProcessLiveness.Verdict verdict = ProcessLiveness.check(state.pid(), state.host(), state.started());
        if (verdict == ProcessLiveness.Verdict.GONE) {
            return state.interrupted(ProcessLiveness.describeGone(state.pid(), state.host()), projection.lastEvent());
        }
        return state;
    }

    /** A run directory whose log holds no event: starting, or a process that died at once. */
    private RunState neverStarted(String id, Path eventsFile) {
        Instant created;
        try {
            created = Files.getLastModifiedTime(eventsFile.getParent()).toInstant();
        } catch (IOException e) {
            created = Instant.EPOCH;
        }
        RunState empty = new RunState(id, "?", RunStatus.RUNNING, 0, null, created, null, null, Map.of(), null, null, 0,
                -1, null, List.of());
        if (created.plus(START_GRACE).isBefore(Instant.now())) {
            return empty.interrupted("interrupted: the run never started (its event log is empty)", created);
        }
        return empty;
    }
}
