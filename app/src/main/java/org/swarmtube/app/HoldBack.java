package org.swarmtube.app;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.swarm.FileStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a player may read a file that is still arriving. While it downloads, the newest 128 KiB
 * before the edge of what is held are kept back: VLC, starved in the middle of a read, keeps its
 * clock running and shows grey pictures when data returns, and ignores a pause while its read is
 * blocked. Holding bytes back lets {@link StallGuard} pause the player and then release them, so
 * that the blocked read returns and the pause takes effect (dependency-facts.md). One policy for
 * both ways a player reads: the stream server and the in-process {@link StreamSource}.
 */
final class HoldBack {
    private static final Logger LOG = LoggerFactory.getLogger(HoldBack.class);
    static final int WITHHELD_BYTES = 128 * 1024;
    private static final Duration RECHECK = Duration.ofMillis(20);

    /** Torrents whose newest bytes are handed out although the player's buffer is low (see StallGuard). */
    private final Set<String> released = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> starvedSince = new ConcurrentHashMap<>();
    /** The readers waiting in {@link #allowedEnd}, to wake at once on a release. */
    private final Map<String, Set<FileStream>> waiting = new ConcurrentHashMap<>();

    /** How far the player may read from {@code at}, waiting while that is nothing. */
    long allowedEnd(String infohash, FileStream stream, long at) throws IOException {
        while (true) {
            long edge = stream.contiguousEnd(at);
            if (edge >= stream.length() || released.contains(infohash) || edge - WITHHELD_BYTES > at) {
                starvedSince.remove(infohash);
                return edge >= stream.length() || released.contains(infohash) ? stream.length() : edge - WITHHELD_BYTES;
            }
            if (starvedSince.putIfAbsent(infohash, System.nanoTime()) == null) {
                LOG.debug("stream: holding back at {} (held up to {})", at, edge);
            }
            stream.seek(at); // the window must move here while we wait, and the reader counts as active
            // woken as soon as a piece is verified or the bytes are released: a player paused for lack
            // of data takes the pause only once this read returns
            Set<FileStream> readers = waiting.computeIfAbsent(infohash, k -> ConcurrentHashMap.newKeySet());
            readers.add(stream);
            try {
                if (!released.contains(infohash)) stream.awaitArrival(RECHECK);
            } finally {
                readers.remove(stream);
            }
        }
    }

    /** Whether a player has been waiting for bytes held back for at least {@code millis}. */
    boolean starving(String infohash, long millis) {
        Long since = starvedSince.get(Infohash.normalize(infohash));
        return since != null && System.nanoTime() - since >= millis * 1_000_000L;
    }

    /** Hands out everything that is held, the newest bytes included. */
    void release(String infohash) {
        String key = Infohash.normalize(infohash);
        released.add(key);
        waiting.getOrDefault(key, Set.of()).forEach(FileStream::wakeUp);
    }

    /** Keeps the newest bytes back again. */
    void withhold(String infohash) {
        released.remove(Infohash.normalize(infohash));
    }
}
