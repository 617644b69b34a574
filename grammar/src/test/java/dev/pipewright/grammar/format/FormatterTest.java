package dev.pipewright.grammar.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.grammar.Corpus;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.SourceGenerator;
import dev.pipewright.grammar.ast.PipelineFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormatterTest {

    private static PipelineFile parse(String source) {
        ParseResult result = PipelineParser.parse("t.pipeline", source);
        assertThat(result.diagnostics()).as(source).isEmpty();
        return result.file().orElseThrow();
    }

    private static String format(String source) {
        return Formatter.format(parse(source));
    }

    static List<Path> validFiles() {
        return Corpus.validFiles();
    }

    static Stream<Long> seeds() {
        return LongStream.range(1, 201).boxed();
    }

    private static void assertRoundTrip(String source) {
        PipelineFile original = parse(source);
        String once = Formatter.format(original);
        PipelineFile reparsed = parse(once);
        assertThat(Corpus.withoutSpans(reparsed)).as(once).isEqualTo(Corpus.withoutSpans(original));
        assertThat(Formatter.format(reparsed)).as("formatting is idempotent").isEqualTo(once);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void everyValidFileFormatsToTheSameProgramAndIsStable(Path file) {
        assertRoundTrip(Corpus.read(file));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedValidFilesFormatToTheSameProgramAndAreStable(long seed) {
        assertRoundTrip(new SourceGenerator(seed).validFile());
    }

    @Test
    void alignsEqualsSignsWithinABlockAndIndentsByTwo() {
        assertThat(format("pipeline p { stage a { uses = core.exec timeout = 5m retry = 2 } }")).isEqualTo("""
                pipeline p {
                  stage a {
                    uses    = core.exec
                    timeout = 5m
                    retry   = 2
                  }
                }
                """);
    }

    @Test
    void breaksAListThatDoesNotFitOnOneLine() {
        String items = String.join(", ", java.util.Collections.nCopies(12, "\"argument\""));
        assertThat(format("pipeline p { stage a { uses = core.exec with { command = [" + items + "] } } }"))
                .contains("      command = [\n        \"argument\",\n")
                .contains("        \"argument\",\n      ]\n");
    }

    @Test
    void keepsCommentsWhereTheyWere() {
        String source = """
                # header
                pipeline p {  # opening
                  # before the stage
                  stage a {
                    uses = core.log  # trailing
                    # before with
                    with {
                      message = "hi"
                    }
                    # last in the stage
                  }
                }
                # footer
                """;
        assertThat(format(source)).isEqualTo(source);
    }

    @Test
    void writesOneCanonicalFormForStringsListsAndMaps() {
        assertThat(format("pipeline p { param x = [1 2,3,]  param y = {a=1 \"b c\"=2,}  param z = \"a\\$b\" }"))
                .isEqualTo("""
                        pipeline p {
                          param x = [1, 2, 3]
                          param y = { a = 1, "b c" = 2 }
                          param z = "a$b"
                        }
                        """);
    }

    @Test
    void putsSettingsThenParamsThenBlocksThenFinally() {
        assertThat(format("pipeline p { finally { stage f { uses = core.log } } stage a { uses = core.log } "
                + "param x = 1  timeout = 5m }")).isEqualTo("""
                        pipeline p {
                          timeout = 5m

                          param x = 1

                          stage a {
                            uses = core.log
                          }

                          finally {
                            stage f {
                              uses = core.log
                            }
                          }
                        }
                        """);
    }
}
