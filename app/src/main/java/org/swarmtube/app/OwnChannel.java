package org.swarmtube.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import org.swarmtube.catalog.ChannelSource;
import org.swarmtube.catalog.ChannelStore;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.channel.CatalogDirectory;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.CatalogException;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.Identity;
import org.swarmtube.catalog.channel.SignedCatalog;
import org.swarmtube.swarm.ChannelPointer;
import org.swarmtube.swarm.PublishedTorrent;
import org.swarmtube.swarm.SwarmEngine;
import org.swarmtube.swarm.SwarmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's own channel: the identity made on first start, the signed catalog kept in its
 * directory, the catalog torrent seeded from there, and the DHT pointer to it. Every change signs
 * a new catalog version, reseeds, and stores the new pointer.
 *
 * <p>The same identity may publish from several machines (exported and imported). At start, before
 * storing its pointer, the node looks its own channel up: a newer version published elsewhere is
 * fetched, verified and continued from, keeping what was published or removed here meanwhile.
 * Without that, a second machine would start again at version 1, which every subscriber refuses
 * as older than the version it holds.
 */
final class OwnChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnChannel.class);
    /** The BEP 44 salt of every Swarmtube channel: a key could later carry other kinds of item. */
    static final byte[] SALT = "swarmtube".getBytes(StandardCharsets.US_ASCII);
    private static final long RETRY_SECONDS = 15;

    private final Identity identity;
    private final SwarmEngine swarm;
    private final ChannelStore store;
    private final Path dir;
    private final java.util.concurrent.ScheduledExecutorService dhtWorker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "own-channel-dht");
        t.setDaemon(true);
        return t;
    });
    private final Path importDir;
    /** Changes made since this node started, kept when a newer version from elsewhere is taken over. */
    private final Map<VideoId, CatalogEntry> addedHere = new LinkedHashMap<>();
    private final Set<VideoId> removedHere = new HashSet<>();
    private SignedCatalog catalog;
    private String catalogInfohash;
    private volatile ChannelPointer pointer;

    private OwnChannel(Identity identity, SwarmEngine swarm, ChannelStore store, Path dir, Path importDir, SignedCatalog catalog) {
        this.identity = identity;
        this.swarm = swarm;
        this.store = store;
        this.dir = dir;
        this.importDir = importDir;
        this.catalog = catalog;
    }

    /** Loads (or on first start makes) the identity and the catalog and seeds it; {@link #start} announces it. */
    static OwnChannel open(Home home, SwarmEngine swarm, ChannelStore store) {
        Identity identity = Identity.loadOrCreate(home.identityFile());
        Path dir = home.catalogsDir().resolve(identity.publicKeyHex());
        SignedCatalog catalog = null;
        if (Files.exists(dir.resolve("head.json"))) {
            try {
                catalog = CatalogDirectory.read(dir, identity.publicKey());
            } catch (CatalogException | IOException e) {
                LOG.warn("the channel catalog in {} is unreadable ({}); starting a new one", dir, e.getMessage());
            }
        }
        if (catalog == null) catalog = SignedCatalog.create(identity, ChannelProfile.named(defaultName()));
        OwnChannel channel = new OwnChannel(identity, swarm, store, dir, home.dir().resolve("catalog-import"), catalog);
        store.learn(channel.bareLink(), ChannelSource.LINK);
        synchronized (channel) {
            channel.republish(false);
        }
        return channel;
    }

    /**
     * In the background, once the DHT routing table has nodes (a put into an empty table reaches
     * nobody): takes over a newer version of this channel published from another machine, then
     * stores the pointer.
     */
    void start(ChannelSync sync) {
        dhtWorker.execute(() -> {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (swarm.dhtNodes() == 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(500); // libtorrent has no "DHT ready" event; bounded wait
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                catchUp(sync);
            } catch (RuntimeException e) {
                LOG.warn("cannot look for a newer version of the own channel: {}", e.getMessage());
            }
            put(pointer);
        });
    }

    private void catchUp(ChannelSync sync) {
        Optional<ChannelPointer> found = swarm.getChannelPointer(identity.publicKey(), SALT, ChannelSync.LOOKUP_TIMEOUT);
        long held;
        synchronized (this) {
            held = catalog.seq();
        }
        if (found.isEmpty() || found.get().seq() <= held || found.get().catalogInfohash().isEmpty()) return;
        LOG.info("the DHT holds version {} of this channel (version {} here): published from another machine, fetching it",
                found.get().seq(), held);
        Optional<SignedCatalog> newer = sync.fetchOnce(bareLink(), found.get().catalogInfohash().get(), importDir, ChannelSync.FETCH_TIMEOUT);
        deleteQuietly(importDir);
        if (newer.isEmpty()) return;
        synchronized (this) {
            SignedCatalog taken = newer.get();
            if (taken.seq() <= catalog.seq()) return;
            List<CatalogEntry> keep = addedHere.values().stream()
                    .filter(e -> taken.video(e.videoId()).map(t -> !t.equals(e)).orElse(true)).toList();
            SignedCatalog next = keep.isEmpty() ? taken : taken.withVideos(identity, keep);
            for (VideoId gone : removedHere) {
                if (next.video(gone).isPresent()) next = next.withoutVideo(identity, gone);
            }
            // a version of our own: the files seeded here differ from the other machine's torrent
            if (next == taken) next = taken.withProfile(identity, taken.profile());
            catalog = next;
            LOG.info("continuing this channel from version {} ({} videos; {} published and {} removed here kept)",
                    taken.seq(), taken.videos().size(), keep.size(), removedHere.size());
            republish(false);
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", root, e.getMessage());
        }
    }

    private static String defaultName() {
        String user = System.getProperty("user.name", "");
        return user.isBlank() || user.equals("root") ? "My channel" : user + "'s channel";
    }

    Identity identity() {
        return identity;
    }

    String publicKeyHex() {
        return identity.publicKeyHex();
    }

    ChannelLink bareLink() {
        return new ChannelLink(identity.publicKeyHex(), java.util.HexFormat.of().formatHex(SALT), List.of());
    }

    synchronized SignedCatalog catalog() {
        return catalog;
    }

    synchronized Optional<String> catalogInfohash() {
        return Optional.ofNullable(catalogInfohash);
    }

    /** Lists a video (or replaces its entry) and publishes the new catalog version. */
    synchronized void add(CatalogEntry entry) {
        catalog = catalog.withVideo(identity, entry);
        addedHere.put(entry.videoId(), entry);
        removedHere.remove(entry.videoId());
        republish(true);
    }

    /** Takes a video out of the catalog; false if it was not listed. */
    synchronized boolean remove(VideoId videoId) {
        if (catalog.video(videoId).isEmpty()) return false;
        catalog = catalog.withoutVideo(identity, videoId);
        addedHere.remove(videoId);
        removedHere.add(videoId);
        republish(true);
        return true;
    }

    synchronized void setProfile(ChannelProfile profile) {
        catalog = catalog.withProfile(identity, profile);
        republish(true);
    }

    /**
     * Writes the catalog's files (unchanged files are left alone, so they keep their hashes),
     * seeds the new catalog torrent in place of the old one, records it in the store, and stores
     * the new pointer on the DHT.
     *
     * @param now store the pointer before returning; else the caller stores it ({@link #start})
     */
    private void republish(boolean now) {
        try {
            CatalogDirectory.write(catalog, dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the channel catalog to " + dir + ": " + e.getMessage(), e);
        }
        PublishedTorrent torrent = swarm.seedDirectory(dir);
        swarm.reannounce(torrent.infohash()); // subscribers look for seeders of the new version at once
        String previous = catalogInfohash;
        catalogInfohash = torrent.infohash();
        if (previous != null && !previous.equals(catalogInfohash)) removeQuietly(previous);
        try {
            store.merge(catalog, catalogInfohash);
        } catch (CatalogException e) {
            // the store holds this version already (a restart)
            LOG.debug("own catalog seq {} not merged: {}", catalog.seq(), e.getMessage());
        }
        pointer = ChannelPointer.sign(identity, SALT, catalog.seq(), catalogInfohash);
        if (now) {
            // stored before returning (0.1-2 s): a subscriber asked to refresh right after a
            // publish must find the new version, not the one before
            put(pointer);
        }
        LOG.info("channel {} version {} ({} videos) is catalog torrent {}", identity.publicKeyHex(), catalog.seq(),
                catalog.videos().size(), catalogInfohash);
    }

    /** Stores the current pointer again: DHT nodes forget items after about two hours. */
    void reput() {
        ChannelPointer current = pointer;
        if (current != null) dhtWorker.execute(() -> put(current));
    }

    private void put(ChannelPointer p) {
        if (p != pointer) return; // a newer version is on its way
        int stored = 0;
        try {
            stored = swarm.putChannelPointer(p);
        } catch (RuntimeException e) {
            LOG.warn("cannot store the channel pointer on the DHT: {}", e.getMessage());
        }
        if (stored == 0 && !dhtWorker.isShutdown()) {
            // no DHT node reached (offline, or the routing table still empty): try again soon
            try {
                dhtWorker.schedule(() -> put(p), RETRY_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // the node is stopping
            }
        }
    }

    private void removeQuietly(String infohash) {
        try {
            swarm.remove(infohash, false);
        } catch (SwarmException e) {
            LOG.debug("old catalog torrent {} already gone", infohash);
        }
    }

    @Override
    public void close() {
        dhtWorker.shutdownNow();
    }
}
