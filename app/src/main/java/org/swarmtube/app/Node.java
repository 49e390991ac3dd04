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
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.ChannelStore;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.CatalogLimits;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.Jpeg;
import org.swarmtube.catalog.channel.SignedCatalog;
import org.swarmtube.media.MediaInfo;
import org.swarmtube.media.MediaProbe;
import org.swarmtube.media.NotAVideoException;
import org.swarmtube.media.Thumbnailer;
import org.swarmtube.media.VideoSource;
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
    private final OwnChannel own;
    private final ChannelSync sync;
    private final ChannelPoller poller;
    private final SettingsStore settingsStore;
    private final Library library;
    private final LanDiscovery lan;
    private StreamServer streamServer;
    /** What both ways of playing a download hold back from the player (see StallGuard). */
    private final HoldBack holdBack = new HoldBack();
    private final String swarmListenHost;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Node(Home home, FileChannel lockChannel, FileLock lock, VideoStore videos, SwarmEngine swarm,
                 NodeOptions options) {
        this.home = home;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.videos = videos;
        this.swarm = swarm;
        this.swarmListenHost = options.listen().map(HostPort::host).orElse("0.0.0.0");
        this.own = OwnChannel.open(home, swarm, videos.channels());
        this.sync = new ChannelSync(swarm, videos.channels(), home.catalogsDir(), own.publicKeyHex());
        own.start(sync);
        this.settingsStore = new SettingsStore(home);
        this.library = new Library(home, swarm, videos, settingsStore, own);
        this.poller = new ChannelPoller(sync, videos.channels(), own, options.pollInterval(), this::keepCopy);
        this.lan = options.lsd() ? startLan(options) : null;
    }

    private LanDiscovery startLan(NodeOptions options) {
        try {
            return new LanDiscovery(options.lanInterface().orElse(null), own.bareLink(), swarm.listenPort(), link -> {
                if (videos.channels().learn(link, org.swarmtube.catalog.ChannelSource.LAN)) {
                    LOG.info("found channel {} on the local network at {}", link.publicKeyHex(), link.peers());
                    poller.pollNow(link);
                }
            });
        } catch (java.io.IOException | RuntimeException e) {
            LOG.info("no channel discovery on the local network: {}", e.getMessage());
            return null;
        }
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
            try {
                return new Node(home, channel, lock, store, engine, options);
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(store, lock, channel);
            throw new SwarmException("cannot lock " + home.lockFile() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(store, lock, channel);
            throw e;
        }
    }

    private static SwarmEngine startEngine(Home home, NodeOptions options) {
        // settings.json: the limits unless given on the command line; port mapping only if both allow it
        Settings settings = Settings.load(home);
        SwarmConfig config = new SwarmConfig(home.swarmState(), new HostPort("0.0.0.0", 0), true, options.dhtBootstrap(),
                options.dhtAllowLocal(), options.upnp() && settings.portMapping(), options.natPmp() && settings.portMapping(),
                options.lsd(), settings.limitsUnder(options.limits()));
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
            Settings.load(home).withListenPort(port).save(home); // keeps the other settings
        } catch (IllegalStateException e) {
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

    /** The viewer's settings ({@code settings.json}). */
    public Settings settings() {
        return settingsStore.current();
    }

    /**
     * Saves new settings and applies what can change while running: rate limits at once, the
     * storage quota and seeding policy at the library's next check (started at once). The listen
     * port and port mapping apply at the next start. Listeners are called on this thread.
     */
    public Settings updateSettings(Settings settings) {
        Settings saved = settingsStore.update(settings);
        swarm.setLimits(saved.limits());
        return saved;
    }

    /** Calls {@code listener} after every settings change (theme, limits...), on the changing thread. */
    public SettingsStore.Registration onSettingsChanged(java.util.function.Consumer<Settings> listener) {
        return settingsStore.listen(listener);
    }

    /** Every torrent as the viewer sees it, the storage quota and the seeding policy. */
    public Library library() {
        return library;
    }

    @Override
    public PublishResult publish(PublishCommand command) {
        return publish(command, HashingProgress.NONE);
    }

    /**
     * Publishes a file, reporting hashing progress: checks that it is a video (duration,
     * resolution, a thumbnail), hashes and seeds it, records it and lists it in this node's
     * channel. Title and tags are checked first; if a later step fails, the torrent is removed
     * again, so nothing is half-published.
     *
     * @throws IllegalArgumentException if the file is not a playable video, saying why
     */
    public PublishResult publish(PublishCommand command, HashingProgress progress) {
        VideoRecord.checkMetadata(command.title(), command.description(), command.tags());
        Probed probed = command.anyFile() ? Probed.NONE : probe(command.file());
        PublishedTorrent torrent = swarm.publish(
                new PublishRequest(command.file(), command.trackers(), command.webSeeds(), 0), progress);
        Instant now = Instant.now();
        VideoRecord record = new VideoRecord(VideoId.ofInfohash(torrent.infohash()), torrent.infohash(), Optional.empty(),
                command.title(), command.description(), command.tags(), torrent.name(), torrent.sizeBytes(), now);
        try {
            videos.put(record);
            own.add(CatalogEntry.of(torrent.infohash(), command.title(), command.description(), command.tags(),
                    probed.duration(), probed.width(), probed.height(), torrent.sizeBytes(), now, probed.thumbnail()));
        } catch (RuntimeException e) {
            swarm.remove(torrent.infohash(), false);
            throw e;
        }
        swarm.reannounce(torrent.infohash()); // on the DHT at once, for viewers who only have the catalog
        LOG.info("published {} as {} ({})", command.file(), record.id(), torrent.infohash());
        return new PublishResult(record.id().toString(), torrent.infohash(), torrent.magnet());
    }

    /** What probing found out about a video file. */
    private record Probed(java.time.Duration duration, int width, int height, Optional<Jpeg> thumbnail) {
        static final Probed NONE = new Probed(java.time.Duration.ZERO, 0, 0, Optional.empty());
    }

    private Probed probe(Path file) {
        // the same sentences as the engine's, whether or not the file was to be probed
        if (!Files.exists(file)) throw new SwarmException(file.toAbsolutePath() + ": no such file");
        if (Files.isDirectory(file)) throw new SwarmException(file.toAbsolutePath() + " is a directory, not a video file");
        try {
            if (Files.size(file) == 0) throw new SwarmException(file.toAbsolutePath() + " is empty");
        } catch (java.io.IOException e) {
            throw new SwarmException("cannot read " + file + ": " + e.getMessage(), e);
        }
        MediaInfo info;
        try (MediaProbe probe = new MediaProbe()) {
            info = probe.probe(file);
        } catch (NotAVideoException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Optional<Jpeg> thumbnail = Optional.empty();
        try (Thumbnailer thumbnailer = new Thumbnailer()) {
            Path jpeg = home.thumbnailsDir().resolve(file.getFileName() + "-" + System.nanoTime() + ".jpg");
            Files.createDirectories(jpeg.getParent());
            thumbnailer.writeThumbnail(file, jpeg);
            byte[] bytes = Files.readAllBytes(jpeg);
            Files.deleteIfExists(jpeg);
            if (bytes.length <= CatalogLimits.MAX_THUMBNAIL_BYTES) thumbnail = Optional.of(Jpeg.of(bytes));
            else LOG.warn("the thumbnail of {} is {} bytes, over the catalog's limit; publishing without", file, bytes.length);
        } catch (NotAVideoException | java.io.IOException | RuntimeException e) {
            LOG.warn("no thumbnail for {}: {}", file, e.getMessage());
        }
        return new Probed(info.duration(), info.width(), info.height(), thumbnail);
    }

    @Override
    public UnpublishResult unpublish(String videoId) {
        VideoId id = VideoId.parse(videoId);
        boolean removed = own.remove(id);
        if (!removed) throw new IllegalArgumentException("the video " + videoId.trim() + " is not in this node's channel");
        return new UnpublishResult(id.toString(), true, "removed from the channel's catalog; subscribers drop it at their"
                + " next poll, but copies others already downloaded cannot be recalled");
    }

    // ---- channels

    @Override
    public ChannelView channel() {
        SignedCatalog catalog = own.catalog();
        return new ChannelView(shareableLink().toUri(), own.publicKeyHex(), catalog.profile().name());
    }

    /**
     * The own channel's link, with this node's address as a peer hint when it listens on a
     * specific address (a LAN or loopback node); a node on all interfaces is found through the DHT.
     */
    public ChannelLink shareableLink() {
        ChannelLink link = own.bareLink();
        String host = swarmListenHost;
        if (host != null && !host.equals("0.0.0.0") && !host.equals("::")) link = link.withPeer(host + ":" + swarm.listenPort());
        return link;
    }

    @Override
    public ChannelView editChannel(String name, String description, List<String> recommend) {
        ChannelProfile current = own.catalog().profile();
        List<ChannelLink> links = current.recommended();
        if (recommend != null) {
            links = new java.util.ArrayList<>();
            for (String link : recommend) {
                ChannelLink parsed = ChannelLink.parse(link).withoutPeers();
                if (parsed.publicKeyHex().equals(own.publicKeyHex())) throw new IllegalArgumentException("a channel cannot recommend itself");
                links.add(parsed);
            }
        }
        own.setProfile(new ChannelProfile(name != null ? name : current.name(),
                description != null ? description : current.description(), current.avatar(), links));
        return channel();
    }

    /** Changes the own channel's name, description or avatar (signs and publishes a new version). */
    public void setProfile(ChannelProfile profile) {
        own.setProfile(profile);
    }

    /** The own channel's current profile. */
    public ChannelProfile profile() {
        return own.catalog().profile();
    }

    @Override
    public ChannelChange subscribe(String link, boolean keepCopy) {
        ChannelLink channel = ChannelLink.parse(link);
        if (channel.publicKeyHex().equals(own.publicKeyHex())) {
            throw new IllegalArgumentException("this is this node's own channel");
        }
        ChannelStore store = videos.channels();
        store.learn(channel, org.swarmtube.catalog.ChannelSource.SUBSCRIBED);
        store.subscribe(channel);
        store.setKeepCopy(channel, keepCopy);
        ChannelSync.Result result = awaitSync(channel);
        return change(channel, result.outcome() == ChannelSync.Result.Outcome.UPDATED
                || result.outcome() == ChannelSync.Result.Outcome.UP_TO_DATE, result.message());
    }

    /**
     * Records a channel opened by link (without subscribing) and looks it up in the background.
     *
     * @return the future result of the lookup
     */
    public java.util.concurrent.CompletableFuture<ChannelChange> openChannel(String link) {
        ChannelLink channel = ChannelLink.parse(link);
        videos.channels().learn(channel, org.swarmtube.catalog.ChannelSource.LINK);
        if (channel.publicKeyHex().equals(own.publicKeyHex())) {
            return java.util.concurrent.CompletableFuture.completedFuture(change(channel, true, "this node's own channel"));
        }
        return poller.pollNow(channel).thenApply(r -> change(channel,
                r.outcome() == ChannelSync.Result.Outcome.UPDATED || r.outcome() == ChannelSync.Result.Outcome.UP_TO_DATE,
                r.message()));
    }

    /** Looks a known channel up now, in the background. */
    public java.util.concurrent.CompletableFuture<ChannelChange> refresh(String link) {
        ChannelLink channel = ChannelLink.parse(link);
        return poller.pollNow(channel).thenApply(r -> change(channel,
                r.outcome() == ChannelSync.Result.Outcome.UPDATED || r.outcome() == ChannelSync.Result.Outcome.UP_TO_DATE,
                r.message()));
    }

    private ChannelSync.Result awaitSync(ChannelLink channel) {
        try {
            return poller.pollNow(channel).get(ChannelSync.LOOKUP_TIMEOUT.plus(ChannelSync.FETCH_TIMEOUT).toSeconds() + 5,
                    java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return new ChannelSync.Result(ChannelSync.Result.Outcome.FAILED, 0, "the lookup is still running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChannelSync.Result(ChannelSync.Result.Outcome.FAILED, 0, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return new ChannelSync.Result(ChannelSync.Result.Outcome.FAILED, 0, Verb.sentence(e.getCause()));
        }
    }

    @Override
    public ChannelChange unsubscribe(String link) {
        ChannelLink channel = ChannelLink.parse(link);
        boolean was = videos.channels().unsubscribe(channel);
        return change(channel, true, was ? "unsubscribed" : "was not subscribed");
    }

    @Override
    public ChannelChange block(String link) {
        ChannelLink channel = ChannelLink.parse(link);
        if (channel.publicKeyHex().equals(own.publicKeyHex())) throw new IllegalArgumentException("cannot block this node's own channel");
        videos.channels().block(channel);
        sync.forget(channel.publicKeyHex());
        return change(channel, true, "blocked: its videos no longer appear in the feed, browsing or search");
    }

    /** Lifts a block. */
    public ChannelChange unblock(String link) {
        ChannelLink channel = ChannelLink.parse(link);
        videos.channels().unblock(channel);
        return change(channel, true, "unblocked");
    }

    private ChannelChange change(ChannelLink link, boolean found, String message) {
        Optional<ChannelInfo> info = videos.channels().channel(link.publicKeyHex());
        return new ChannelChange(link.withoutPeers().toUri(), link.publicKeyHex(),
                info.flatMap(ChannelInfo::name).orElse(""), info.map(ChannelInfo::subscribed).orElse(false),
                info.map(ChannelInfo::blocked).orElse(false), found, info.map(ChannelInfo::videoCount).orElse(0), message);
    }

    @Override
    public VideoList feed() {
        return new VideoList(videos.channels().feed(0, ChannelStore.MAX_PAGE).stream().map(Node::feedVideo).toList());
    }

    @Override
    public VideoList search(String query) {
        return new VideoList(videos.channels().search(query, 0, ChannelStore.MAX_PAGE).stream().map(Node::feedVideo).toList());
    }

    static FeedVideo feedVideo(VideoSummary v) {
        return new FeedVideo(v.videoId().toString(), v.title(), v.channelName(), v.infohash(), v.magnet().toUri(),
                v.published().toString());
    }

    @Override
    public ChannelList channels() {
        return new ChannelList(videos.channels().channels().stream()
                .map(c -> new ChannelEntry(c.publicKeyHex(), c.name().orElse(""), c.link().map(ChannelLink::toUri).orElse(""),
                        c.subscribed(), c.blocked(), c.videoCount(), c.source().name().toLowerCase(java.util.Locale.ROOT),
                        c.seq().orElse(0)))
                .toList());
    }

    /** Everything the node knows of channels and their videos, for browsing and search. */
    public ChannelStore channelStore() {
        return videos.channels();
    }

    /** Tells {@code listener} (on a node thread) when subscribed channels bring new videos. */
    public void onNewVideos(java.util.function.Consumer<NewVideos> listener) {
        poller.onNewVideos(listener);
    }

    /** The window of this process, if it has one: opens links handed over by another launch. */
    private final java.util.List<java.util.function.Consumer<String>> linkOpeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Lets the window of this process open links handed over through the control API ({@code POST /v1/open}). */
    public void onOpenLink(java.util.function.Consumer<String> opener) {
        linkOpeners.add(opener);
    }

    /**
     * Hands a link (or "" to bring the window to the front) to this process's window.
     *
     * @return false if this node runs without a window ({@code swarmtube node})
     */
    public boolean openLink(String link) {
        if (linkOpeners.isEmpty()) return false;
        for (java.util.function.Consumer<String> opener : linkOpeners) opener.accept(link == null ? "" : link);
        return true;
    }

    private void keepCopy(VideoSummary video, List<String> peers) {
        if (swarm.status(video.infohash()).isPresent()) return;
        try {
            MagnetLink magnet = video.magnet();
            for (String peer : peers) magnet = magnet.withPeer(peer);
            swarm.download(magnet, library(video.infohash()));
        } catch (RuntimeException e) {
            LOG.warn("cannot keep a copy of {}: {}", video.infohash(), e.getMessage());
        }
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
        String catalogs = home.catalogsDir().toAbsolutePath().toString();
        List<TorrentView> torrents = swarm.torrents().stream()
                .filter(s -> !s.path().startsWith(catalogs)) // channel catalogs are the node's plumbing, not content
                .map(s -> new TorrentView(s.infohash(), s.name(), s.progress(), s.peers(), s.seeds(), s.copies(),
                        s.downloadRate(), s.uploadRate(), s.state().name(), s.sizeBytes(), s.path()))
                .toList();
        return new StatusReport(torrents, swarm.listenPort());
    }

    @Override
    public StreamUrl stream(String what) {
        String infohash = streamable(what);
        String name = swarm.status(infohash).map(TorrentStatus::name).orElse("");
        return new StreamUrl(streamServer().url(infohash, name), infohash);
    }

    /**
     * Adds the torrent of a magnet link, infohash or video id to be streamed (without waiting for its
     * metadata), for a player in this process ({@link #videoSource}); {@link #stream} also gives a URL.
     *
     * @return the torrent's infohash
     */
    public String streamable(String what) {
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
        return infohash;
    }

    /**
     * The largest file of a torrent of this node (see {@link #stream}), for a player in this
     * process: read directly while it downloads, without the stream server's HTTP hop, under the
     * same hold-back of the newest bytes, so {@link #guard} works for it too.
     */
    public VideoSource videoSource(String infohash) {
        return new StreamSource(swarm, holdBack, Infohash.normalize(infohash));
    }

    /**
     * Guards a player that plays {@code infohash} from this node's stream server or its
     * {@link #videoSource} against stalls.
     *
     * @param bytesPerSecond the video's average bitrate (size over duration)
     */
    public StallGuard guard(String infohash, double bytesPerSecond, StallGuard.Player player) {
        return new StallGuard(swarm, holdBack, Infohash.normalize(infohash), bytesPerSecond, player);
    }

    private Path library(String infohash) {
        return home.dir().resolve("library").resolve(infohash);
    }

    private synchronized StreamServer streamServer() {
        if (streamServer == null) {
            try {
                streamServer = StreamServer.start(swarm, holdBack);
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
        if (lan != null) lan.close();
        library.close();
        poller.close();
        own.close();
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
