package dev.pipewright.stages.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The tar streams the engine's archive calls speak, to and from host paths. */
final class TarArchives {

    private TarArchives() {
    }

    /**
     * Writes {@code source} (a file, or a directory with everything in it) as a tar whose single
     * root is {@code target}, a relative path: extracting it at {@code /} puts {@code source} at
     * {@code /target}, making missing parent directories on the way.
     */
    static void write(Path source, String target, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(source)) {
                paths = walk.sorted().toList();
            }
            for (Path path : paths) {
                String relative = source.relativize(path).toString();
                String name = relative.isEmpty() ? target : target + "/" + relative;
                addEntry(tar, path, name);
            }
        }
    }

    private static void addEntry(TarArchiveOutputStream tar, Path path, String name) throws IOException {
        if (Files.isSymbolicLink(path)) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return;
        }
        boolean directory = Files.isDirectory(path);
        TarArchiveEntry entry = new TarArchiveEntry(directory ? name + "/" : name);
        entry.setMode((directory ? 040000 : 0100000) | mode(path));
        entry.setModTime(Files.getLastModifiedTime(path).toMillis());
        if (!directory) {
            entry.setSize(Files.size(path));
        }
        tar.putArchiveEntry(entry);
        if (!directory) {
            Files.copy(path, tar);
        }
        tar.closeArchiveEntry();
    }

    /**
     * Extracts a tar from the engine, whose entries all start with the copied path's last name,
     * so that the copied file or directory lands at {@code destination} itself.
     *
     * @return the number of files written
     */
    static int extract(InputStream in, Path destination) throws IOException {
        Path root = destination.toAbsolutePath().normalize();
        int files = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String rest = slash < 0 ? "" : name.substring(slash + 1);
                Path target = rest.isEmpty() ? root : root.resolve(rest).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("archive entry `" + name + "` points outside `" + root + "`");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    setMode(target, entry.getMode());
                    files++;
                }
            }
        }
        return files;
    }

    private static int mode(Path path) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission p : permissions) {
                mode |= 1 << (8 - p.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException e) {
            return Files.isDirectory(path) || Files.isExecutable(path) ? 0755 : 0644;
        }
    }

    private static void setMode(Path path, int mode) throws IOException {
        try {
            Set<PosixFilePermission> permissions = java.util.EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission p : PosixFilePermission.values()) {
                if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                    permissions.add(p);
                }
            }
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: keep its defaults.
        }
    }
}
