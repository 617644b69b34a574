package dev.pipewright.grammar;

import dev.pipewright.grammar.ast.PipelineFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The valid files of src/test/resources/valid (every example of LANGUAGE.md among them) and AST comparison. */
public final class Corpus {

    public static final Path VALID = Path.of("src/test/resources/valid");

    private Corpus() {
    }

    public static List<Path> validFiles() {
        try (Stream<Path> files = Files.list(VALID)) {
            return files.filter(f -> f.toString().endsWith(".pipeline")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The AST as text without positions, with the comments' text: equal for the same program.
     * Comments are compared as a sorted list: the formatter keeps every comment with its code,
     * and moves it when it moves that code (pipeline settings before parameters, for example).
     */
    public static String withoutSpans(PipelineFile file) {
        return file.pipeline().toString().replaceAll("(span|keySpan)=[^,\\]]*", "")
                + file.comments().stream().map(c -> c.text()).sorted().toList();
    }
}
