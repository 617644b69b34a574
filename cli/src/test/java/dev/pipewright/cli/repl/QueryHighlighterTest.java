package dev.pipewright.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class QueryHighlighterTest {

    private final QueryHighlighter highlighter = new QueryHighlighter();

    private static boolean styledAs(AttributedString line, String text, org.jline.utils.AttributedStyle style) {
        int at = line.toString().indexOf(text);
        for (int i = at; i < at + text.length(); i++) {
            if (!line.styleAt(i).equals(style)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void knownFieldsArgumentsStringsAndNumbersAreColoured() {
        AttributedString line = highlighter.highlight(null,
                "pipeline(name: \"habitat-build\") { state stages { logs(last: 5) } }");

        assertThat(line.toString()).isEqualTo("pipeline(name: \"habitat-build\") { state stages { logs(last: 5) } }");
        assertThat(styledAs(line, "pipeline", QueryHighlighter.FIELD)).isTrue();
        assertThat(styledAs(line, "name", QueryHighlighter.ARGUMENT)).isTrue();
        assertThat(styledAs(line, "\"habitat-build\"", QueryHighlighter.STRING)).isTrue();
        assertThat(styledAs(line, "state", QueryHighlighter.FIELD)).isTrue();
        assertThat(styledAs(line, "logs", QueryHighlighter.FIELD)).isTrue();
        assertThat(styledAs(line, "5", QueryHighlighter.NUMBER)).isTrue();
    }

    @Test
    void whatTheSchemaDoesNotKnowIsRed() {
        AttributedString line = highlighter.highlight(null, "run(idd: \"x\") { stat stages { status } }");

        assertThat(styledAs(line, "idd", QueryHighlighter.ERROR)).isTrue();
        assertThat(styledAs(line, "stat ", QueryHighlighter.ERROR)).as("`stat` is no run field").isFalse();
        assertThat(styledAs(line, "stat", QueryHighlighter.ERROR)).isTrue();
        assertThat(styledAs(line, "status", QueryHighlighter.FIELD)).as("a stage field, inside stages").isTrue();
    }

    @Test
    void aFieldOfAnotherObjectIsRedWhereItDoesNotBelong() {
        AttributedString line = highlighter.highlight(null, "run(id: \"x\") { status }");
        assertThat(styledAs(line, "status", QueryHighlighter.ERROR)).isTrue();
    }

    @Test
    void aCommandsNameIsBold() {
        AttributedString line = highlighter.highlight(null, "show habitat-build");
        assertThat(styledAs(line, "show", QueryHighlighter.COMMAND)).isTrue();
        assertThat(line.styleAt(6)).isEqualTo(org.jline.utils.AttributedStyle.DEFAULT);
    }
}
