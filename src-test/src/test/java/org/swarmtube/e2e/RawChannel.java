package org.swarmtube.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.swarmtube.catalog.channel.CatalogDirectory;
import org.swarmtube.catalog.channel.CatalogLayout;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.Identity;
import org.swarmtube.catalog.channel.SignedCatalog;
import org.swarmtube.swarm.ChannelPointer;
import org.swarmtube.swarm.PublishedTorrent;
import org.swarmtube.swarm.SwarmEngine;

/**
 * A channel published by hand with the same library calls the app uses (catalog files, a
 * directory torrent, a DHT pointer), so a test can also publish what the app never would.
 */
final class RawChannel {
    static final byte[] SALT = "swarmtube".getBytes(StandardCharsets.US_ASCII);

    final Identity identity;
    final SwarmEngine engine;
    final Path dir;
    private String seeding;
    private long pointerSeq;

    RawChannel(Identity identity, SwarmEngine engine, Path root) {
        this.identity = identity;
        this.engine = engine;
        this.dir = root.resolve(identity.publicKeyHex());
    }

    String link() {
        return ChannelLink.of(identity.publicKey(), SALT).withPeer("127.0.0.1:" + engine.listenPort()).toUri();
    }

    /** Writes a catalog's files (unchanged ones are left alone) and publishes them. */
    PublishedTorrent publish(SignedCatalog catalog) throws Exception {
        CatalogDirectory.write(catalog, dir);
        return publishDirectory(Math.max(catalog.seq(), pointerSeq + 1));
    }

    /** Publishes raw files as the catalog directory, whatever they hold. */
    PublishedTorrent publishFiles(Map<String, byte[]> files, long seq) throws Exception {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        return publishDirectory(seq);
    }

    /** The layout's files of a catalog, to be altered before publishing. */
    static java.util.SortedMap<String, byte[]> files(SignedCatalog catalog) {
        return CatalogLayout.toFiles(catalog);
    }

    private PublishedTorrent publishDirectory(long seq) {
        if (seeding != null) engine.remove(seeding, false);
        PublishedTorrent torrent = engine.seedDirectory(dir);
        seeding = torrent.infohash();
        engine.reannounce(seeding);
        pointerSeq = seq;
        engine.putChannelPointer(ChannelPointer.sign(identity, SALT, seq, torrent.infohash()));
        return torrent;
    }
}
