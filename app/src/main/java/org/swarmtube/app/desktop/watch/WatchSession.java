package org.swarmtube.app.desktop.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.app.Node;
import org.swarmtube.app.StallGuard;
import org.swarmtube.media.VideoSource;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.WatchPosition;
import org.swarmtube.media.BufferView;
import org.swarmtube.swarm.BufferStatus;
import org.swarmtube.swarm.ByteRange;
import org.swarmtube.swarm.FileStream;
import org.swarmtube.swarm.SwarmHealth;
import org.swarmtube.swarm.TorrentStatus;

/**
 * Everything behind one opened video that is not drawing: resolving it to a stream URL, the
 * {@link StallGuard}, the restart fallback when the player starves anyway, the swarm figures and
 * buffer bar every second, and the saved playback position. No JavaFX here: the page hands in a
 * thread-safe {@link Player} and gets {@link Listener} calls on the page's background thread.
 *
 * <p>All state is confined to that one background thread (the page's executor), except the few
 * volatile fields the guard's thread touches.
 */
final class WatchSession {
    private static final Logger LOG = LoggerFactory.getLogger(WatchSession.class);
    /** How often the position is saved while playing. */
    static final Duration SAVE_EVERY = Duration.ofSeconds(5);
    /** No new picture for this long while playing (and little data ahead): the player starved. */
    static final Duration STARVED_AFTER = Duration.ofSeconds(1);
    /** A starved player is restarted once this much video is held from where it stopped. */
    static final double RESTART_SECONDS = 2.0;
    /** Positions closer to the start than this are not worth offering. */
    static final Duration MIN_RESUME = Duration.ofSeconds(3);
    private static final long WATCH_MS = 200;
    private static final long REFRESH_MS = 1000;

    /** The player's thread-safe side. */
    interface Player {
        void pause();

        void resume();

        void stop();

        void restartAt(Duration time);

        /** libvlc reports playing (also while its read blocks). */
        boolean isPlaying();

        Duration sinceLastFrame();

        /** The media time of the picture on screen (or of a seek's target), or -1 before this video's first picture. */
        long positionMillis();
    }

    /** What the page shows; called on the background thread. */
    interface Listener {
        /** Play {@code source}; offer to resume at {@code resumeAt} if present. */
        void opened(VideoSource source, String infohash, Optional<Duration> resumeAt);

        void failed(String message);

        void buffering(boolean buffering);

        void swarm(SwarmFigures figures, BufferView view);
    }

    private final Node node;
    private final String what;
    private final Player player;
    private final Listener listener;
    private final ScheduledExecutorService executor;
    private final List<Future<?>> ticks = new ArrayList<>();

    private String infohash;
    private VideoId videoId;
    private Duration duration = Duration.ZERO;
    private StallGuard guard;
    private volatile double bytesPerSecond;
    private volatile boolean guardPaused;
    private volatile boolean starved;
    private long restartMillis;
    private FileStream holder;
    private int restarts;
    private long lastSaveNanos = System.nanoTime();
    private Duration offered;
    private boolean finished;
    private boolean closed;

    WatchSession(Node node, String what, Player player, Listener listener, ScheduledExecutorService executor) {
        this.node = node;
        this.what = what;
        this.player = player;
        this.listener = listener;
        this.executor = executor;
    }

    /** Resolves the video and starts the ticks; the listener's {@code opened} or {@code failed} follows. */
    void start() {
        executor.execute(this::open);
    }

    /** The player learnt the video's length. Any thread. */
    void durationKnown(Duration length) {
        executor.execute(() -> {
            duration = length;
            armGuard();
        });
    }

    /** The player reached the end ({@code true}), or plays again after it. Any thread. */
    void atEnd(boolean end) {
        executor.execute(() -> {
            if (end == finished) return;
            finished = end;
            if (end) save(true, player.positionMillis());
        });
    }

    /** The viewer took or dismissed the offer to resume: save positions from now on. Any thread. */
    void offerSettled() {
        executor.execute(() -> offered = null);
    }

    /**
     * Saves the position and lets go of the guard. Any thread.
     *
     * @param atEnd    whether the player was at the end
     * @param position the player's position when it was stopped, -1 if it showed nothing of this video
     * @return completes once the position is saved
     */
    CompletableFuture<Void> close(boolean atEnd, long position) {
        return CompletableFuture.runAsync(() -> {
            if (closed) return;
            ticks.forEach(t -> t.cancel(false));
            save(atEnd || finished, position);
            closed = true;
            if (guard != null) guard.close();
            closeHolder();
        }, executor);
    }

    // ---------------------------------------------------------------- background thread

    private void open() {
        if (closed) return;
        try {
            infohash = node.streamable(what);
        } catch (RuntimeException e) {
            LOG.info("cannot open {}: {}", what, e.getMessage());
            listener.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        videoId = VideoId.ofInfohash(infohash);
        Optional<Duration> resume = Optional.empty();
        try {
            resume = node.videos().channels().position(videoId).filter(p -> !p.finished())
                    .map(WatchPosition::resumeAt).filter(at -> at.compareTo(MIN_RESUME) >= 0);
        } catch (RuntimeException e) {
            LOG.warn("cannot read the saved position of {}: {}", videoId, e.getMessage());
        }
        offered = resume.orElse(null);
        // the window's player reads the download in this process: no HTTP hop (the URL is for other players)
        listener.opened(node.videoSource(infohash), infohash, resume);
        ticks.add(executor.scheduleWithFixedDelay(this::watch, WATCH_MS, WATCH_MS, TimeUnit.MILLISECONDS));
        ticks.add(executor.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MS, TimeUnit.MILLISECONDS));
    }

