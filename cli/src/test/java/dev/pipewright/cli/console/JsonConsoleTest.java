package dev.pipewright.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonConsoleTest {

    @Test
    void everyEventIsOneJsonLineThatDecodesToTheSameEvent() {
        Events events = new Events();
        List<RunEvent> run = List.of(events.started(1), events.stageStarted("greet", 1, 0),
                events.log("greet", "say \"hi\"\tand\nmore"), events.completed("greet", 20, 1.0),
                events.pipelineCompleted(1, 1));
        StringWriter text = new StringWriter();
        JsonConsole console = new JsonConsole(new PrintWriter(text));
        run.forEach(console::onEvent);
        console.close();

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(run.size());
        assertThat(lines.stream().map(EventCodec::decode).toList()).isEqualTo(run);
    }
}
