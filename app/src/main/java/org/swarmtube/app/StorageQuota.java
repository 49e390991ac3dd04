package org.swarmtube.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which videos leave the library when it holds more than the storage quota: the least recently
 * watched (or, never watched, the earliest added) that are not pinned, until the rest fits.
 * Pinned videos count towards the quota but never leave; if they alone exceed it, every unpinned
 * video goes and the library stays over.
 */
public final class StorageQuota {
    private StorageQuota() {
    }

    /**
     * One torrent held in the library.
     *
     * @param infohash  the torrent
     * @param bytes     bytes it holds on disk
     * @param evictable false for pinned videos and videos being played
     * @param lastUse   when it was last watched, else when it was added
     */
    public record Held(String infohash, long bytes, boolean evictable, Instant lastUse) {
        public Held {
            Objects.requireNonNull(infohash, "infohash");
            Objects.requireNonNull(lastUse, "lastUse");
        }
    }

    /**
     * The torrents to remove, in the order to remove them, so that what is left is at most
     * {@code quota} bytes (or as close as pinned videos allow). A quota of 0 means no limit.
     */
    public static List<Held> evictions(List<Held> held, long quota) {
        if (quota <= 0) return List.of();
        long total = held.stream().mapToLong(Held::bytes).sum();
        List<Held> out = new ArrayList<>();
        if (total <= quota) return out;
        List<Held> candidates = held.stream().filter(Held::evictable)
                .sorted(Comparator.comparing(Held::lastUse).thenComparing(Held::infohash)).toList();
        for (Held h : candidates) {
            if (total <= quota) break;
            out.add(h);
            total -= h.bytes();
        }
        return out;
    }
}
