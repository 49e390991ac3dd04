package org.swarmtube.swarm;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A file to turn into a torrent and seed.
 *
 * @param file      a regular, readable, non-empty file; it is seeded from where it is
 * @param trackers  announce URLs, possibly none (the DHT and peer exchange find peers anyway)
 * @param webSeeds  HTTP URLs serving the same file (BEP 19), possibly none
 * @param pieceSize bytes per piece, a power of two from 16 KiB; 0 chooses one from the file size
 */
public record PublishRequest(Path file, List<String> trackers, List<String> webSeeds, int pieceSize) {
    public PublishRequest {
        Objects.requireNonNull(file, "file");
        trackers = List.copyOf(trackers);
        webSeeds = List.copyOf(webSeeds);
        if (pieceSize != 0 && (pieceSize < 16 * 1024 || Integer.bitCount(pieceSize) != 1)) {
            throw new IllegalArgumentException("piece size must be a power of two of at least 16 KiB");
        }
    }

    /** A request with no trackers, no web seeds and an automatic piece size. */
    public static PublishRequest of(Path file) {
        return new PublishRequest(file, List.of(), List.of(), 0);
    }

    /**
     * The piece size chosen for a file of this size: about 1,000-2,000 pieces, between 256 KiB
     * (small pieces keep streaming deadlines fine-grained) and 4 MiB.
     */
    public static int automaticPieceSize(long fileSize) {
        int size = 256 * 1024;
        while (size < 4 * 1024 * 1024 && fileSize / size > 2000) size *= 2;
        return size;
    }
}
