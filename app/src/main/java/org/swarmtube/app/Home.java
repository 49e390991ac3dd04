package org.swarmtube.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A node's data directory and what lives in it: the database, the engine's state, the control
 * endpoint of a running node, settings and logs. Created owner-only on first use.
 */
public final class Home {
    private final Path dir;

    private Home(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if needed) the data directory at {@code dir}. */
    public static Home at(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw new IllegalArgumentException(absolute + " is not a directory");
            }
            if (!Files.exists(absolute)) {
                Files.createDirectories(absolute.getParent());
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(absolute.resolve("logs"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the data directory " + absolute + ": " + e.getMessage(), e);
        }
        return new Home(absolute);
    }

    /** {@code $XDG_DATA_HOME/swarmtube}, or {@code ~/.local/share/swarmtube}. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("swarmtube");
    }

    public Path dir() {
        return dir;
    }

    Path swarmState() {
        return dir.resolve("swarm");
    }

    Path controlFile() {
        return dir.resolve("control.json");
    }

    Path lockFile() {
        return dir.resolve("node.lock");
    }

    Path settingsFile() {
        return dir.resolve("settings.json");
    }

    /** The channel identity's key file, readable by the owner only. */
    public Path identityFile() {
        return dir.resolve("identity.json");
    }

    /** Catalog torrents, own and others', one directory per channel named by its public key. */
    Path catalogsDir() {
        return dir.resolve("catalogs");
    }

    /** Videos fetched for watching, one directory per torrent. */
    Path libraryDir() {
        return dir.resolve("library");
    }

    /** Thumbnails of this node's own publications. */
    Path thumbnailsDir() {
        return dir.resolve("thumbnails");
    }

    Path logDir() {
        return dir.resolve("logs");
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
