package dev.pipewright.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineParserTest {

    private static PipelineFile parse(String source) {
        ParseResult result = PipelineParser.parse("t.pipeline", source);
        assertThat(result.diagnostics()).isEmpty();
        return result.file().orElseThrow();
    }

    private static Expr valueOf(String expression) {
        PipelineFile file = parse("pipeline p { stage s { uses = core.log  when = " + expression + " } }");
        return ((Block.Stage) file.pipeline().body().get(0)).setting("when").orElseThrow();
    }

    private static List<String> errors(String source) {
        return PipelineParser.parse("t.pipeline", source).diagnostics().stream()
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList();
    }

    @Test
    void interpolationMayHoldStringsOfItsOwn() {
        Expr.StringLit string = (Expr.StringLit) valueOf("\"home: ${env.HOME ?? \"none\"}!\"");
        assertThat(string.parts()).hasSize(3);
        Expr.StringPart.Interpolation interpolation = (Expr.StringPart.Interpolation) string.parts().get(1);
        Expr.Binary fallback = (Expr.Binary) interpolation.expr();
        assertThat(fallback.op()).isEqualTo(Expr.BinaryOp.COALESCE);
        assertThat(((Expr.StringLit) fallback.right()).constantText()).isEqualTo("none");
    }

    @Test
    void escapesAreResolved() {
        Expr.StringLit string = (Expr.StringLit) valueOf("\"a\\\"b\\\\c\\nd\\te\\${x}\"");
        assertThat(string.constantText()).isEqualTo("a\"b\\c\nd\te${x}");
    }

    @Test
    void tripleQuotedStringsDropTheCommonIndentation() {
        Expr.StringLit string = (Expr.StringLit) valueOf("\"\"\"\n      first\n        second\n      \"\"\"");
        assertThat(string.constantText()).isEqualTo("first\n  second");
        assertThat(string.tripleQuoted()).isTrue();
    }

    @Test
    void coalesceBindsTighterThanComparisonWhichBindsTighterThanAnd() {
        Expr.Binary and = (Expr.Binary) valueOf("params.x ?? \"a\" == \"a\" && !params.y || params.z");
        assertThat(and.op()).isEqualTo(Expr.BinaryOp.OR);
        Expr.Binary left = (Expr.Binary) and.left();
        assertThat(left.op()).isEqualTo(Expr.BinaryOp.AND);
        Expr.Binary equality = (Expr.Binary) left.left();
        assertThat(equality.op()).isEqualTo(Expr.BinaryOp.EQ);
        assertThat(((Expr.Binary) equality.left()).op()).isEqualTo(Expr.BinaryOp.COALESCE);
        assertThat(left.right()).isInstanceOf(Expr.Unary.class);
    }

    @Test
    void durationsAddTheirParts() {
        Expr.DurationLit duration = (Expr.DurationLit) valueOf("1h30m");
        assertThat(duration.value()).hasMinutes(90);
    }

    @Test
    void listsAndMapsTakeCommasSpacesOrLineBreaksAndATrailingComma() {
        Expr.ListLit list = (Expr.ListLit) valueOf("[1, 2\n 3 \"four\",]");
        assertThat(list.items()).hasSize(4);
        Expr.MapLit map = (Expr.MapLit) valueOf("{ a = 1  b = 2, \"c d\" = 3\n e = [] , }");
        assertThat(map.entries()).extracting(e -> e.key()).containsExactly("a", "b", "c d", "e");
    }

    @Test
    void theCompleteExampleOfTheLanguageParses() throws Exception {
        String source = new String(getClass().getResourceAsStream("/valid/habitat-build.pipeline").readAllBytes());
        PipelineFile file = parse(source);
        assertThat(file.pipeline().name().value()).isEqualTo("habitat-build");
        assertThat(file.pipeline().params()).hasSize(3);
        assertThat(file.pipeline().body()).hasSize(5);
        assertThat(file.pipeline().finallyBlock()).isPresent();
        assertThat(file.comments()).hasSize(3);
    }

    @Test
    void aMissingBraceIsReportedAndTheNextStageStillParses() {
        assertThat(errors("""
                pipeline p {
                  stage a {
                    uses = core.log

                  stage b {
                    uses core.log
                  }
                }
                """)).containsExactly(
                "5:3 expected `}` to close stage `a`",
                "6:10 expected `=` after `uses`, found `core`");
    }

    @Test
    void aFileWithErrorsHasNoAst() {
        ParseResult result = PipelineParser.parse("t.pipeline", "pipeline p { stage a { timeout = 5d } }");
        assertThat(result.file()).isEmpty();
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly("`5d` is not a duration");
    }

    @Test
    void aMapKeyWithAnInterpolationIsReportedNotThrown() {
        assertThat(errors("pipeline p { stage a { uses = core.log  with { \"${params.k}\" = 1 } } }"))
                .containsExactly("1:48 a map key is plain text, without `${...}`");
    }
}
