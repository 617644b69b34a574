package dev.pipewright.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final Bindings BINDINGS = ref -> switch (ref.dotted()) {
        case "params.name" -> "pw";
        case "params.none" -> null;
        case "params.count" -> 3L;
        case "params.wait" -> Duration.ofSeconds(90);
        case "params.repo" -> Map.of("url", "git://x");
        case "params.flag" -> true;
        default -> throw new ExpressionException("unknown " + ref.dotted(), ref.span());
    };

    /** The expression of {@code x = ...} in a core.set stage. */
    private static Expr expr(String text) {
        String file = "pipeline p { stage s { uses = core.set  with { x = " + text + " } } }";
        Block.Stage stage = (Block.Stage) PipelineParser.parse("t.pipeline", file).file().orElseThrow().pipeline().body().get(0);
        return stage.with().orElseThrow().entries().get(0).value();
    }

    private static Object eval(String text) throws ExpressionException {
        return Evaluator.evaluate(expr(text), BINDINGS);
    }

    @Test
    void literalsHaveTheirRuntimeTypes() throws Exception {
        assertThat(eval("42")).isEqualTo(42L);
        assertThat(eval("1.5")).isEqualTo(1.5);
        assertThat(eval("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(eval("[1, \"a\", null]")).isEqualTo(java.util.Arrays.asList(1L, "a", null));
        assertThat(eval("{ a = 1 }")).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void interpolationRendersValuesAsPipelinesWriteThem() throws Exception {
        assertThat(eval("\"${params.name}-${params.count} ${params.wait} [${params.none}]\"")).isEqualTo("pw-3 1m30s []");
    }

    @Test
    void nullFallbackOnlyReplacesNull() throws Exception {
        assertThat(eval("params.none ?? \"x\"")).isEqualTo("x");
        assertThat(eval("params.name ?? \"x\"")).isEqualTo("pw");
        assertThat(eval("params.none ?? params.none ?? 7")).isEqualTo(7L);
    }

    @Test
    void comparisonsAndLogic() throws Exception {
        assertThat(eval("params.count >= 3 && params.count < 4")).isEqualTo(true);
        assertThat(eval("params.wait > 1m")).isEqualTo(true);
        assertThat(eval("params.name == \"pw\" || params.missing-is-never-read")).isEqualTo(true);
        assertThat(eval("!params.flag")).isEqualTo(false);
        assertThat(eval("params.count == 3.0")).isEqualTo(true);
        assertThat(eval("params.repo != null")).isEqualTo(true);
    }

    @Test
    void tracingRecordsEveryReferenceRead() throws Exception {
        Evaluator.Traced traced = Evaluator.evaluateTraced(expr("params.flag && params.count > 5"), BINDINGS);

        assertThat(traced.value()).isEqualTo(false);
        assertThat(traced.seen()).containsExactly(Map.entry("params.flag", true), Map.entry("params.count", 3L));
    }

    @Test
    void typeErrorsSayWhatWasFoundAndWhere() {
        assertThatThrownBy(() -> eval("params.name && true"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("`&&` needs a bool, but `params.name` is string \"pw\"");
        assertThatThrownBy(() -> eval("params.name < 3"))
                .hasMessage("`<` compares two numbers, strings or durations, not string and int");
    }
}
