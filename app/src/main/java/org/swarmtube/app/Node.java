package org.swarmtube.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.VideoRecord;
import org.swarmtube.catalog.VideoStore;
import org.swarmtube.swarm.HashingProgress;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.PublishRequest;
import org.swarmtube.swarm.PublishedTorrent;
import org.swarmtube.swarm.SwarmConfig;
import org.swarmtube.swarm.SwarmEngine;
import org.swarmtube.swarm.SwarmException;
import org.swarmtube.swarm.TorrentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: one data directory, its database and its BitTorrent engine. The command
 * line and (later) the desktop UI start the same node. Only one node runs per data directory; a
 * second process talks to it through the control API instead.
 */
public final class Node implements NodeApi, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final Home home;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final VideoStore videos;
    private final SwarmEngine swarm;
    private StreamServer streamServer;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Node(Home home, FileChannel lockChannel, FileLock lock, VideoStore videos, SwarmEngine swarm) {
        this.home = home;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.videos = videos;
        this.swarm = swarm;
    }

    /**
     * Starts a node on a data directory.
     *
     * @throws NodeBusyException if another process runs a node on it
     * @throws SwarmException    if the engine cannot start (a port in use, say)
     */
    public static Node start(Home home, NodeOptions options) {
        FileChannel channel = null;
        FileLock lock = null;
        VideoStore store = null;
        try {
            channel = FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) throw new NodeBusyException(home);
            store = VideoStore.open(home.dir());
            SwarmEngine engine = startEngine(home, options);
            return new Node(home, channel, lock, store, engine);
        } catch (IOException e) {
            closeQuietly(store, lock, channel);
            throw new SwarmException("cannot lock " + home.lockFile() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(store, lock, channel);
            throw e;
        }
    }

    private static SwarmEngine startEngine(Home home, NodeOptions options) {
        SwarmConfig config = new SwarmConfig(home.swarmState(), new HostPort("0.0.0.0", 0), true, options.dhtBootstrap(),
                options.dhtAllowLocal(), options.upnp(), options.natPmp(), options.lsd(), options.limits());
        if (options.listen().isPresent()) {
            HostPort listen = options.listen().get();
            if (listen.host().startsWith("127.") || listen.host().equals("::1") || listen.host().equals("localhost")) {
                // mapping a loopback port through a router or announcing it on the LAN means nothing
                config = config.withUpnp(false).withNatPmp(false).withLsd(false);
            }
            return SwarmEngine.start(config.withListen(listen));
        }
        // zero configuration: the port chosen on first start is kept, so peers and routers' port
        // mappings find this node again; if another program took it meanwhile, choose anew
        Optional<Integer> remembered = readRememberedPort(home);
        SwarmEngine engine;
        if (remembered.isPresent()) {
            try {
                engine = SwarmEngine.start(config.withListen(new HostPort("0.0.0.0", remembered.get())));
                return engine;
            } catch (SwarmException e) {
                LOG.warn("the remembered port {} is not available ({}); choosing another", remembered.get(), e.getMessage());
            }
        }
        engine = SwarmEngine.start(config);
        rememberPort(home, engine.listenPort());
        return engine;
    }

    private static Optional<Integer> readRememberedPort(Home home) {
        try {
            if (!Files.exists(home.settingsFile())) return Optional.empty();
            int port = Json.MAPPER.readTree(home.settingsFile().toFile()).path("listenPort").asInt(0);
            return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}: {}", home.settingsFile(), e.getMessage());
            return Optional.empty();
        }
    }

    private static void rememberPort(Home home, int port) {
        try {
            ObjectNode settings = Json.MAPPER.createObjectNode().put("listenPort", port);
            Path tmp = home.settingsFile().resolveSibling("settings.json.tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), settings);
            Files.move(tmp, home.settingsFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot remember the listen port in {}: {}", home.settingsFile(), e.getMessage());
        }
    }

    public Home home() {
        return home;
    }

    /** The engine, for the UI and tests; the command line goes through {@link NodeApi}. */
    public SwarmEngine swarm() {
        return swarm;
    }

    public VideoStore videos() {
        return videos;
    }

    @Override
    public PublishResult publish(PublishCommand command) {
        return publish(command, HashingProgress.NONE);
    }

    /**
     * Publishes a file, reporting hashing progress. Title and tags are checked before hashing;
     * if recording the video fails, the torrent is removed again, so nothing is half-published.
     */
    public PublishResult publish(PublishCommand command, HashingProgress progress) {
        VideoRecord.checkMetadata(command.title(), command.description(), command.tags());
        PublishedTorrent torrent = swarm.publish(
                new PublishRequest(command.file(), command.trackers(), command.webSeeds(), 0), progress);
        VideoRecord record = new VideoRecord(VideoId.ofInfohash(torrent.infohash()), torrent.infohash(), Optional.empty(),
                command.title(), command.description(), command.tags(), torrent.name(), torrent.sizeBytes(), Instant.now());
        try {
            videos.put(record);
        } catch (RuntimeException e) {
            swarm.remove(torrent.infohash(), false);
            throw e;
        }
        LOG.info("published {} as {} ({})", command.file(), record.id(), torrent.infohash());
        return new PublishResult(record.id().toString(), torrent.infohash(), torrent.magnet());
    }

    @Override
    public FetchProgress startFetch(String link, Path out) {
        MagnetLink magnet = MagnetLink.parse(link);
        String infohash = swarm.fetch(magnet, out);
        return fetchProgress(infohash);
    }

    @Override
    public FetchProgress fetchProgress(String infohash) {
        TorrentStatus s = swarm.status(infohash)
                .orElseThrow(() -> new SwarmException("no torrent " + infohash + " in this node"));
        boolean done = s.isComplete();
        return new FetchProgress(s.infohash(), s.name(), s.state().name(), s.progress(), s.sizeBytes(), s.doneBytes(),
                s.downloadRate(), s.peers(), done, done ? s.path() : "", done ? s.sizeBytes() : 0,
                s.downloadedBytes(), s.error());
    }

    @Override
    public StatusReport status() {
        List<TorrentView> torrents = swarm.torrents().stream()
                .map(s -> new TorrentView(s.infohash(), s.name(), s.progress(), s.peers(), s.seeds(), s.copies(),
                        s.downloadRate(), s.uploadRate(), s.state().name(), s.sizeBytes(), s.path()))
                .toList();
        return new StatusReport(torrents, swarm.listenPort());
    }

    @Override
    public StreamUrl stream(String what) {
        String infohash;
        if (VideoId.looksLikeVideoId(what) && !Infohash.isInfohash(what)) {
            VideoRecord video = videos.find(VideoId.parse(what))
                    .orElseThrow(() -> new IllegalArgumentException("no video " + what.trim() + " is known here"));
            infohash = video.infohash();
            if (swarm.status(infohash).isEmpty()) swarm.add(MagnetLink.of(infohash), library(infohash));
        } else {
            MagnetLink link = MagnetLink.parse(what);
            infohash = swarm.add(link, library(link.infohash()));
        }
        String name = swarm.status(infohash).map(TorrentStatus::name).orElse("");
        return new StreamUrl(streamServer().url(infohash, name), infohash);
    }

    /**
     * Guards a player that plays {@code infohash} from this node's stream server against stalls.
     *
     * @param bytesPerSecond the video's average bitrate (size over duration)
     */
    public StallGuard guard(String infohash, double bytesPerSecond, StallGuard.Player player) {
        return new StallGuard(swarm, streamServer(), Infohash.normalize(infohash), bytesPerSecond, player);
    }

    private Path library(String infohash) {
        return home.dir().resolve("library").resolve(infohash);
    }

    private synchronized StreamServer streamServer() {
        if (streamServer == null) {
            try {
                streamServer = StreamServer.start(swarm);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the stream server: " + e.getMessage(), e);
            }
        }
        return streamServer;
    }

    /** Saves resume data, stops the engine, closes the database and releases the data directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        synchronized (this) {
            if (streamServer != null) streamServer.close();
        }
        try {
            swarm.close();
        } finally {
            closeQuietly(videos, lock, lockChannel);
        }
    }

    private static void closeQuietly(VideoStore store, FileLock lock, FileChannel channel) {
        try {
            if (store != null) store.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the database: {}", e.getMessage());
        }
        try {
            if (lock != null) lock.release();
            if (channel != null) channel.close();
        } catch (IOException e) {
            LOG.warn("releasing the data directory lock: {}", e.getMessage());
        }
    }

    /** Another process runs a node on the same data directory. */
    public static final class NodeBusyException extends RuntimeException {
        NodeBusyException(Home home) {
            super("another swarmtube process is using " + home + "; wait for it to finish, or run 'swarmtube node' "
                    + "there so that commands can talk to it");
        }
    }
}
