package org.swarmtube.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.catalog.ChannelStore;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.catalog.Subscription;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.VideoRecord;
import org.swarmtube.catalog.VideoStore;
import org.swarmtube.catalog.WatchPosition;
import org.swarmtube.swarm.SwarmEngine;
import org.swarmtube.swarm.SwarmException;
import org.swarmtube.swarm.TorrentStatus;

/**
 * Every torrent of the node as the viewer sees it, and the rules that keep the library within its
 * bounds: the storage quota (the least recently watched unpinned videos leave first) and the
 * seeding policy for watched videos. Both are checked every few seconds (so soon after a download
 * completes) and at once when the settings change.
 *
 * <p>Videos streamed or watched here live in {@code library/<infohash>/} and may be evicted. Pinned,
 * never evicted and always seeded: the node's own publications (seeded from where the creator keeps
 * them), videos of "keep a copy" subscriptions, videos the viewer chose to keep, and any video being
 * played. Thread-safe.
 */
public final class Library implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Library.class);
    /** How often the quota and the seeding policy are checked. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);
    private static final Duration META_TTL = Duration.ofSeconds(30);
    private static final Duration DELETE_WAIT = Duration.ofSeconds(10);
    private static final int HISTORY = 500;

    /** Where a torrent came from, which decides whether it may be evicted. */
    public enum Kind {
        /** Streamed or watched here, in the library: evictable unless kept. */
        WATCHED,
        /** Downloaded for a "keep a copy" subscription, in the library: pinned. */
        KEPT_COPY,
        /** This node's own publication, seeded from where the creator keeps it: pinned. */
        PUBLISHED,
        /** Fetched to a path the viewer chose: never evicted. */
        DOWNLOADED,
        /** A channel's catalog, managed by the channel code: not removable here. */
        CHANNEL
    }

    /**
     * One torrent.
     *
     * @param status      the engine's snapshot
     * @param title       the video's title if known, else the torrent's name
     * @param kind        where it came from
     * @param kept        the viewer chose to keep seeding it
     * @param lastWatched when it was last watched here, if ever
     * @param playing     a player reads it now
     */
    public record Item(TorrentStatus status, String title, Kind kind, boolean kept, Optional<Instant> lastWatched,
                       boolean playing) {
        public String infohash() {
            return status.infohash();
        }

        /** Whether it is in the library directory and counts towards the quota. */
        public boolean inLibrary() {
            return kind == Kind.WATCHED || kind == Kind.KEPT_COPY;
        }

        /** Never evicted by the quota nor stopped by the seeding policy. */
        public boolean pinned() {
            return kept || kind != Kind.WATCHED;
        }

        /** Whether the viewer may remove it here (channel catalogs go with their channel). */
        public boolean removable() {
            return kind != Kind.CHANNEL;
        }
    }

    /** A video the quota removed. */
    public record Eviction(String infohash, String title, long bytes, Instant at) {
    }

    /**
     * The library now.
     *
     * @param items        every torrent: videos by title, then channel catalogs
     * @param libraryBytes bytes held in the library directory (what the quota limits)
     * @param pinnedBytes  of those, bytes of pinned videos
     * @param quotaBytes   the storage quota, 0 for none
     * @param evictions    the latest videos the quota removed, newest first
     */
    public record Snapshot(List<Item> items, long libraryBytes, long pinnedBytes, long quotaBytes,
                           List<Eviction> evictions) {
    }

    /** What one check did. */
    public record Enforcement(List<Eviction> evicted, List<String> stoppedSeeding) {
    }

    /** @param provisional described before its name was known: describe again next time */
    private record Meta(String title, Kind kind, Instant added, Instant at, boolean provisional) {
    }

    private final Home home;
    private final SwarmEngine swarm;
    private final VideoStore videos;
    private final SettingsStore settings;
    private final OwnChannel own;
    private final Map<String, Meta> meta = new ConcurrentHashMap<>();
    /** Torrents the seeding policy paused: it resumes them if the policy changes. */
    private final Set<String> policyPaused = ConcurrentHashMap.newKeySet();
    /** Torrents the viewer resumed by hand: the policy leaves them alone until the next start. */
    private final Set<String> resumedByHand = ConcurrentHashMap.newKeySet();
    private final Deque<Eviction> evictions = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "library");
        t.setDaemon(true);
        return t;
    });
    private final SettingsStore.Registration registration;

    Library(Home home, SwarmEngine swarm, VideoStore videos, SettingsStore settings, OwnChannel own) {
        this.home = home;
        this.own = own;
        this.swarm = swarm;
        this.videos = videos;
        this.settings = settings;
        this.registration = settings.listen(s -> timer.execute(this::check));
        timer.scheduleWithFixedDelay(this::check, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            enforce();
        } catch (RuntimeException e) {
            LOG.warn("checking the library failed: {}", e.toString());
        }
    }

    /** Every torrent of the node, with what the quota needs. */
    public Snapshot snapshot() {
        Settings s = settings.current();
        Map<String, Instant> watched = new HashMap<>();
        for (WatchPosition p : videos.channels().history(HISTORY)) watched.putIfAbsent(p.videoId().toString(), p.watchedAt());
        List<Item> items = new ArrayList<>();
        long inLibrary = 0;
        long pinned = 0;
        for (TorrentStatus status : swarm.torrents()) {
            Meta m = meta(status);
            VideoId id = VideoId.ofInfohash(status.infohash());
            Item item = new Item(status, m.title(), m.kind(), s.isKept(status.infohash()),
                    Optional.ofNullable(watched.get(id.toString())), swarm.bufferStatus(status.infohash(), 0).isPresent());
            items.add(item);
            if (item.inLibrary()) {
                inLibrary += status.doneBytes();
                if (item.pinned()) pinned += status.doneBytes();
            }
        }
        items.sort(java.util.Comparator.comparing((Item i) -> i.kind() == Kind.CHANNEL)
                .thenComparing(Item::title, String.CASE_INSENSITIVE_ORDER));
        List<Eviction> recent;
        synchronized (evictions) {
            recent = List.copyOf(evictions);
        }
        return new Snapshot(List.copyOf(items), inLibrary, pinned, s.storageQuota(), recent);
    }

    /**
     * Applies the seeding policy and the storage quota now: pauses watched videos that have been
     * seeded enough, resumes those the policy paused if it no longer asks to, and removes the least
     * recently watched unpinned videos (with their files) while the library is over the quota.
     */
    public synchronized Enforcement enforce() {
        Settings s = settings.current();
        Snapshot snapshot = snapshot();
        List<String> stopped = new ArrayList<>();
        for (Item item : snapshot.items()) {
            String ih = item.infohash();
            boolean stop = shouldStopSeeding(item, s);
            TorrentStatus.State state = item.status().state();
            try {
                if (stop && state == TorrentStatus.State.SEEDING) {
                    swarm.pause(ih);
                    policyPaused.add(ih);
                    stopped.add(ih);
                    LOG.info("stopped seeding {} ({}): the seeding policy is {}", item.title(), ih, s.seeding());
                } else if (!stop && state == TorrentStatus.State.PAUSED && policyPaused.remove(ih)) {
                    swarm.resume(ih);
                    LOG.info("seeding {} ({}) again: the seeding policy is {}", item.title(), ih, s.seeding());
                }
            } catch (SwarmException e) {
                LOG.debug("seeding policy on {}: {}", ih, e.getMessage());
            }
        }
        policyPaused.retainAll(snapshot.items().stream().map(Item::infohash).toList());

        List<StorageQuota.Held> held = new ArrayList<>();
        Map<String, Item> byHash = new HashMap<>();
        for (Item item : snapshot.items()) {
            if (!item.inLibrary()) continue;
            byHash.put(item.infohash(), item);
            Instant lastUse = item.lastWatched().orElse(meta(item.status()).added());
            boolean evictable = !item.pinned() && !item.playing() && item.status().state() != TorrentStatus.State.CHECKING;
            held.add(new StorageQuota.Held(item.infohash(), item.status().doneBytes(), evictable, lastUse));
        }
        List<Eviction> evicted = new ArrayList<>();
        List<StorageQuota.Held> out = StorageQuota.evictions(held, s.storageQuota());
        for (StorageQuota.Held h : out) {
            Item item = byHash.get(h.infohash());
            try {
                removeNow(item.status(), true);
            } catch (RuntimeException e) {
                LOG.warn("the storage quota could not remove {}: {}", item.title(), e.getMessage());
                continue;
            }
            Eviction eviction = new Eviction(h.infohash(), item.title(), h.bytes(), Instant.now());
            evicted.add(eviction);
            synchronized (evictions) {
                evictions.addFirst(eviction);
                while (evictions.size() > 10) evictions.removeLast();
            }
            LOG.info("storage quota: removed {} ({}, {} bytes, last used {}); the library held {} bytes, the quota is {}",
                    item.title(), h.infohash(), h.bytes(), h.lastUse(), snapshot.libraryBytes(), s.storageQuota());
        }
        return new Enforcement(List.copyOf(evicted), List.copyOf(stopped));
    }

    private boolean shouldStopSeeding(Item item, Settings s) {
        if (item.pinned() || item.playing() || resumedByHand.contains(item.infohash())) return false;
        TorrentStatus st = item.status();
        if (!st.isComplete()) return false;
        return switch (s.seeding()) {
            case ALWAYS -> false;
            case NEVER -> true;
            case RATIO -> st.uploadedBytes() >= s.seedRatio() * st.sizeBytes();
        };
    }

    /** Stops a torrent's transfers until {@link #resume}. */
    public void pause(String infohash) {
        String ih = Infohash.normalize(infohash);
        swarm.pause(ih);
        policyPaused.remove(ih);
        resumedByHand.remove(ih);
    }

    /** Restarts a paused torrent; the seeding policy leaves it alone until the node restarts. */
    public void resume(String infohash) {
        String ih = Infohash.normalize(infohash);
        swarm.resume(ih);
        policyPaused.remove(ih);
        resumedByHand.add(ih);
    }

    /**
     * Keeps seeding a torrent (it is never evicted and the seeding policy never stops it), or
     * stops keeping it. Keeping a paused torrent resumes it.
     */
    public void keep(String infohash, boolean keep) {
        String ih = Infohash.normalize(infohash);
        settings.update(s -> s.withKept(ih, keep));
        if (keep) {
            Optional<TorrentStatus> status = swarm.status(ih);
            if (status.isPresent() && status.get().state() == TorrentStatus.State.PAUSED) {
                swarm.resume(ih);
                policyPaused.remove(ih);
            }
        }
    }

    /**
     * Removes a torrent from the node, and with {@code deleteFiles} its data: the file (or, for
     * a video in the library, its whole {@code library/<infohash>/} directory). Waits until the
     * files are gone.
     *
     * @throws IllegalArgumentException if the torrent is not in the node or is a channel's catalog
     */
    public synchronized void remove(String infohash, boolean deleteFiles) {
        String ih = Infohash.normalize(infohash);
        TorrentStatus status = swarm.status(ih)
                .orElseThrow(() -> new IllegalArgumentException("this torrent is no longer in the node"));
        if (meta(status).kind() == Kind.CHANNEL) {
            throw new IllegalArgumentException("a channel's catalog goes when you unsubscribe from the channel");
        }
        removeNow(status, deleteFiles);
    }

    private void removeNow(TorrentStatus status, boolean deleteFiles) {
        String ih = status.infohash();
        swarm.remove(ih, deleteFiles);
        policyPaused.remove(ih);
        resumedByHand.remove(ih);
        meta.remove(ih);
        if (settings.current().isKept(ih)) settings.update(s -> s.withKept(ih, false));
        if (deleteFiles) deleteData(ih, status.path());
    }

    private void deleteData(String infohash, String pathText) {
        Path path = Path.of(pathText).toAbsolutePath().normalize();
        Path own = home.libraryDir().resolve(infohash);
        // libtorrent deletes on its disk thread; wait for it, then take what it leaves
        long deadline = System.nanoTime() + DELETE_WAIT.toNanos();
        while (Files.isRegularFile(path) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            if (path.startsWith(own)) FileTrees.delete(own);
            else Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new IllegalStateException("the torrent is removed, but " + path + " could not be deleted: " + e.getMessage(), e);
        }
    }

    private Meta meta(TorrentStatus status) {
        Instant now = Instant.now();
        Meta m = meta.get(status.infohash());
        if (m != null && !m.provisional() && Duration.between(m.at(), now).compareTo(META_TTL) < 0) return m;
        m = describe(status, now);
        meta.put(status.infohash(), m);
        return m;
    }

    private Meta describe(TorrentStatus status, Instant now) {
        Path path = Path.of(status.path()).toAbsolutePath().normalize();
        VideoId id = VideoId.ofInfohash(status.infohash());
        Optional<VideoRecord> record;
        try {
            record = videos.find(id);
        } catch (RuntimeException e) {
            record = Optional.empty();
        }
        Kind kind;
        if (path.startsWith(home.catalogsDir())) kind = Kind.CHANNEL;
        else if (path.startsWith(home.libraryDir())) kind = keptCopy(id) ? Kind.KEPT_COPY : Kind.WATCHED;
        else if (record.isPresent() && record.get().channelKey().isEmpty()) kind = Kind.PUBLISHED;
        else kind = Kind.DOWNLOADED;
        String title = kind == Kind.CHANNEL ? catalogTitle(path) : record.map(VideoRecord::title).orElse(status.name());
        boolean provisional = title.isEmpty() || kind == Kind.CHANNEL && !title.startsWith("Catalog of “");
        Instant added = now;
        Meta old = meta.get(status.infohash());
        if (old != null) {
            added = old.added();
        } else {
            Path dir = kind == Kind.WATCHED || kind == Kind.KEPT_COPY ? home.libraryDir().resolve(status.infohash()) : path;
            try {
                added = Files.getLastModifiedTime(dir).toInstant();
            } catch (IOException e) {
                added = now;
            }
        }
        return new Meta(title, kind, added, now, provisional);
    }

    private String catalogTitle(Path path) {
        Path relative = home.catalogsDir().relativize(path);
        String key = relative.getNameCount() > 0 ? relative.getName(0).toString() : "";
        Optional<String> name = Optional.empty();
        try {
            if (key.equals(own.publicKeyHex())) name = Optional.of(own.catalog().profile().name());
            else if (!key.isEmpty()) name = videos.channels().channel(key).flatMap(org.swarmtube.catalog.ChannelInfo::name);
        } catch (RuntimeException e) {
            LOG.debug("no name for the catalog in {}: {}", path, e.toString());
        }
        String who = name.filter(n -> !n.isBlank()).map(n -> "“" + n + "”")
                .orElse(key.length() >= 8 ? key.substring(0, 8) + "…" : "a channel");
        return "Catalog of " + who + (key.equals(own.publicKeyHex()) ? " (your channel)" : "");
    }

    private boolean keptCopy(VideoId id) {
        ChannelStore channels = videos.channels();
        try {
            for (Subscription s : channels.subscriptions()) {
                if (s.keepCopy() && channels.video(s.link().publicKeyHex(), id).isPresent()) return true;
            }
        } catch (RuntimeException e) {
            LOG.debug("cannot tell whether {} is a kept copy: {}", id, e.toString());
        }
        return false;
    }

    @Override
    public void close() {
        registration.close();
        timer.shutdownNow();
        synchronized (this) {
            // waits for a check in progress
        }
    }
}
