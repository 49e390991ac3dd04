package org.swarmtube.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.ChannelStore;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.MergeResult;
import org.swarmtube.catalog.channel.CatalogDirectory;
import org.swarmtube.catalog.channel.CatalogException;
import org.swarmtube.catalog.channel.CatalogLayout;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.SignedCatalog;
import org.swarmtube.swarm.ChannelPointer;
import org.swarmtube.swarm.SwarmEngine;
import org.swarmtube.swarm.SwarmException;
import org.swarmtube.swarm.TorrentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one channel's catalog up to date: looks its pointer up on the DHT, and if it points at
 * a catalog torrent not merged yet, fetches it next to the files of the previous version (only
 * changed files travel), verifies it and merges it. A refused catalog leaves the store unchanged.
 * Pointers seen are kept, to be stored again so channels outlive their creators' absence.
 */
final class ChannelSync {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSync.class);
    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(15);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);
    static final Duration RELOOKUP_AFTER = Duration.ofSeconds(5);

    /** What one sync did. */
    record Result(Outcome outcome, int added, String message) {
        enum Outcome { NOT_FOUND, UP_TO_DATE, UPDATED, REFUSED, FAILED, BLOCKED }
    }

    private final SwarmEngine swarm;
    private final ChannelStore store;
    private final Path catalogsDir;
    private final String ownKey;
    private final Map<String, ChannelPointer> held = new ConcurrentHashMap<>();
    private final Map<String, java.util.List<String>> hints = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ChannelSync(SwarmEngine swarm, ChannelStore store, Path catalogsDir, String ownKey) {
        this.swarm = swarm;
        this.store = store;
        this.catalogsDir = catalogsDir;
        this.ownKey = ownKey;
    }

    /** Syncs a channel; one sync per channel at a time. */
    Result sync(ChannelLink given) {
        String key = given.publicKeyHex();
        // peer hints of the link the viewer gave are kept for later polls (stored links have none)
        if (!given.peers().isEmpty()) hints.put(key, given.peers());
        ChannelLink link = given;
        for (String peer : hints.getOrDefault(key, java.util.List.of())) {
            if (!link.peers().contains(peer)) link = link.withPeer(peer);
        }
        if (key.equals(ownKey)) return new Result(Result.Outcome.UP_TO_DATE, 0, "this is this node's own channel");
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            if (store.isBlocked(key)) return new Result(Result.Outcome.BLOCKED, 0, "the channel is blocked");
            try {
                return syncLocked(link);
            } catch (SwarmException | IllegalStateException e) {
                LOG.warn("channel {}: {}", key, e.getMessage());
                return new Result(Result.Outcome.FAILED, 0, e.getMessage());
            }
        }
    }

    private Result syncLocked(ChannelLink link) {
        String key = link.publicKeyHex();
        Optional<ChannelPointer> found = swarm.getChannelPointer(link.publicKey(), link.salt(), LOOKUP_TIMEOUT);
        store.recordPoll(link);
        if (found.isEmpty()) {
            return new Result(Result.Outcome.NOT_FOUND, 0, "no DHT node holds the channel's pointer right now");
        }
        ChannelPointer pointer = found.get();
        Optional<String> catalogInfohash = pointer.catalogInfohash();
        if (catalogInfohash.isEmpty()) {
            LOG.warn("refusing channel {}: its DHT item is not a BEP 46 pointer", key);
            return new Result(Result.Outcome.REFUSED, 0, "the channel's DHT item is not a catalog pointer");
        }
        String infohash = catalogInfohash.get();
        Optional<ChannelInfo> known = store.channel(key);
        Optional<String> merged = known.flatMap(ChannelInfo::catalogInfohash);
        if (merged.isPresent() && merged.get().equals(infohash)) {
            keep(key, pointer);
            if (swarm.status(infohash).isEmpty()) fetch(link, infohash); // seed it again after a restart
            return new Result(Result.Outcome.UP_TO_DATE, 0, "up to date");
        }
        if (known.isPresent() && known.get().seq().isPresent() && pointer.seq() < known.get().seq().getAsLong()) {
            LOG.warn("refusing channel {}: the DHT offers seq {}, older than the seq {} held", key, pointer.seq(),
                    known.get().seq().getAsLong());
            return new Result(Result.Outcome.REFUSED, 0, "the DHT offered an older version than the one held");
        }
        // the previous version's torrent would hold the same files open while the new one checks
        // and rewrites them: stop it first (its unchanged files are re-used by the new one)
        merged.ifPresent(this::removeQuietly);
        fetch(link, infohash);
        long deadline = System.nanoTime() + FETCH_TIMEOUT.toNanos();
        long nextLookup = System.nanoTime() + RELOOKUP_AFTER.toNanos();
        while (true) {
            Optional<String> refusal = swarm.refusal(infohash);
            if (refusal.isPresent()) {
                return new Result(Result.Outcome.REFUSED, 0, "the catalog torrent was refused: " + refusal.get());
            }
            if (swarm.status(infohash).map(TorrentStatus::isComplete).orElse(false)) break;
            if (System.nanoTime() > deadline) {
                LOG.warn("catalog {} of channel {} incomplete after {} s: {}", infohash, key, FETCH_TIMEOUT.toSeconds(),
                        swarm.status(infohash).map(Object::toString).orElse("not in the engine"));
                return new Result(Result.Outcome.FAILED, 0, "the catalog did not arrive within " + FETCH_TIMEOUT.toSeconds()
                        + " s; it is retried at the next poll");
            }
            if (System.nanoTime() > nextLookup) {
                // libtorrent asks the DHT for a new torrent's peers once, then every 15 minutes:
                // the creator's own announce may have come after that first question
                if (swarm.status(infohash).map(st -> st.peers() == 0).orElse(false)) swarm.reannounce(infohash);
                // a version nobody seeds any more (the creator published again meanwhile) would
                // stall here: if the DHT points somewhere newer, drop this one and fetch that
                nextLookup = System.nanoTime() + RELOOKUP_AFTER.toNanos();
                long heldSeq = pointer.seq();
                Optional<ChannelPointer> newer = swarm.getChannelPointer(link.publicKey(), link.salt(), LOOKUP_TIMEOUT)
                        .filter(p -> p.seq() > heldSeq && p.catalogInfohash().isPresent());
                if (newer.isPresent()) {
                    LOG.info("channel {}: version {} is stale, switching to version {}", key, pointer.seq(), newer.get().seq());
                    removeQuietly(infohash);
                    pointer = newer.get();
                    infohash = pointer.catalogInfohash().get();
                    fetch(link, infohash);
                }
            }
            try {
                Thread.sleep(100); // the engine has no completion callback for directory torrents; bounded poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(Result.Outcome.FAILED, 0, "interrupted");
            }
        }
        SignedCatalog catalog;
        MergeResult result;
        try {
            catalog = CatalogDirectory.read(catalogsDir.resolve(key), link.publicKey());
            result = store.merge(catalog, infohash);
        } catch (CatalogException | IOException e) {
            LOG.warn("refusing the catalog {} of channel {}: {}", infohash, key, e.getMessage());
            removeQuietly(infohash);
            return new Result(Result.Outcome.REFUSED, 0, "the catalog was refused: " + e.getMessage());
        }
        String fetched = infohash;
        merged.filter(old -> !old.equals(fetched)).ifPresent(this::removeQuietly);
        keep(key, pointer);
        swarm.reannounce(infohash); // tell the DHT at once that this node now seeds the catalog too
        reput(pointer);
        LOG.info("channel {} ({}) now at version {}: {} added, {} changed, {} removed", key, catalog.profile().name(),
                catalog.seq(), result.added(), result.changed(), result.removed());
        return new Result(Result.Outcome.UPDATED, result.added(), "updated to version " + catalog.seq());
    }

    /**
     * Fetches one version of a channel's catalog into {@code parent}/{@code <key>} and reads it,
     * verified, without merging it or keeping its torrent: for a node that finds a newer version
     * of its own channel, published from another machine with the same identity.
     *
     * @return the catalog, or empty if it was refused or did not arrive within {@code timeout}
     */
    Optional<SignedCatalog> fetchOnce(ChannelLink link, String infohash, Path parent, Duration timeout) {
        String key = link.publicKeyHex();
        try {
            fetch(link, infohash, parent);
            long deadline = System.nanoTime() + timeout.toNanos();
            long nextAnnounce = System.nanoTime() + RELOOKUP_AFTER.toNanos();
            while (!swarm.status(infohash).map(TorrentStatus::isComplete).orElse(false)) {
                Optional<String> refusal = swarm.refusal(infohash);
                if (refusal.isPresent() || System.nanoTime() > deadline) {
                    LOG.warn("catalog {} of channel {} not fetched: {}", infohash, key,
                            refusal.orElse("incomplete after " + timeout.toSeconds() + " s"));
                    return Optional.empty();
                }
                if (System.nanoTime() > nextAnnounce) {
                    // libtorrent asks the DHT for a new torrent's peers once, then every 15 minutes
                    if (swarm.status(infohash).map(st -> st.peers() == 0).orElse(false)) swarm.reannounce(infohash);
                    nextAnnounce = System.nanoTime() + RELOOKUP_AFTER.toNanos();
                }
                Thread.sleep(100); // the engine has no completion callback for directory torrents; bounded poll
            }
            return Optional.of(CatalogDirectory.read(parent.resolve(key), link.publicKey()));
        } catch (CatalogException | IOException | SwarmException e) {
            LOG.warn("refusing the catalog {} of channel {}: {}", infohash, key, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            removeQuietly(infohash);
        }
    }

    private void fetch(ChannelLink link, String infohash) {
        fetch(link, infohash, catalogsDir);
    }

    private void fetch(ChannelLink link, String infohash, Path parent) {
        MagnetLink magnet = new MagnetLink(infohash, link.publicKeyHex(), java.util.List.of(), link.peers(), java.util.List.of());
        String key = link.publicKeyHex();
        swarm.fetchDirectory(magnet, parent, (name, files) -> {
            if (!name.equals(key)) {
                throw new SwarmException("the catalog torrent is named '" + name + "', not after the channel's key");
            }
            for (String file : files) {
                try {
                    CatalogLayout.checkFileName(file);
                } catch (CatalogException e) {
                    throw new SwarmException(e.getMessage());
                }
            }
        });
    }

    private void keep(String key, ChannelPointer pointer) {
        held.merge(key, pointer, (old, now) -> now.seq() >= old.seq() ? now : old);
    }

    /** Addresses where a channel's creator was reached (from its link or the LAN), if any. */
    java.util.List<String> peerHints(String key) {
        return hints.getOrDefault(key, java.util.List.of());
    }

    /** Stores every pointer held again (subscribers keep channels reachable). */
    void reputAll() {
        for (ChannelPointer p : held.values()) {
            if (store.isBlocked(p.publicKeyHex())) continue;
            reput(p);
        }
    }

    private void reput(ChannelPointer pointer) {
        try {
            swarm.putChannelPointer(pointer);
        } catch (SwarmException e) {
            LOG.debug("cannot store {} again: {}", pointer, e.getMessage());
        }
    }

    /** Stops seeding a channel's catalog (after a block or an unsubscribe). */
    void forget(String key) {
        held.remove(key);
        store.channel(key).flatMap(ChannelInfo::catalogInfohash).ifPresent(this::removeQuietly);
    }

    private void removeQuietly(String infohash) {
        try {
            if (swarm.status(infohash).isPresent()) swarm.remove(infohash, false);
        } catch (SwarmException e) {
            LOG.debug("catalog torrent {} already gone", infohash);
        }
    }
}
