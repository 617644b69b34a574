package dev.pipewright.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

    @Test
    void printsWhatAnObjectMapperPrints() throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode answer = nodes.objectNode();
        answer.putObject("pipeline").put("state", "succeeded").put("progress", 1.0).putNull("currentStage")
                .put("text", "café \"quoted\"\n\ttab").put("int", 7).put("long", 12_345_678_901L)
                .put("big", new BigInteger("123456789012345678901234567890")).put("decimal", new BigDecimal("1.50"))
                .put("float", 0.25f).put("yes", true).put("no", false);
        answer.putArray("stages").add(nodes.objectNode().put("name", "build").put("duration", 7880)).add(nodes.arrayNode())
                .add(nodes.objectNode());
        answer.putArray("none");

        assertThat(AnswerJson.indented(answer))
                .isEqualTo(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(answer));
        assertThat(AnswerJson.compact(answer)).isEqualTo(answer.toString());
    }
}
