package dev.pipewright.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.spi.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamTypesTest {

    private static Param param(String declaration) {
        return PipelineParser.parse("t", "pipeline p { " + declaration + " }").file().orElseThrow()
                .pipeline().params().get(0);
    }

    @Test
    void anUndeclaredTypeIsTheTypeOfTheDefaultOrString() {
        assertThat(ParamTypes.of(param("param n = 3"))).isEqualTo(ValueType.INT);
        assertThat(ParamTypes.of(param("param names = [\"a\"]"))).isEqualTo(ValueType.LIST);
        assertThat(ParamTypes.of(param("param wait = 5s"))).isEqualTo(ValueType.DURATION);
        assertThat(ParamTypes.of(param("param tag"))).isEqualTo(ValueType.STRING);
        assertThat(ParamTypes.of(param("param where: path"))).isEqualTo(ValueType.PATH);
    }

    @Test
    void commandLineTextIsReadByTheDeclaredType() {
        assertThat(ParamTypes.convert(ValueType.INT, "42")).isEqualTo(42L);
        assertThat(ParamTypes.convert(ValueType.BOOL, "true")).isEqualTo(true);
        assertThat(ParamTypes.convert(ValueType.DURATION, "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ParamTypes.convert(ValueType.LIST, "[\"a\", 2]")).isEqualTo(List.of("a", 2L));
        assertThat(ParamTypes.convert(ValueType.MAP, "{ depth = 1, url = \"x\" }")).isEqualTo(Map.of("depth", 1L, "url", "x"));
        assertThat(ParamTypes.convert(ValueType.STRING, "[not a list]")).isEqualTo("[not a list]");
    }

    @Test
    void textThatDoesNotFitSaysWhatWasExpected() {
        assertThatThrownBy(() -> ParamTypes.convert(ValueType.INT, "two")).hasMessage("expected a whole number, got `two`");
        assertThatThrownBy(() -> ParamTypes.convert(ValueType.BOOL, "yes")).hasMessage("expected true or false, got `yes`");
        assertThatThrownBy(() -> ParamTypes.convert(ValueType.DURATION, "5d")).hasMessage("`5d` is not a duration");
        assertThatThrownBy(() -> ParamTypes.convert(ValueType.LIST, "a, b"))
                .hasMessage("expected a list written like `[\"a\", \"b\"]`, got `a, b`");
    }

    @Test
    void typedValuesFromAParametersFileMustFit() {
        assertThat(ParamTypes.convert(ValueType.INT, 3)).isEqualTo(3L);
        assertThatThrownBy(() -> ParamTypes.convert(ValueType.LIST, Map.of())).hasMessageStartingWith("expected a list");
    }
}
