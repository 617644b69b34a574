package dev.pipewright.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.state.LogLine;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.engine.state.StageState;
import dev.pipewright.grammar.query.Field;
import dev.pipewright.grammar.query.Query;
import dev.pipewright.grammar.query.QueryDiagnostic;
import dev.pipewright.grammar.query.QueryException;
import dev.pipewright.grammar.query.QueryParser;
import dev.pipewright.grammar.query.Value;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers queries: parses, validates against the {@link QuerySchema}, then builds a JSON object
 * shaped exactly like the selection (only the selected fields, in the order selected).
 */
public final class QueryExecutor {

    /** Run fields a summary from the index can answer without reading the run's log. */
    private static final Set<String> SUMMARY_FIELDS = Set.of(
            "id", "pipeline", "state", "progress", "currentStage", "started", "finished", "duration", "error");

    private final RunSource source;
    private final Clock clock;

    public QueryExecutor(RunSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Parses, checks and answers; any problem is a {@link QueryException} with positions. */
    public ObjectNode execute(String text) {
        Query query = QueryParser.parse(text);
        QueryValidator.validate(query);
        return execute(query);
    }

    /** Answers a query that {@link QueryValidator} accepted. */
    public ObjectNode execute(Query query) {
        Instant now = clock.instant();
        ObjectNode answer = JsonValues.NODES.objectNode();
        for (Field field : query.fields()) {
            answer.set(field.name().value(), root(query, field, now));
        }
        return answer;
    }

    private JsonNode root(Query query, Field field, Instant now) {
        switch (field.name().value()) {
            case "pipeline" -> {
                String name = stringArgument(field, "name");
                String runId = stringArgument(field, "run");
                RunState run;
                if (runId == null) {
                    run = source.latest(name).orElseThrow(() -> notFound(query, field, "pipeline `" + name
                            + "` has no runs" + pipelineHint(name)));
                } else {
                    run = source.run(runId).filter(found -> name.equals(found.pipeline()))
                            .orElseThrow(() -> notFound(query, field, "pipeline `" + name + "` has no run `" + runId
                                    + "`; `runs(pipeline: \"" + name + "\") { id started state }` lists its runs"));
                }
                return run(run, field.selection(), now);
            }
            case "run" -> {
                String id = stringArgument(field, "id");
                RunState run = source.run(id).orElseThrow(() -> notFound(query, field, "there is no run `" + id
                        + "`; `runs(last: 10) { id pipeline state }` lists the newest"));
                return run(run, field.selection(), now);
            }
            case "runs" -> {
                String state = stringArgument(field, "state");
                Long last = intArgument(field, "last");
                List<RunState> runs = source.list(stringArgument(field, "pipeline"),
                        state == null ? null : RunStatus.parse(state).orElseThrow(),
                        last == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, last));
                boolean summariesSuffice = field.selection().stream()
                        .allMatch(sub -> SUMMARY_FIELDS.contains(sub.name().value()));
                ArrayNode array = JsonValues.NODES.arrayNode();
                for (RunState summary : runs) {
                    RunState run = summariesSuffice ? summary : source.run(summary.id()).orElse(summary);
                    array.add(run(run, field.selection(), now));
                }
                return array;
            }
            default -> throw new IllegalStateException("the validator let through root field " + field.name());
        }
    }

    private ObjectNode run(RunState run, List<Field> selection, Instant now) {
        ObjectNode node = JsonValues.NODES.objectNode();
        for (Field field : selection) {
            String name = field.name().value();
            JsonNode value = switch (name) {
                case "id" -> JsonValues.of(run.id());
                case "pipeline" -> JsonValues.of(run.pipeline());
                case "state" -> JsonValues.of(run.state().label());
                case "progress" -> JsonValues.share(run.progress());
                case "currentStage" -> JsonValues.of(run.currentStage());
                case "started" -> JsonValues.of(run.started());
                case "finished" -> JsonValues.of(run.finished());
                case "duration" -> JsonValues.of(run.durationAt(now));
                case "params" -> JsonValues.of(run.params());
                case "error" -> JsonValues.of(run.error());
                case "stages" -> {
                    ArrayNode stages = JsonValues.NODES.arrayNode();
                    run.stages().forEach(stage -> stages.add(stage(stage, field.selection(), now)));
                    yield stages;
                }
                case "events" -> events(run, field);
                default -> throw new IllegalStateException("the validator let through run field " + name);
            };
            node.set(name, value);
        }
        return node;
    }

    private ObjectNode stage(StageState stage, List<Field> selection, Instant now) {
        ObjectNode node = JsonValues.NODES.objectNode();
        for (Field field : selection) {
            String name = field.name().value();
            JsonNode value = switch (name) {
                case "name" -> JsonValues.of(stage.name());
                case "type" -> JsonValues.of(stage.type());
                case "status" -> JsonValues.of(stage.status().label());
                case "attempts" -> JsonValues.of(stage.attempts());
                case "progress" -> stage.progress() == null ? JsonValues.of(null) : JsonValues.share(stage.progress());
                case "started" -> JsonValues.of(stage.started());
                case "finished" -> JsonValues.of(stage.finished());
                case "duration" -> JsonValues.of(stage.durationAt(now));
                case "error" -> JsonValues.of(stage.error());
                case "outputs" -> JsonValues.of(stage.outputs());
                case "logs" -> {
                    List<LogLine> logs = lastOf(stage.logs(), intArgument(field, "last"));
                    yield JsonValues.of(logs.stream().map(LogLine::line).toList());
                }
                default -> throw new IllegalStateException("the validator let through stage field " + name);
            };
            node.set(name, value);
        }
        return node;
    }

    private ArrayNode events(RunState run, Field field) {
        String type = stringArgument(field, "type");
        List<RunEvent> events = source.events(run.id()).stream().filter(e -> EventFields.matches(e, type)).toList();
        ArrayNode array = JsonValues.NODES.arrayNode();
        for (RunEvent event : lastOf(events, intArgument(field, "last"))) {
            Map<String, Object> fields = EventFields.of(event);
            ObjectNode node = array.addObject();
            for (Field sub : field.selection()) {
                node.set(sub.name().value(), JsonValues.of(fields.get(sub.name().value())));
            }
        }
        return array;
    }

    private static <T> List<T> lastOf(List<T> items, Long last) {
        if (last == null || last >= items.size()) {
            return items;
        }
        return items.subList(items.size() - last.intValue(), items.size());
    }

    private String pipelineHint(String name) {
        List<String> known = source.pipelines();
        if (known.isEmpty()) {
            return "; no pipeline has run here yet (is --state-dir right?)";
        }
        return DidYouMean.closest(name, known).map(match -> " (did you mean `" + match + "`?)")
                .orElse("; pipelines with runs: " + String.join(", ", known));
    }

    private static QueryException notFound(Query query, Field field, String message) {
        return new QueryException(query.source(), List.of(new QueryDiagnostic(field.name().span(), message)));
    }

    private static String stringArgument(Field field, String name) {
        return field.argument(name).map(argument -> text(argument.value())).orElse(null);
    }

    private static Long intArgument(Field field, String name) {
        return field.argument(name).map(argument -> ((Value.Int) argument.value()).value()).orElse(null);
    }

    static String text(Value value) {
        if (value instanceof Value.Text text) {
            return text.value();
        }
        if (value instanceof Value.Word word) {
            return word.value();
        }
        return value.display();
    }
}
