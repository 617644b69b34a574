package dev.pipewright.cli;

import dev.pipewright.grammar.ast.SourceSpan;
import dev.pipewright.grammar.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads pipeline files named on the command line; a file that cannot be read becomes a diagnostic. */
final class SourceFiles {

    private SourceFiles() {
    }

    /** The file's text, or a diagnostic saying why it cannot be read. */
    record Read(String path, String text, Diagnostic problem) {
        boolean ok() {
            return problem == null;
        }
    }

    static Read read(String path) {
        try {
            return new Read(path, Files.readString(Path.of(path), StandardCharsets.UTF_8), null);
        } catch (NoSuchFileException e) {
            return failed(path, "no such file");
        } catch (AccessDeniedException e) {
            return failed(path, "permission denied");
        } catch (CharacterCodingException e) {
            return failed(path, "not UTF-8 text");
        } catch (IOException e) {
            return failed(path, Files.isDirectory(Path.of(path)) ? "it is a directory" : String.valueOf(e.getMessage()));
        } catch (java.nio.file.InvalidPathException e) {
            return failed(path, "not a valid path");
        }
    }

    private static Read failed(String path, String why) {
        Diagnostic problem = Diagnostic.error(new SourceSpan(path, 1, 1, 1, 1), "cannot read `" + path + "`: " + why,
                "check the file's name and that it is readable");
        return new Read(path, null, problem);
    }
}
