package dev.pipewright.stages.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Makes real repositories for the tests with the git command line, so JGit is checked against git itself. */
final class GitCli {

    private GitCli() {
    }

    /** Runs git in {@code dir} and returns its trimmed standard output; fails the test when git fails. */
    static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always", "-c", "advice.detachedHead=false"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed:\n" + output);
            }
            return output.trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run git: is it installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A bare repository {@code name}.git under {@code root} with branch main (3 commits, tag v1 on
     * the first, annotated tag v2 on the second) and branch feature (one more commit).
     */
    static Path sampleRepository(Path root, String name) throws IOException {
        Path work = Files.createDirectories(root.resolve(name + "-work"));
        git(work, "init", "-q");
        for (int i = 1; i <= 3; i++) {
            Files.writeString(work.resolve("file.txt"), "version " + i + "\n");
            git(work, "add", "file.txt");
            git(work, "commit", "-q", "-m", "commit " + i);
            if (i == 1) {
                git(work, "tag", "v1");
            } else if (i == 2) {
                git(work, "tag", "-a", "v2", "-m", "release 2");
            }
        }
        git(work, "checkout", "-q", "-b", "feature");
        Files.writeString(work.resolve("feature.txt"), "feature\n");
        git(work, "add", "feature.txt");
        git(work, "commit", "-q", "-m", "feature");
        git(work, "checkout", "-q", "main");
        Path bare = root.resolve(name + ".git");
        git(root, "clone", "-q", "--bare", work.toString(), bare.toString());
        return bare;
    }

    /**
     * A bare repository of incompressible random files (made quickly with git fast-import), large
     * enough that transferring it takes a while: {@code files} blobs of {@code fileSize} bytes in one commit.
     */
    static Path largeRepository(Path root, String name, int files, int fileSize) throws IOException, InterruptedException {
        Path bare = root.resolve(name + ".git");
        git(root, "init", "-q", "--bare", bare.toString());
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet").directory(bare.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Random random = new Random(42);
        byte[] content = new byte[fileSize];
        try (OutputStream in = importer.getOutputStream()) {
            for (int i = 1; i <= files; i++) {
                random.nextBytes(content);
                in.write(("blob\nmark :" + i + "\ndata " + fileSize + "\n").getBytes(StandardCharsets.US_ASCII));
                in.write(content);
                in.write('\n');
            }
            StringBuilder commit = new StringBuilder("commit refs/heads/main\ncommitter Test <test@example.com> 1700000000 +0000\n");
            String message = "large files";
            commit.append("data ").append(message.length()).append('\n').append(message).append('\n');
            for (int i = 1; i <= files; i++) {
                commit.append("M 100644 :").append(i).append(" data/file-").append(i).append(".bin\n");
            }
            in.write(commit.toString().getBytes(StandardCharsets.US_ASCII));
        }
        if (importer.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed");
        }
        git(bare, "symbolic-ref", "HEAD", "refs/heads/main");
        return bare;
    }
}
