package org.swarmtube.swarm;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's per-torrent files in {@code stateDir/torrents}: {@code <infohash>.resume} (libtorrent
 * resume data with the info dict, so a restart needs nothing else) and {@code <infohash>.target}
 * (the name a fetch asked for, applied once a magnet's metadata arrives). Writes go to a temp
 * file first and are renamed into place, so a kill -9 leaves either the old or the new file.
 */
final class ResumeFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeFiles.class);
    private final Path dir;

    ResumeFiles(Path stateDir) {
        this.dir = stateDir.resolve("torrents");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SwarmException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    List<String> infohashes() {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.resume")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                out.add(name.substring(0, name.length() - ".resume".length()));
            }
        } catch (IOException e) {
            throw new SwarmException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    Optional<byte[]> readResume(String infohash) {
        return read(dir.resolve(infohash + ".resume"));
    }

    void writeResume(String infohash, byte[] data) {
        write(dir.resolve(infohash + ".resume"), data);
    }

    Optional<String> readTarget(String infohash) {
        return read(dir.resolve(infohash + ".target")).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }

    void writeTarget(String infohash, String name) {
        write(dir.resolve(infohash + ".target"), name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void delete(String infohash) {
        for (String suffix : List.of(".resume", ".target")) {
            try {
                Files.deleteIfExists(dir.resolve(infohash + suffix));
            } catch (IOException e) {
                LOG.warn("cannot delete {}{}: {}", infohash, suffix, e.getMessage());
            }
        }
    }

    private Optional<byte[]> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void write(Path file, byte[] data) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file, e.getMessage());
        }
    }
}
