package org.swarmtube.swarm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.libtorrent4j.AddTorrentParams;
import org.libtorrent4j.AlertListener;
import org.libtorrent4j.ErrorCode;
import org.libtorrent4j.SessionHandle;
import org.libtorrent4j.SessionManager;
import org.libtorrent4j.SessionParams;
import org.libtorrent4j.SettingsPack;
import org.libtorrent4j.Sha1Hash;
import org.libtorrent4j.TorrentFlags;
import org.libtorrent4j.TorrentHandle;
import org.libtorrent4j.TorrentInfo;
import org.libtorrent4j.Vectors;
import org.libtorrent4j.alerts.AddTorrentAlert;
import org.libtorrent4j.alerts.Alert;
import org.libtorrent4j.alerts.AlertType;
import org.libtorrent4j.alerts.FileErrorAlert;
import org.libtorrent4j.alerts.ListenFailedAlert;
import org.libtorrent4j.alerts.SaveResumeDataAlert;
import org.libtorrent4j.alerts.TorrentAlert;
import org.libtorrent4j.alerts.TorrentErrorAlert;
import org.libtorrent4j.swig.address;
import org.libtorrent4j.swig.error_code;
import org.libtorrent4j.swig.ip_filter;
import org.libtorrent4j.swig.libtorrent;
import org.libtorrent4j.swig.settings_pack;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.catalog.MagnetLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BitTorrent engine: one libtorrent session with its torrents, their resume data and the
 * policies Swarmtube adds (resume data saved as pieces complete, so a kill -9 loses at most a
 * moment of downloading; limits that hold for LAN peers; fetches written to a chosen path).
 *
 * <p>Every method is thread-safe. Blocking methods ({@link #publish}) are meant for a background
 * thread. No libtorrent type appears in this class's public API.
 */
public final class SwarmEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SwarmEngine.class);
    private static final long RESUME_DEBOUNCE_MS = 250;
    private static final long POINTER_SETTLE_MS = 1000;
    private static final long PEER_SEARCH_NANOS = TimeUnit.SECONDS.toNanos(10);
    private long lastPeerSearch = System.nanoTime();
    private static final int GLOBAL_PEER_CLASS = 0;
    /** How long a streamed torrent keeps its read pieces and deadlines after its last reader left. */
    private static final long STREAM_LINGER_MS = 2000;

    private final SwarmConfig config;
    private final SessionManager session;
    private final ResumeFiles files;
    private final Map<String, String> targets = new ConcurrentHashMap<>();
    private final Set<String> savesInFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> savesWanted = ConcurrentHashMap.newKeySet();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<String, List<String>> peerHints = new ConcurrentHashMap<>();
    private final Map<String, StreamingTorrent> streams = new ConcurrentHashMap<>();
    /** Torrents added to be streamed: nothing is fetched until a reader says where it reads. */
    private final Set<String> awaitingReader = ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.concurrent.CompletableFuture<Void>> metadata = new ConcurrentHashMap<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    /** Directory torrents whose file list must pass a check before any piece is fetched. */
    private final Map<String, DirectoryCheck> directoryChecks = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, PointerQuery> pointerQueries = new ConcurrentHashMap<>();
    /** Per DHT key: lookups started and lookups libtorrent reported finished. */
    private final Map<String, long[]> traversals = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<List<DhtClient.Contact>>> liveNodeQueries =
            new ConcurrentHashMap<>();
    private final DhtClient dhtClient;
    private final java.util.concurrent.ScheduledExecutorService timer;
    private volatile String listenFailure;
    private volatile boolean closed;

    private SwarmEngine(SwarmConfig config) {
        this.config = config;
        this.files = new ResumeFiles(config.stateDir());
        this.session = new SessionManager(false);
        this.dhtClient = new DhtClient(config.listen().host());
        this.timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "swarm-resume");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a session: listens, joins the DHT, and restores every torrent saved in the state
     * directory (without re-checking what resume data says is complete).
     *
     * @throws SwarmException if the listen port is in use or the session cannot start
     */
    public static SwarmEngine start(SwarmConfig config) {
        NativeLibrary.ensureLoaded();
        checkPortFree(config.listen());
        if (config.listen().port() == 0) {
            // with port 0 libtorrent picks the TCP and the UDP (uTP, DHT) port separately, and
            // trackers, peers and DHT nodes may then be told a port nothing answers on
            config = config.withListen(new HostPort(config.listen().host(), freePort(config.listen().host())));
        }
        SwarmEngine engine = new SwarmEngine(config);
        try {
            engine.startSession();
            engine.restoreTorrents();
            engine.timer.scheduleWithFixedDelay(() -> {
                try {
                    engine.redialHints();
                } catch (RuntimeException e) {
                    LOG.warn("re-dialling peer hints: {}", e.toString());
                }
            }, 250, 250, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** A port free for both TCP and UDP on the host. */
    private static int freePort(String host) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(host, 0));
                int port = tcp.getLocalPort();
                try (java.net.DatagramSocket udp = new java.net.DatagramSocket(new InetSocketAddress(host, port))) {
                    return port;
                } catch (IOException busyForUdp) {
                    // try another
                }
            } catch (IOException e) {
                throw new SwarmException("cannot listen on " + host + ": " + e.getMessage(), e);
            }
        }
        throw new SwarmException("found no port free for both TCP and UDP on " + host);
    }

    private static void checkPortFree(HostPort listen) {
        if (listen.port() == 0) return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(listen.host(), listen.port()));
        } catch (IOException e) {
            throw new SwarmException("cannot listen on " + listen + ": the port is in use or the address is not local ("
                    + e.getMessage() + ")");
        }
    }

    private void startSession() {
        SettingsPack settings = new SettingsPack();
        settings.listenInterfaces(config.listen().toString());
        settings.setEnableDht(config.dht());
        settings.setEnableLsd(config.lsd());
        settings.setBoolean(settings_pack.bool_types.enable_upnp.swigValue(), config.upnp());
        settings.setBoolean(settings_pack.bool_types.enable_natpmp.swigValue(), config.natPmp());
        settings.setDhtBootstrapNodes(String.join(",", config.effectiveBootstrap().stream().map(HostPort::toString).toList()));
        if (config.dhtAllowLocal()) {
            settings.setBoolean(settings_pack.bool_types.dht_restrict_routing_ips.swigValue(), false);
            settings.setBoolean(settings_pack.bool_types.dht_restrict_search_ips.swigValue(), false);
            // every node of a loopback or one-host DHT shares one IP: libtorrent's default of 5
            // queries a second per IP blocks the whole test network for 5 minutes after a burst
            settings.setInteger(settings_pack.int_types.dht_block_ratelimit.swigValue(), 100_000);
        }
        // connect_peer and deadlines act on the next tick; 100 ms instead of 500 ms cuts the first
        // piece's delay on a LAN from ~480 ms to ~80 ms (measured, see dependency-facts.md)
        settings.tickInterval(100);
        // a stream sets all but the pieces it needs next aside, so its torrent is "finished" for
        // moments at a time (before the player comes, when a window is complete); libtorrent then
        // drops its seeds and the next piece waits for a reconnect (0.7-2.5 s measured when the
        // player opened the stream 0.5 s after it was added)
        settings.setBoolean(settings_pack.bool_types.close_redundant_connections.swigValue(), false);
        // libtorrent picks a torrent's first four pieces at random, whatever their priority: for a
        // stream those are the pieces the player waits for (measured with a seeder at twice the
        // bitrate: the first frame after 7-10 s, the player's pieces among the last to come)
        settings.setInteger(settings_pack.int_types.initial_picker_threshold.swigValue(), 0);
        settings.setString(settings_pack.string_types.user_agent.swigValue(), "Swarmtube/0.1 libtorrent/2.0.6");
        // peers behind one NAT (a campus, carrier-grade NAT) or on one host share an address;
        // libtorrent otherwise turns away every connection from an address it already talks to
        settings.setBoolean(settings_pack.bool_types.allow_multiple_connections_per_ip.swigValue(), true);
        // libtorrent dials uTP first; its throughput is a quarter of TCP's on a LAN (12-14 against
        // 40-61 MB/s on loopback, dependency-facts.md) and streaming needs the bandwidth. Peers
        // may still reach us over uTP.
        settings.setBoolean(settings_pack.bool_types.enable_outgoing_utp.swigValue(), false);
        // a video swarm is small: after a peer drops (a seeder paused, a laptop asleep) try it
        // again after seconds, not libtorrent's default minute, or playback stalls that long
        settings.setInteger(settings_pack.int_types.min_reconnect_time.swigValue(), 3);
        // never queue torrents: a seedbox seeds everything it holds
        settings.activeDownloads(-1);
        settings.activeSeeds(-1);
        settings.activeLimit(-1);
        settings.uploadRateLimit((int) config.limits().uploadBytesPerSecond());
        settings.downloadRateLimit((int) config.limits().downloadBytesPerSecond());

        session.addListener(new Alerts());
        session.start(new SessionParams(settings));
        applyLimitsToLocalPeers();
        for (HostPort node : config.effectiveBootstrap()) {
            if (config.dht()) session.swig().add_dht_node(new org.libtorrent4j.swig.string_int_pair(node.host(), node.port()));
        }
        try {
            if (!listening.await(10, TimeUnit.SECONDS)) {
                throw new SwarmException("the BitTorrent session did not start listening on " + config.listen());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwarmException("interrupted while starting");
        }
        if (listenFailure != null) throw new SwarmException(listenFailure);
        LOG.info("listening on {} (port {})", config.listen(), listenPort());
    }

    /**
     * libtorrent puts LAN and loopback peers in a peer class without rate limits. Mapping every
     * address to the global class makes a user's limits hold for them too.
     */
    private void applyLimitsToLocalPeers() {
        ip_filter filter = new ip_filter();
        error_code ec = new error_code();
        filter.add_rule(address.from_string("0.0.0.0", ec), address.from_string("255.255.255.255", ec),
                1L << GLOBAL_PEER_CLASS);
        filter.add_rule(address.from_string("::", ec),
                address.from_string("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ec), 1L << GLOBAL_PEER_CLASS);
        session.swig().set_peer_class_filter(filter);
    }

    private void restoreTorrents() {
        int restored = 0;
        for (String infohash : files.infohashes()) {
            Optional<byte[]> data = files.readResume(infohash);
            if (data.isEmpty()) continue;
            error_code ec = new error_code();
            org.libtorrent4j.swig.add_torrent_params raw =
                    libtorrent.read_resume_data_ex(Vectors.bytes2byte_vector(data.get()), ec);
            if (ec.value() != 0) {
                LOG.warn("ignoring unreadable resume data for {}: {}", infohash, ec.message());
                continue;
            }
            AddTorrentParams params = new AddTorrentParams(raw);
            params.setFlags(params.getFlags().and_(TorrentFlags.AUTO_MANAGED.inv()));
            files.readTarget(infohash).ifPresent(name -> targets.put(infohash, name));
            try {
                TorrentHandle handle = add(params);
                if (handle.torrentFile() != null) applyTarget(handle);
                restored++;
            } catch (SwarmException e) {
                LOG.warn("cannot restore torrent {}: {}", infohash, e.getMessage());
            }
        }
        LOG.info("restored {} torrents", restored);
    }

    /** How many nodes the DHT routing table holds (0 with the DHT off or not yet joined). */
    public long dhtNodes() {
        return session.dhtNodes();
    }

    /** The TCP port the session listens on. */
    public int listenPort() {
        return new SessionHandle(session.swig()).getListenPort();
    }

    /**
     * Hashes a file into a v1 torrent and seeds it from where it is. v1 only: aria2 1.36 hangs on
     * libtorrent's hybrid v1+v2 torrents and Transmission 3 cannot read v2, while v1 costs no
     * client anything.
     *
     * @return the torrent, already seeding
     * @throws SwarmException if the file is unusable or cannot be read
     */
    public PublishedTorrent publish(PublishRequest request, HashingProgress progress) {
        ensureOpen();
        TorrentMaker.Made made = TorrentMaker.make(request, progress);
        String infohash = made.info().infoHash().toHex();
        TorrentHandle existing = session.find(Sha1Hash.parseHex(infohash));
        if (existing == null || !existing.isValid()) {
            AddTorrentParams params = new AddTorrentParams();
            params.setTorrentInfo(made.info());
            params.setSavePath(request.file().toAbsolutePath().getParent().toString());
            // the file was hashed a moment ago: no need to check it again
            params.setFlags(running(params.getFlags()).or_(TorrentFlags.SEED_MODE));
            removed.remove(infohash);
            TorrentHandle handle = add(params);
            requestSave(handle);
            awaitSeeding(handle);
        }
        MagnetLink magnet = new MagnetLink(infohash, made.info().name(), request.trackers(), List.of(), request.webSeeds());
        return new PublishedTorrent(infohash, magnet.toUri(), made.info().name(), made.info().totalSize(),
                made.info().pieceLength(), made.torrentFile());
    }

    /**
     * Starts downloading a torrent to {@code target}: for a single-file torrent the file is
     * written at that path; for a multi-file torrent the path is its directory. If the torrent
     * is already known its download continues where it was.
     *
     * @return the torrent's infohash
     * @throws SwarmException if {@code target} exists and is not this torrent's data
     */
    public String fetch(MagnetLink link, Path target) {
        ensureOpen();
        String infohash = link.infohash();
        TorrentHandle existing = session.find(Sha1Hash.parseHex(infohash));
        if (existing != null && existing.isValid()) {
            existing.resume();
            addPeerHints(existing, link);
            return infohash;
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new SwarmException(absolute + " exists already; choose another output path");
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new SwarmException("cannot create " + absolute.getParent() + ": " + e.getMessage(), e);
        }
        // libtorrent checks the save path for the torrent's files as soon as the metadata arrives,
        // before a rename can take effect; an empty private save path means it never adopts, or
        // renames away, a stranger's file that happens to share the torrent's name
        targets.put(infohash, absolute.toString());
        files.writeTarget(infohash, absolute.toString());
        addMagnet(link, stagingDir(infohash));
        return infohash;
    }

    /**
     * Peers that connect while a new torrent is still starting are turned away and retry only
     * after a minute; returning once it seeds means a link handed out at once works at once.
     */
    private static void awaitSeeding(TorrentHandle handle) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            org.libtorrent4j.TorrentStatus s = handle.status(true);
            if (s.state() == org.libtorrent4j.TorrentStatus.State.SEEDING && !s.flags().and_(TorrentFlags.PAUSED).non_zero()) return;
            try {
                Thread.sleep(20); // libtorrent offers no future for "started"; this is a bounded poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Re-dials the peers a link named while the torrent has none: a first attempt made while
     * the other side was still starting would otherwise be retried only after a minute.
     */
    private void redialHints() {
        if (config.dht() && System.nanoTime() - lastPeerSearch > PEER_SEARCH_NANOS) {
            lastPeerSearch = System.nanoTime();
            searchPeersOfLonelyTorrents();
        }
        for (Map.Entry<String, List<String>> hint : peerHints.entrySet()) {
            Optional<TorrentHandle> handle = handle(hint.getKey());
            if (handle.isEmpty()) {
                peerHints.remove(hint.getKey());
                continue;
            }
            org.libtorrent4j.TorrentStatus s = handle.get().status();
            // "finished" may only mean that a stream wants nothing more right now: keep the hint
            if (s.hasMetadata() && s.total() > 0 && s.totalDone() >= s.total()) peerHints.remove(hint.getKey());
            else if (s.numPeers() == 0) hint.getValue().forEach(peer -> connectPeer(handle.get(), peer));
        }
    }

    /**
     * libtorrent asks the DHT for a torrent's peers when it starts and then every 15 minutes; a
     * download that found nobody (the seed announced a moment later, a small swarm) would wait that
     * long. Torrents still downloading with no peer ask again, a few at a time.
     */
    private void searchPeersOfLonelyTorrents() {
        int asked = 0;
        for (TorrentHandle handle : allHandles()) {
            if (asked >= 8 || !handle.isValid()) continue;
            org.libtorrent4j.TorrentStatus s = handle.status();
            boolean downloading = !s.hasMetadata() || s.totalWantedDone() < s.totalWanted();
            if (downloading && s.numPeers() == 0 && !s.flags().and_(TorrentFlags.PAUSED).non_zero()
                    && !s.flags().and_(TorrentFlags.UPLOAD_MODE).non_zero()) {
                handle.forceDHTAnnounce();
                asked++;
            }
        }
    }

    private void addPeerHints(TorrentHandle handle, MagnetLink link) {
        if (link.peers().isEmpty()) return;
        for (String peer : link.peers()) connectPeer(handle, peer);
        peerHints.put(link.infohash(), List.copyOf(link.peers()));
    }

    private Path stagingDir(String infohash) {
        Path dir = config.stateDir().resolve("incoming").resolve(infohash);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SwarmException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private void connectPeer(TorrentHandle handle, String peer) {
        try {
            HostPort hp = HostPort.parse(peer);
            error_code ec = new error_code();
            address addr = address.from_string(hp.host(), ec);
            if (ec.value() == 0) {
                handle.swig().connect_peer(new org.libtorrent4j.swig.tcp_endpoint(addr, hp.port()));
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("ignoring peer hint {}: {}", peer, e.getMessage());
        }
    }

    /**
     * Adds a torrent whose data goes into {@code saveDir} under the torrent's own names (the
     * node's library), or continues it if known; used to stream a video nobody here has yet.
     *
     * @return the torrent's infohash
     */
    public String add(MagnetLink link, Path saveDir) {
        ensureOpen();
        String infohash = link.infohash();
        if (continueIfKnown(link)) return infohash;
        createDirectory(saveDir);
        awaitingReader.add(infohash);
        LOG.debug("stream: adding {} to be streamed", infohash);
        addMagnet(link, saveDir);
        return infohash;
    }

    /**
     * Downloads a whole torrent into {@code saveDir} under its own names (a copy the viewer keeps
     * and seeds), or continues it if known.
     *
     * @return the torrent's infohash
     */
    public String download(MagnetLink link, Path saveDir) {
        ensureOpen();
        if (continueIfKnown(link)) return link.infohash();
        createDirectory(saveDir);
        addMagnet(link, saveDir);
        return link.infohash();
    }

    /** Resumes a torrent the engine has already, dialling the link's peers; false if it is new. */
    private boolean continueIfKnown(MagnetLink link) {
        Optional<TorrentHandle> existing = handle(link.infohash());
        if (existing.isEmpty()) return false;
        existing.get().resume();
        addPeerHints(existing.get(), link);
        return true;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SwarmException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Adds a magnet link's torrent, started, with its save path, and dials its peer hints. */
    private void addMagnet(MagnetLink link, Path saveDir) {
        addMagnet(link, saveDir, new org.libtorrent4j.swig.torrent_flags_t());
    }

    private void addMagnet(MagnetLink link, Path saveDir, org.libtorrent4j.swig.torrent_flags_t extra) {
        error_code ec = new error_code();
        org.libtorrent4j.swig.add_torrent_params raw = libtorrent.parse_magnet_uri(link.toUri(), ec);
        if (ec.value() != 0) throw new SwarmException("malformed magnet link: " + ec.message());
        AddTorrentParams params = new AddTorrentParams(raw);
        params.setSavePath(saveDir.toAbsolutePath().toString());
        if (awaitingReader.contains(link.infohash())) {
            // applied by libtorrent the moment the metadata arrives, before the alert reaches us:
            // otherwise its first requests go to pieces of its own choosing
            params.piecePriorities(StreamingTorrent.startPriorities());
        }
        boolean boost = !link.peers().isEmpty();
        // libtorrent dials a new torrent's known peers at once only when it is resumed (its
        // "connect boost"); a torrent added running waits for the once-a-second connection round:
        // 0-1 s (measured: 50-90 ms usually, ~1 s in one start of eight; 1-10 ms when resumed)
        params.setFlags(boost ? running(params.getFlags()).or_(extra).or_(TorrentFlags.PAUSED) : running(params.getFlags()).or_(extra));
        removed.remove(link.infohash());
        TorrentHandle handle = add(params);
        addPeerHints(handle, link);
        if (boost) handle.resume();
        requestSave(handle);
    }

    /**
     * Opens a reader over the largest file of a torrent (the video), waiting up to
     * {@code metadataTimeout} for a magnet link's metadata. Reads wait up to 60 s for data.
     *
     * @throws SwarmException if the torrent is unknown or its metadata did not arrive in time
     */
    public FileStream openStream(String infohash, Duration metadataTimeout) {
        return openStream(infohash, -1, metadataTimeout, Duration.ofSeconds(60));
    }

    /**
     * Opens a reader over one file of a torrent.
     *
     * @param fileIndex       the file, or -1 for the largest
     * @param metadataTimeout how long to wait for a magnet link's metadata
     * @param readTimeout     how long one read may wait for data before failing
     */
    public FileStream openStream(String infohash, int fileIndex, Duration metadataTimeout, Duration readTimeout) {
        ensureOpen();
        String key = Infohash.normalize(infohash);
        TorrentHandle handle = require(key);
        if (handle.torrentFile() == null) {
            java.util.concurrent.CompletableFuture<Void> arrived = metadata.computeIfAbsent(key,
                    k -> new java.util.concurrent.CompletableFuture<>());
            try {
                if (handle.torrentFile() == null) arrived.get(metadataTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new SwarmException("no peer sent this torrent's metadata within " + metadataTimeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SwarmException("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new SwarmException(e.getCause().getMessage());
            }
        }
        TorrentInfo info = handle.torrentFile();
        org.libtorrent4j.FileStorage storage = info.files();
        int index = fileIndex;
        if (index < 0) {
            index = 0;
            for (int i = 1; i < storage.numFiles(); i++) if (storage.fileSize(i) > storage.fileSize(index)) index = i;
        }
        if (index >= storage.numFiles()) throw new SwarmException("the torrent has no file " + fileIndex);
        String name = storage.fileName(index);
        long offset = storage.fileOffset(index);
        long size = storage.fileSize(index);
        FileStream[] holder = new FileStream[1];
        boolean[] created = new boolean[1];
        // atomic with closeIfUnread: a torrent whose last reader just left is either kept or made anew
        StreamingTorrent torrent = streams.compute(key, (k, existing) -> {
            StreamingTorrent t = existing != null ? existing : new StreamingTorrent(handle);
            created[0] = existing == null;
            holder[0] = new FileStream(t, name, offset, size, readTimeout, () -> closeReader(key, t, holder[0]));
            t.add(holder[0]);
            return t;
        });
        // pieces that finished before the alert handler could see the torrent
        if (created[0]) torrent.refreshHeld();
        awaitingReader.remove(key);
        torrent.updateDeadlines();
        LOG.debug("stream: reader opened on {}", key);
        return holder[0];
    }

    /**
     * The buffer of the file being streamed from a torrent, seen through its open readers; empty
     * while no reader is open.
     *
     * @param bytesPerSecond the video's average bitrate, to express buffers in seconds (0 if unknown)
     */
    public Optional<BufferStatus> bufferStatus(String infohash, double bytesPerSecond) {
        StreamingTorrent torrent = streams.get(Infohash.normalize(infohash));
        if (torrent == null) return Optional.empty();
        return torrent.readers().stream().findFirst().map(reader -> reader.bufferStatus(bytesPerSecond));
    }

    /**
     * A torrent added to be streamed fetches what a player reads first, before the player comes:
     * the first and last pieces of its video (containers keep their index there), with deadlines,
     * read into memory as they arrive. Nothing else is fetched until a reader says where it reads.
     * The seeds stay connected once these are in (close_redundant_connections is off).
     */
    private void expectReader(TorrentHandle alertHandle) {
        String key = alertHandle.infoHash().toHex();
        // the alert's handle is freed with the alert: the torrent keeps one of its own
        TorrentHandle handle = handle(key).orElse(null);
        if (handle == null) return;
        TorrentInfo info = handle.torrentFile();
        org.libtorrent4j.FileStorage storage = info.files();
        int video = 0;
        for (int i = 1; i < storage.numFiles(); i++) if (storage.fileSize(i) > storage.fileSize(video)) video = i;
        int first = (int) (storage.fileOffset(video) / info.pieceLength());
        int last = (int) ((storage.fileOffset(video) + Math.max(0, storage.fileSize(video) - 1)) / info.pieceLength());
        boolean[] created = new boolean[1];
        StreamingTorrent torrent = streams.computeIfAbsent(key, k -> {
            created[0] = true;
            return new StreamingTorrent(handle);
        });
        if (created[0]) torrent.refreshHeld();
        torrent.expectReader(first, last);
    }

    private void closeReader(String infohash, StreamingTorrent torrent, FileStream reader) {
        torrent.unregister(reader);
        if (torrent.hasReaders()) return;
        // a player closes one connection and opens the next at once (VLC reads an MP4's index at
        // the end, then the start again): keep the pieces read and the deadlines for it
        try {
            timer.schedule(() -> closeIfUnread(infohash, torrent), STREAM_LINGER_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            closeIfUnread(infohash, torrent);
        }
    }

    private void closeIfUnread(String infohash, StreamingTorrent torrent) {
        boolean[] unread = new boolean[1];
        streams.computeIfPresent(infohash, (k, t) -> {
            unread[0] = t == torrent && !t.hasReaders();
            return unread[0] ? null : t;
        });
        if (unread[0]) torrent.close();
    }

    /** Checks a directory torrent's names before anything is written; throws to refuse it. */
    @FunctionalInterface
    public interface DirectoryCheck {
        /**
         * @param name  the torrent's name (its top directory)
         * @param files the files' paths below that directory, with '/' separators
         * @throws SwarmException saying why the torrent is refused
         */
        void check(String name, List<String> files);
    }

    /**
     * Seeds a directory as a hybrid v1+v2 torrent from where it is, named after the directory.
     * Files that did not change keep their BEP 52 hashes from one version to the next.
     *
     * @return the torrent, already seeding
     */
    public PublishedTorrent seedDirectory(Path directory) {
        ensureOpen();
        TorrentMaker.Made made = TorrentMaker.makeDirectory(directory);
        String infohash = made.info().infoHash().toHex();
        if (handle(infohash).isEmpty()) {
            AddTorrentParams params = new AddTorrentParams();
            params.setTorrentInfo(made.info());
            params.setSavePath(directory.toAbsolutePath().getParent().toString());
            params.setFlags(running(params.getFlags()).or_(TorrentFlags.SEED_MODE));
            removed.remove(infohash);
            TorrentHandle handle = add(params);
            requestSave(handle);
            awaitSeeding(handle);
        }
        MagnetLink magnet = new MagnetLink(infohash, made.info().name(), List.of(), List.of(), List.of());
        return new PublishedTorrent(infohash, magnet.toUri(), made.info().name(), dataSize(made.info()),
                made.info().pieceLength(), made.torrentFile());
    }

    /**
     * Fetches a multi-file torrent into {@code saveDir}, where files of an earlier version may
     * already lie: libtorrent checks them and keeps every piece that still matches. Nothing is
     * fetched before {@code check} accepted the torrent's names; a refused torrent is removed
     * and {@link #refusal} says why.
     *
     * @return the torrent's infohash; {@link #status} tells when it is complete
     */
    public String fetchDirectory(MagnetLink link, Path saveDir, DirectoryCheck check) {
        ensureOpen();
        String infohash = link.infohash();
        if (continueIfKnown(link)) return infohash;
        createDirectory(saveDir);
        refusals.remove(infohash);
        directoryChecks.put(infohash, check);
        // upload mode: no piece is requested until the names were checked
        addMagnet(link, saveDir, TorrentFlags.UPLOAD_MODE);
        return infohash;
    }

    /** Why a torrent added with {@link #fetchDirectory} was refused, if it was. */
    public Optional<String> refusal(String infohash) {
        return Optional.ofNullable(refusals.get(Infohash.normalize(infohash)));
    }

    /** Runs a pending directory check; false if the torrent was refused (and removed). */
    private boolean checkDirectory(TorrentHandle handle) {
        String infohash = handle.infoHash().toHex();
        DirectoryCheck check = directoryChecks.remove(infohash);
        if (check == null) return true;
        TorrentInfo info = handle.torrentFile();
        org.libtorrent4j.FileStorage storage = info.origFiles();
        List<String> names = new ArrayList<>();
        String prefix = info.name() + "/";
        try {
            for (int i = 0; i < storage.numFiles(); i++) {
                if (storage.padFileAt(i)) continue;
                String path = storage.filePath(i).replace(java.io.File.separatorChar, '/');
                if (!path.startsWith(prefix)) throw new SwarmException("the file '" + path + "' lies outside the torrent's directory");
                names.add(path.substring(prefix.length()));
            }
            if (info.numFiles() == 1 && names.isEmpty()) throw new SwarmException("the torrent is not a directory");
            check.check(info.name(), names);
        } catch (SwarmException | IllegalArgumentException e) {
            LOG.warn("refusing torrent {}: {}", infohash, e.getMessage());
            refusals.put(infohash, e.getMessage());
            removed.add(infohash);
            session.remove(handle);
            files.delete(infohash);
            return false;
        }
        handle.unsetFlags(TorrentFlags.UPLOAD_MODE);
        return true;
    }

    /**
     * Looks a channel's pointer up on the DHT: the item with the highest seq whose signature
     * holds, waiting for the lookup to finish or {@code timeout}.
     *
     * @return empty if no node holds a valid item
     */
    public Optional<ChannelPointer> getChannelPointer(byte[] publicKey, byte[] salt, Duration timeout) {
        ensureOpen();
        if (!config.dht()) return Optional.empty();
        String key = java.util.HexFormat.of().formatHex(publicKey) + "/" + java.util.HexFormat.of().formatHex(salt);
        PointerQuery query = new PointerQuery();
        PointerQuery running = pointerQueries.putIfAbsent(key, query);
        if (running != null) {
            query = running;
        } else {
            query.traversal = traversals.computeIfAbsent(key, k -> new long[2]);
            synchronized (query.traversal) {
                query.tick = ++query.traversal[0];
            }
            session.swig().dht_get_item(Vectors.bytes2byte_array_32(publicKey), Vectors.bytes2byte_vector(salt));
        }
        try {
            query.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.debug("DHT lookup of {} still running after {} ms", key, timeout.toMillis());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new SwarmException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pointerQueries.remove(key, query);
        }
        return Optional.ofNullable(query.best);
    }

    /**
     * Stores a signed pointer on the DHT nodes closest to it. Anyone holding a pointer may store
     * it again: subscribers keep a channel reachable while its creator is offline.
     *
     * @return how many nodes accepted it
     */
    public int putChannelPointer(ChannelPointer pointer) {
        ensureOpen();
        if (!config.dht()) return 0;
        if (!pointer.verify()) throw new SwarmException("the pointer's signature does not hold");
        try {
            List<DhtClient.Contact> contacts;
            try {
                contacts = dhtContacts();
            } catch (RuntimeException e) {
                if (closed) throw new SwarmException("the engine is stopped");
                throw e;
            }
            int stored = dhtClient.put(pointer, contacts);
            LOG.info("stored {} on {} DHT nodes", pointer, stored);
            return stored;
        } catch (IOException e) {
            throw new SwarmException("cannot reach the DHT: " + e.getMessage(), e);
        }
    }

    /** The nodes of the session's DHT routing table (with ids) and the bootstrap nodes. */
    private List<DhtClient.Contact> dhtContacts() {
        List<DhtClient.Contact> contacts = new ArrayList<>();
        org.libtorrent4j.swig.dht_state state = session.swig()
                .session_state(org.libtorrent4j.swig.session_handle.save_dht_state).getDht_state();
        org.libtorrent4j.swig.address_sha1_hash_pair_vector nids = state.getNids();
        for (int i = 0; i < nids.size(); i++) {
            org.libtorrent4j.swig.sha1_hash nid = nids.get(i).getSecond();
            String key = new Sha1Hash(nid).toHex();
            java.util.concurrent.CompletableFuture<List<DhtClient.Contact>> answer = new java.util.concurrent.CompletableFuture<>();
            liveNodeQueries.put(key, answer);
            session.swig().dht_live_nodes(nid);
            try {
                contacts.addAll(answer.get(2, TimeUnit.SECONDS));
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                LOG.debug("no live DHT nodes reported: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                liveNodeQueries.remove(key);
            }
        }
        org.libtorrent4j.swig.udp_endpoint_vector nodes = state.getNodes();
        for (int i = 0; i < nodes.size(); i++) {
            org.libtorrent4j.swig.udp_endpoint ep = nodes.get(i);
            contacts.add(new DhtClient.Contact(null, new InetSocketAddress(ep.address().to_string(), ep.port())));
        }
        for (HostPort node : config.effectiveBootstrap()) {
            InetSocketAddress address = new InetSocketAddress(node.host(), node.port());
            if (!address.isUnresolved()) contacts.add(new DhtClient.Contact(null, address));
        }
        return contacts;
    }

    private void onLiveNodes(org.libtorrent4j.alerts.DhtLiveNodesAlert alert) {
        java.util.concurrent.CompletableFuture<List<DhtClient.Contact>> answer = liveNodeQueries.get(alert.nodeId().toHex());
        if (answer == null) return;
        List<DhtClient.Contact> contacts = new ArrayList<>();
        for (Object o : alert.nodes()) {
            @SuppressWarnings("unchecked")
            org.libtorrent4j.Pair<Sha1Hash, org.libtorrent4j.UdpEndpoint> node = (org.libtorrent4j.Pair<Sha1Hash, org.libtorrent4j.UdpEndpoint>) o;
            org.libtorrent4j.UdpEndpoint ep = node.second;
            contacts.add(new DhtClient.Contact(java.util.HexFormat.of().parseHex(node.first.toHex()),
                    new InetSocketAddress(ep.address().toString(), ep.port())));
        }
        answer.complete(contacts);
    }

    private void onMutableItem(org.libtorrent4j.alerts.DhtMutableItemAlert alert) {
        String key = java.util.HexFormat.of().formatHex(alert.key()) + "/" + java.util.HexFormat.of().formatHex(alert.salt());
        boolean authoritative = alert.swig().getAuthoritative();
        long finished = Long.MAX_VALUE;
        if (authoritative) {
            long[] counts = traversals.get(key);
            if (counts != null) {
                synchronized (counts) {
                    finished = ++counts[1];
                }
            }
        }
        PointerQuery query = pointerQueries.get(key);
        if (query == null) return;
        org.libtorrent4j.Entry item = alert.item();
        if (item.swig().type() != org.libtorrent4j.swig.entry.data_type.undefined_t) {
            try {
                ChannelPointer pointer = new ChannelPointer(alert.key(), alert.salt(), alert.seq(), item.bencode(),
                        alert.signature());
                if (pointer.verify() && query.offer(pointer) && !authoritative) {
                    // libtorrent reports the lookup as done only after its slowest query timed out
                    // (15 s on a small DHT); a newer seq, if any, arrives within the same second
                    timer.schedule(() -> query.done.complete(null), POINTER_SETTLE_MS, TimeUnit.MILLISECONDS);
                }
                else LOG.debug("ignoring a DHT item for {} with a bad signature", key);
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring a malformed DHT item for {}: {}", key, e.getMessage());
            }
        }
        // libtorrent ends a lookup ~15 s after its last useful answer: the end of an earlier
        // lookup of the same key must not end this one with that lookup's (older) result
        if (authoritative && query.tick <= finished) query.done.complete(null);
    }

    /** A running DHT lookup: the best pointer so far and whether the lookup ended. */
    private static final class PointerQuery {
        final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        volatile ChannelPointer best;
        long[] traversal;
        long tick;

        /** Keeps the pointer if it is the newest; true if it was the first one. */
        synchronized boolean offer(ChannelPointer pointer) {
            boolean first = best == null;
            if (best == null || pointer.seq() > best.seq()) best = pointer;
            return first;
        }
    }

    /** The status of one torrent, if the engine has it. */
    public Optional<TorrentStatus> status(String infohash) {
        return handle(infohash).map(this::snapshot);
    }

    /** The status of every torrent, ordered by name. */
    public List<TorrentStatus> torrents() {
        List<TorrentStatus> out = new ArrayList<>();
        for (TorrentHandle handle : allHandles()) {
            if (handle.isValid()) out.add(snapshot(handle));
        }
        out.sort(java.util.Comparator.comparing(TorrentStatus::name).thenComparing(TorrentStatus::infohash));
        return out;
    }

    /**
     * Verified bytes held of each file of a torrent, by file index; empty until the metadata is
     * known. Completion is tracked per file: libtorrent's "finished" only means that the pieces
     * wanted so far are done, and a stream sets most of a file aside while it starts.
     */
    public Optional<long[]> fileProgress(String infohash) {
        return handle(infohash).filter(h -> h.torrentFile() != null)
                .map(h -> h.fileProgress(TorrentHandle.PIECE_GRANULARITY));
    }

    /** Whether one file of a torrent is held whole and verified. */
    public boolean fileComplete(String infohash, int fileIndex) {
        return handle(infohash).filter(h -> h.torrentFile() != null).map(h -> {
            long[] done = h.fileProgress(TorrentHandle.PIECE_GRANULARITY);
            return fileIndex < done.length && done[fileIndex] >= h.torrentFile().files().fileSize(fileIndex);
        }).orElse(false);
    }

    /** Per-piece health of one torrent, if the engine has it. */
    public Optional<SwarmHealth> health(String infohash) {
        return handle(infohash).map(handle -> {
            TorrentStatus status = snapshot(handle);
            org.libtorrent4j.TorrentStatus raw = handle.status(TorrentHandle.QUERY_PIECES);
            TorrentInfo info = handle.torrentFile();
            int pieces = info == null ? 0 : info.numPieces();
            java.util.BitSet local = new java.util.BitSet(pieces);
            org.libtorrent4j.PieceIndexBitfield bits = raw.pieces();
            for (int i = 0; i < pieces && i < bits.size(); i++) if (bits.getBit(i)) local.set(i);
            int[] availability = pieces == 0 ? new int[0] : handle.pieceAvailability();
            return new SwarmHealth(status, pieces, info == null ? 0 : info.pieceLength(), local, availability);
        });
    }

    /** Sets the global limits; they hold for LAN and loopback peers too. */
    public void setLimits(RateLimits limits) {
        SettingsPack pack = new SettingsPack();
        pack.uploadRateLimit((int) limits.uploadBytesPerSecond());
        pack.downloadRateLimit((int) limits.downloadBytesPerSecond());
        session.applySettings(pack);
    }

    /** Sets one torrent's limits. */
    public void setLimits(String infohash, RateLimits limits) {
        TorrentHandle handle = require(infohash);
        handle.setUploadLimit((int) limits.uploadBytesPerSecond());
        handle.setDownloadLimit((int) limits.downloadBytesPerSecond());
    }

    /** Announces a torrent to its trackers and the DHT now, instead of at the next interval. */
    public void reannounce(String infohash) {
        TorrentHandle handle = require(infohash);
        handle.forceReannounce(0, -1, TorrentHandle.IGNORE_MIN_INTERVAL);
        if (config.dht()) handle.forceDHTAnnounce();
    }

    /** Stops a torrent's transfers until {@link #resume(String)}. */
    public void pause(String infohash) {
        TorrentHandle handle = require(infohash);
        handle.unsetFlags(TorrentFlags.AUTO_MANAGED);
        handle.pause();
        requestSave(handle);
    }

    /** Restarts a paused torrent. */
    public void resume(String infohash) {
        TorrentHandle handle = require(infohash);
        handle.resume();
        requestSave(handle);
    }

    /**
     * Removes a torrent from the engine and forgets its resume data.
     *
     * @param deleteFiles also delete the downloaded data
     */
    public void remove(String infohash, boolean deleteFiles) {
        String key = Infohash.normalize(infohash);
        TorrentHandle handle = require(key);
        removed.add(key);
        StreamingTorrent stream = streams.remove(key);
        if (stream != null) stream.close();
        if (deleteFiles) session.remove(handle, SessionHandle.DELETE_FILES);
        else session.remove(handle);
        targets.remove(key);
        files.delete(key);
    }

    /** Saves resume data for every torrent, then stops the session. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        streams.values().forEach(StreamingTorrent::close);
        streams.clear();
        try {
            if (session.swig() != null) {
                List<TorrentHandle> handles = allHandles();
                for (TorrentHandle handle : handles) {
                    if (handle.isValid()) requestSave(handle, true);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                synchronized (savesInFlight) {
                    long left;
                    while (!savesInFlight.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                        savesInFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
            session.stop();
        }
    }

    /**
     * libtorrent adds torrents paused and auto-managed, to be started by its queue. Swarmtube
     * never queues (a seedbox seeds everything), so new torrents start at once.
     */
    private static org.libtorrent4j.swig.torrent_flags_t running(org.libtorrent4j.swig.torrent_flags_t flags) {
        return flags.and_(TorrentFlags.AUTO_MANAGED.inv()).and_(TorrentFlags.PAUSED.inv());
    }

    private TorrentHandle add(AddTorrentParams params) {
        ErrorCode ec = new ErrorCode(new error_code());
        TorrentHandle handle = new SessionHandle(session.swig()).addTorrent(params, ec);
        if (ec.isError() || handle == null || !handle.isValid()) {
            throw new SwarmException("cannot add torrent: " + ec.getMessage());
        }
        return handle;
    }

    /**
     * Every torrent's handle, each one owned by Java. libtorrent4j's {@code SessionHandle.torrents()}
     * hands out handles pointing into a native vector that is freed when the vector is collected,
     * which crashed the JVM (SIGSEGV in torrent_handle::status) under a UI polling every second.
     */
    private List<TorrentHandle> allHandles() {
        org.libtorrent4j.swig.torrent_handle_vector all = session.swig().get_torrents();
        List<TorrentHandle> out = new ArrayList<>();
        try {
            for (int i = 0; i < all.size(); i++) {
                org.libtorrent4j.swig.sha1_hash infohash = new org.libtorrent4j.swig.sha1_hash(all.get(i).info_hash());
                TorrentHandle owned = session.find(new Sha1Hash(infohash));
                if (owned != null && owned.isValid()) out.add(owned);
            }
        } finally {
            java.lang.ref.Reference.reachabilityFence(all);
        }
        return out;
    }

    private Optional<TorrentHandle> handle(String infohash) {
        TorrentHandle handle = session.find(Sha1Hash.parseHex(Infohash.normalize(infohash)));
        return handle != null && handle.isValid() ? Optional.of(handle) : Optional.empty();
    }

    private TorrentHandle require(String infohash) {
        return handle(infohash).orElseThrow(() -> new SwarmException("no torrent " + infohash + " in this node"));
    }

    private void ensureOpen() {
        if (closed) throw new SwarmException("the engine is stopped");
    }

    private TorrentStatus snapshot(TorrentHandle handle) {
        org.libtorrent4j.TorrentStatus s = handle.status(TorrentHandle.QUERY_DISTRIBUTED_COPIES
                .or_(TorrentHandle.QUERY_NAME).or_(TorrentHandle.QUERY_SAVE_PATH));
        String infohash = handle.infoHash().toHex();
        TorrentInfo info = handle.torrentFile();
        String error = s.errorCode().isError() ? s.errorCode().getMessage() : errors.getOrDefault(infohash, "");
        TorrentStatus.State state;
        if (s.errorCode().isError()) state = TorrentStatus.State.ERROR;
        else if (s.flags().and_(TorrentFlags.PAUSED).non_zero()) state = TorrentStatus.State.PAUSED;
        else state = switch (s.state()) {
            case DOWNLOADING_METADATA -> TorrentStatus.State.FETCHING_METADATA;
            case CHECKING_FILES, CHECKING_RESUME_DATA -> TorrentStatus.State.CHECKING;
            // FINISHED only means the wanted pieces are done; a stream may have set the rest aside
            case FINISHED, SEEDING -> s.totalDone() >= s.total() ? TorrentStatus.State.SEEDING : TorrentStatus.State.DOWNLOADING;
            default -> TorrentStatus.State.DOWNLOADING;
        };
        String path = s.swig().getSave_path();
        if (info != null) {
            String target = targets.get(infohash);
            if (info.numFiles() == 1) path = Path.of(path).resolve(info.files().filePath(0)).toString();
            else path = target != null ? target : Path.of(path).resolve(info.files().name()).toString();
        }
        long size = info == null ? 0 : dataSize(info);
        long done = s.totalDone();
        if (info != null && size != info.totalSize()) {
            // libtorrent counts BEP 52 padding as done: count the files' own bytes instead
            long[] progress = handle.fileProgress(TorrentHandle.PIECE_GRANULARITY);
            org.libtorrent4j.FileStorage storage = info.files();
            done = 0;
            for (int i = 0; i < progress.length && i < storage.numFiles(); i++) if (!storage.padFileAt(i)) done += progress[i];
        }
        if (state == TorrentStatus.State.DOWNLOADING && size > 0 && done >= size) state = TorrentStatus.State.SEEDING;
        return new TorrentStatus(infohash, info == null ? s.name() : info.name(), state,
                size == 0 ? 0 : (double) done / size, size, done, s.numPeers(), s.numSeeds(),
                s.distributedCopies(), s.downloadPayloadRate(), s.uploadPayloadRate(),
                s.totalPayloadDownload(), Math.max(s.allTimeUpload(), s.totalPayloadUpload()), path, error);
    }

    /** The bytes of a torrent's files, without the padding BEP 52 puts between them. */
    private static long dataSize(TorrentInfo info) {
        org.libtorrent4j.FileStorage storage = info.files();
        long size = info.totalSize();
        for (int i = 0; i < storage.numFiles(); i++) if (storage.padFileAt(i)) size -= storage.fileSize(i);
        return size;
    }

    /**
     * Points a fetched torrent's files at the path the fetch asked for: the file itself for a
     * single-file torrent, the directory for a multi-file one. The names are absolute, so the
     * data never lands in the private save path. Names from the torrent stay below the target
     * (libtorrent drops ".." and absolute parts of names in the metadata).
     */
    private void applyTarget(TorrentHandle handle) {
        String infohash = handle.infoHash().toHex();
        String target = targets.get(infohash);
        TorrentInfo info = handle.torrentFile();
        if (target == null || info == null) return;
        org.libtorrent4j.FileStorage current = info.files();
        org.libtorrent4j.FileStorage original = info.origFiles();
        Path base = Path.of(target);
        for (int i = 0; i < original.numFiles(); i++) {
            if (original.padFileAt(i)) continue;
            Path wanted;
            if (info.numFiles() == 1) {
                wanted = base;
            } else {
                Path inside = Path.of(original.filePath(i));
                Path relative = inside.getNameCount() > 1 ? inside.subpath(1, inside.getNameCount()) : inside;
                wanted = base.resolve(relative).normalize();
                if (!wanted.startsWith(base)) continue;
            }
            if (!current.filePath(i).equals(wanted.toString())) handle.renameFile(i, wanted.toString());
        }
    }

    private void requestSave(TorrentHandle handle) {
        requestSave(handle, false);
    }

    /**
     * Asks libtorrent for resume data, at most one request per torrent in flight; a request made
     * while one is in flight is remembered and sent once the first one is written.
     */
    private void requestSave(TorrentHandle handle, boolean force) {
        String infohash = handle.infoHash().toHex();
        if (removed.contains(infohash)) return;
        if (savesInFlight.add(infohash)) {
            savesWanted.remove(infohash);
            handle.saveResumeData(TorrentHandle.SAVE_INFO_DICT);
        } else if (!force) {
            savesWanted.add(infohash);
        }
    }

    private void onResumeData(SaveResumeDataAlert alert) {
        String infohash = alert.handle().infoHash().toHex();
        try {
            if (!removed.contains(infohash)) {
                // the params live in the alert's native memory: serialise before returning
                files.writeResume(infohash, AddTorrentParams.writeResumeDataBuf(alert.params()));
            }
        } finally {
            saveDone(infohash);
        }
        if (savesWanted.remove(infohash) && !closed) {
            // the alert's handle lives in native memory freed at the next alert poll: look it up again later
            timer.schedule(() -> handle(infohash).ifPresent(this::requestSave), RESUME_DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void saveDone(String infohash) {
        synchronized (savesInFlight) {
            savesInFlight.remove(infohash);
            savesInFlight.notifyAll();
        }
    }

    private final class Alerts implements AlertListener {
        @Override
        public int[] types() {
            return new int[] {
                    AlertType.LISTEN_SUCCEEDED.swig(), AlertType.LISTEN_FAILED.swig(),
                    AlertType.ADD_TORRENT.swig(), AlertType.METADATA_RECEIVED.swig(),
                    AlertType.PIECE_FINISHED.swig(), AlertType.TORRENT_FINISHED.swig(),
                    AlertType.SAVE_RESUME_DATA.swig(), AlertType.SAVE_RESUME_DATA_FAILED.swig(),
                    AlertType.TORRENT_ERROR.swig(), AlertType.FILE_ERROR.swig(), AlertType.FILE_RENAMED.swig(),
                    AlertType.READ_PIECE.swig(), AlertType.DHT_MUTABLE_ITEM.swig(), AlertType.DHT_LIVE_NODES.swig()
            };
        }

        @Override
        public void alert(Alert<?> alert) {
            try {
                handle(alert);
            } catch (RuntimeException e) {
                LOG.error("error handling {}", alert.type(), e);
            }
        }

        private void handle(Alert<?> alert) {
            switch (alert.type()) {
                case LISTEN_SUCCEEDED -> listening.countDown();
                case LISTEN_FAILED -> {
                    ListenFailedAlert failed = (ListenFailedAlert) alert;
                    listenFailure = "cannot listen on " + config.listen() + ": " + failed.error().getMessage();
                    listening.countDown();
                }
                case ADD_TORRENT -> {
                    AddTorrentAlert added = (AddTorrentAlert) alert;
                    if (added.error().isError()) LOG.warn("adding a torrent failed: {}", added.error().getMessage());
                }
                case METADATA_RECEIVED -> {
                    TorrentHandle handle = ((TorrentAlert<?>) alert).handle();
                    LOG.debug("stream: metadata of {} received", handle.infoHash().toHex());
                    if (!checkDirectory(handle)) return;
                    applyTarget(handle);
                    requestSave(handle);
                    if (awaitingReader.contains(handle.infoHash().toHex()) && !streams.containsKey(handle.infoHash().toHex())) {
                        expectReader(handle);
                    }
                    java.util.concurrent.CompletableFuture<Void> waiting = metadata.remove(handle.infoHash().toHex());
                    if (waiting != null) waiting.complete(null);
                }
                case PIECE_FINISHED -> {
                    org.libtorrent4j.alerts.PieceFinishedAlert finished = (org.libtorrent4j.alerts.PieceFinishedAlert) alert;
                    StreamingTorrent stream = streams.get(finished.handle().infoHash().toHex());
                    if (stream != null) stream.onPieceFinished(finished.pieceIndex());
                    requestSave(finished.handle());
                }
                case READ_PIECE -> {
                    org.libtorrent4j.alerts.ReadPieceAlert read = (org.libtorrent4j.alerts.ReadPieceAlert) alert;
                    StreamingTorrent stream = streams.get(read.handle().infoHash().toHex());
                    if (stream != null) {
                        // the buffer is freed with the alert: copy it now
                        boolean failed = read.error().isError();
                        stream.onPieceRead(read.piece(), failed ? null : NativeMemory.copy(read.bufferPtr(), read.size()),
                                failed ? read.error().getMessage() : null);
                    }
                }
                case DHT_MUTABLE_ITEM -> onMutableItem((org.libtorrent4j.alerts.DhtMutableItemAlert) alert);
                case DHT_LIVE_NODES -> onLiveNodes((org.libtorrent4j.alerts.DhtLiveNodesAlert) alert);
                case TORRENT_FINISHED, FILE_RENAMED -> requestSave(((TorrentAlert<?>) alert).handle());
                case SAVE_RESUME_DATA -> onResumeData((SaveResumeDataAlert) alert);
                case SAVE_RESUME_DATA_FAILED -> saveDone(((TorrentAlert<?>) alert).handle().infoHash().toHex());
                case TORRENT_ERROR -> {
                    TorrentErrorAlert error = (TorrentErrorAlert) alert;
                    errors.put(error.handle().infoHash().toHex(), error.error().getMessage());
                    LOG.warn("torrent {}: {} ({})", error.torrentName(), error.error().getMessage(), error.filename());
                }
                case FILE_ERROR -> {
                    FileErrorAlert error = (FileErrorAlert) alert;
                    errors.put(error.handle().infoHash().toHex(), error.error().getMessage() + ": " + error.filename());
                    LOG.warn("file error in {}: {} ({})", error.torrentName(), error.error().getMessage(), error.filename());
                }
                default -> { }
            }
        }
    }
}