    /** The guard needs the bitrate: the file's size over the duration the player found. */
    private void armGuard() {
        if (closed || guard != null || infohash == null || duration.isZero()) return;
        long length = node.swarm().bufferStatus(infohash, 0).map(BufferStatus::length)
                .orElseGet(() -> node.swarm().status(infohash).map(TorrentStatus::sizeBytes).orElse(0L));
        if (length <= 0) return;
        bytesPerSecond = length / (duration.toMillis() / 1000.0);
        guard = node.guard(infohash, bytesPerSecond, new GuardedPlayer());
        LOG.debug("guarding {} at {} bytes/s", infohash, Math.round(bytesPerSecond));
    }

    private void watch() {
        if (closed) return;
        try {
            armGuard();
            fallback();
            if (System.nanoTime() - lastSaveNanos >= SAVE_EVERY.toNanos()) save(finished, player.positionMillis());
        } catch (RuntimeException e) {
            LOG.warn("watch page tick: {}", e.toString());
        }
    }

    /**
     * The last resort of dependency-facts.md: libvlc starved although the guard was there (no new
     * picture for a second while playing, and little held ahead). Stop it, keep a reader where it
     * stopped so the swarm keeps fetching there, and play again from the last picture once
     * {@link #RESTART_SECONDS} of video are held from there.
     */
    private void fallback() {
        double rate = bytesPerSecond;
        if (rate <= 0) return;
        if (starved) {
            if (heldFrom(restartMillis, rate) >= RESTART_SECONDS) {
                starved = false;
                restarts++;
                LOG.info("stream {}: data is back, playing again from {} ms (restart {})", infohash, restartMillis, restarts);
                player.restartAt(Duration.ofMillis(restartMillis));
                closeHolder();
                listener.buffering(guardPaused);
            }
            return;
        }
        long position = player.positionMillis();
        if (guardPaused || position < 0 || !player.isPlaying()
                || player.sinceLastFrame().compareTo(STARVED_AFTER) <= 0 || heldFrom(position, rate) >= RESTART_SECONDS) {
            return;
        }
        starved = true;
        restartMillis = position;
        LOG.info("stream {}: no new picture for {} ms, stopping at {} ms until data is back", infohash,
                player.sinceLastFrame().toMillis(), position);
        listener.buffering(true);
        player.stop();
        try {
            holder = node.swarm().openStream(infohash, Duration.ofSeconds(5));
            holder.seek(Math.min(holder.length(), byteAt(position, rate, holder.length())));
        } catch (RuntimeException e) {
            LOG.debug("no reader to hold the window at {} ms: {}", position, e.getMessage());
        }
    }

    /** Seconds of video held without a gap from {@code millis}; infinite when the whole file is here. */
    private double heldFrom(long millis, double rate) {
        Optional<BufferStatus> status = node.swarm().bufferStatus(infohash, rate);
        if (status.isEmpty()) {
            boolean complete = node.swarm().status(infohash).map(TorrentStatus::isComplete).orElse(false);
            return complete ? Double.POSITIVE_INFINITY : 0;
        }
        BufferStatus buffer = status.get();
        long at = byteAt(millis, rate, buffer.length());
        for (ByteRange range : buffer.local()) {
            if (range.start() <= at && at < range.end()) {
                return range.end() >= buffer.length() ? Double.POSITIVE_INFINITY : (range.end() - at) / rate;
            }
        }
        return 0;
    }

    private static long byteAt(long millis, double rate, long length) {
        return Math.max(0, Math.min(length - 1, (long) (millis / 1000.0 * rate)));
    }

    private void refresh() {
        if (closed) return;
        try {
            Optional<TorrentStatus> status = node.swarm().status(infohash);
            SwarmHealth health = node.swarm().health(infohash).orElse(null);
            BufferStatus buffer = node.swarm().bufferStatus(infohash, bytesPerSecond).orElse(null);
            listener.swarm(status.map(SwarmFigures::of).orElse(SwarmFigures.NONE), BufferViews.of(buffer, health));
        } catch (RuntimeException e) {
            LOG.warn("swarm figures of {}: {}", infohash, e.toString());
        }
    }

    private void save(boolean atEnd, long shown) {
        lastSaveNanos = System.nanoTime();
        if (closed || videoId == null) return;
        long position = shown;
        if (atEnd) {
            position = Math.max(position, duration.toMillis());
        } else if (position < 0 || (offered != null && position < offered.toMillis())) {
            return; // nothing watched yet, or not as far as the position still on offer
        }
        try {
            node.videos().channels().recordPosition(videoId, Duration.ofMillis(Math.max(0, position)), atEnd);
        } catch (RuntimeException e) {
            LOG.warn("cannot save the position in {}: {}", videoId, e.getMessage());
        }
    }

    private void closeHolder() {
        if (holder != null) {
            holder.close();
            holder = null;
        }
    }

    /**
     * What the guard drives. It pauses only a player that is playing, and resumes only what it paused:
     * a viewer's own pause stays a pause.
     */
    private final class GuardedPlayer implements StallGuard.Player {
        @Override
        public void pause() {
            if (!player.isPlaying()) return;
            guardPaused = true;
            player.pause();
            listener.buffering(true);
        }

        @Override
        public void resume() {
            if (guardPaused) {
                guardPaused = false;
                player.resume();
            }
            listener.buffering(starved);
        }

        @Override
        public long timeMs() {
            return player.positionMillis();
        }
    }
}
