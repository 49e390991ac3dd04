package org.swarmtube.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which data directory the desktop app opens when none is given: the one chosen in Settings, else
 * {@link Home#defaultDir()}. The choice cannot live in the data directory itself, so it is one line
 * in {@code $XDG_CONFIG_HOME/swarmtube/data-directory} (else {@code ~/.config/swarmtube/...}).
 */
public final class DataDirectory {
    /** Names that mark a Swarmtube data directory. */
    private static final Set<String> MARKS = Set.of("swarmtube.mv.db", "settings.json", "identity.json", "node.lock", "swarm", "library", "logs");
    private final Path pointer;

    public DataDirectory(Path pointerFile) {
        this.pointer = pointerFile.toAbsolutePath();
    }

    /** The current user's choice. */
    public static DataDirectory user() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new DataDirectory(base.resolve("swarmtube").resolve("data-directory"));
    }

    /** The directory to open: the chosen one, else the default. */
    public Path preferred() {
        return chosen().orElse(Home.defaultDir());
    }

    /** The directory chosen in Settings, if one was. */
    public java.util.Optional<Path> chosen() {
        try {
            if (Files.isRegularFile(pointer)) {
                String line = Files.readString(pointer, StandardCharsets.UTF_8).strip();
                if (!line.isEmpty() && Path.of(line).isAbsolute()) return java.util.Optional.of(Path.of(line));
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable choice is no choice
        }
        return java.util.Optional.empty();
    }

    /**
     * Chooses the data directory for the next start. It must be empty, missing, or a Swarmtube data
     * directory already; choosing the default forgets the choice.
     *
     * @throws IllegalArgumentException if the directory cannot be used, saying why
     */
    public void choose(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (target.equals(Home.defaultDir().toAbsolutePath().normalize())) {
            try {
                Files.deleteIfExists(pointer);
            } catch (IOException e) {
                throw new IllegalStateException("cannot forget the choice in " + pointer + ": " + e.getMessage(), e);
            }
            return;
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) throw new IllegalArgumentException(target + " is a file, not a directory");
            if (!Files.isWritable(target)) throw new IllegalArgumentException("you may not write to " + target);
            try (Stream<Path> entries = Files.list(target)) {
                boolean empty = true;
                boolean marked = false;
                for (Path p : (Iterable<Path>) entries::iterator) {
                    empty = false;
                    if (MARKS.contains(p.getFileName().toString())) marked = true;
                }
                if (!empty && !marked) {
                    throw new IllegalArgumentException(target + " already holds other files; choose an empty directory"
                            + " or an existing Swarmtube data directory");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + target + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.createDirectories(pointer.getParent());
            Path tmp = pointer.resolveSibling(pointer.getFileName() + ".tmp");
            Files.writeString(tmp, target + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, pointer, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the choice in " + pointer + ": " + e.getMessage(), e);
        }
    }
}
