package dev.pipewright.engine.query;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunEvent.PipelineCancelled;
import dev.pipewright.engine.events.RunEvent.PipelineCompleted;
import dev.pipewright.engine.events.RunEvent.PipelineFailed;
import dev.pipewright.engine.events.RunEvent.PipelineStarted;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.events.RunEvent.StageFailed;
import dev.pipewright.engine.events.RunEvent.StageLogged;
import dev.pipewright.engine.events.RunEvent.StageProgressed;
import dev.pipewright.engine.events.RunEvent.StageRetrying;
import dev.pipewright.engine.events.RunEvent.StageSkipped;
import dev.pipewright.engine.events.RunEvent.StageStarted;
import dev.pipewright.engine.events.RunEvent.StageWarned;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event's fields by their query names; a field the event does not have reads as null. */
final class EventFields {

    private EventFields() {
    }

    /** A full type name ({@code stage:log}) or a family ({@code stage}, {@code pipeline}). */
    static boolean knownType(String type) {
        return QuerySchema.EVENT_TYPES.contains(type) || type.equals("stage") || type.equals("pipeline");
    }

    static boolean matches(RunEvent event, String type) {
        return type == null || event.type().equals(type) || event.type().startsWith(type + ":");
    }

    static Map<String, Object> of(RunEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", event.type());
        fields.put("time", event.time());
        fields.put("parent", event.header().parent());
        if (event instanceof RunEvent.StageEvent stageEvent) {
            fields.put("stage", stageEvent.stage());
        }
        if (event instanceof PipelineStarted e) {
            fields.put("totalStages", e.totalStages());
            fields.put("params", e.params());
            fields.put("pid", e.pid());
            fields.put("host", e.host());
        } else if (event instanceof StageStarted e) {
            fields.put("index", e.index());
            fields.put("attempt", e.attempt());
            fields.put("progress", e.progress());
        } else if (event instanceof StageProgressed e) {
            fields.put("fraction", e.fraction());
            fields.put("message", e.message());
        } else if (event instanceof StageLogged e) {
            fields.put("stream", e.stream());
            fields.put("line", e.line());
        } else if (event instanceof StageRetrying e) {
            fields.put("attempt", e.attempt());
            fields.put("delay", e.delay());
            fields.put("error", e.error());
        } else if (event instanceof StageSkipped e) {
            fields.put("reason", e.reason());
        } else if (event instanceof StageCompleted e) {
            fields.put("index", e.index());
            fields.put("duration", e.duration());
            fields.put("progress", e.progress());
            fields.put("outputs", e.outputs());
        } else if (event instanceof StageWarned e) {
            fields.put("error", e.error());
            fields.put("message", e.message());
        } else if (event instanceof StageFailed e) {
            fields.put("error", e.error());
            fields.put("duration", e.duration());
            fields.put("timedOut", e.timedOut());
            fields.put("cancelled", e.cancelled());
        } else if (event instanceof PipelineCompleted e) {
            fields.put("duration", e.duration());
            fields.put("metrics", e.metrics());
        } else if (event instanceof PipelineFailed e) {
            fields.put("error", e.error());
            fields.put("failedStage", e.failedStage());
            fields.put("duration", e.duration());
            fields.put("metrics", e.metrics());
        } else if (event instanceof PipelineCancelled e) {
            fields.put("reason", e.reason());
            fields.put("duration", e.duration());
            fields.put("metrics", e.metrics());
        }
        return fields;
    }
}
