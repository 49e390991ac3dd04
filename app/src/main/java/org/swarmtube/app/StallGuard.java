package org.swarmtube.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.swarmtube.swarm.BufferStatus;
import org.swarmtube.swarm.SwarmEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a player from starving while it streams (measured with libvlc 3.0.24, see
 * dependency-facts.md): when less than two seconds of video are buffered ahead of the playback
 * connection, it pauses the player and has its input ({@link HoldBack}) release the bytes it holds back, so
 * the player's blocked read returns and the pause takes effect; with two seconds buffered again
 * it holds bytes back again and resumes the player. Frames then continue at exactly the next
 * frame instead of after seconds of grey pictures.
 */
public final class StallGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StallGuard.class);
    static final double LOW_SECONDS = 2.0;
    static final double RESUME_SECONDS = 2.0;

    /** The player being guarded. */
    public interface Player {
        void pause();

        void resume();

        /** The playback position in milliseconds, or a negative number before playback starts. */
        long timeMs();
    }

    private final SwarmEngine swarm;
    private final HoldBack holdBack;
    private final String infohash;
    private final double bytesPerSecond;
    private final Player player;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stall-guard");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean buffering;
    private volatile int stalls;
    private boolean armed;
    private long edgeAtStall;
    static final long STARVING_MS = 300;
    static final long STUCK_MS = 1200;
    private long lastTime = -1;
    private long lastTimeChange = System.nanoTime();

    StallGuard(SwarmEngine swarm, HoldBack holdBack, String infohash, double bytesPerSecond, Player player) {
        this.swarm = swarm;
        this.holdBack = holdBack;
        this.infohash = infohash;
        this.bytesPerSecond = bytesPerSecond;
        this.player = player;
        ticker.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Whether the player is paused for lack of data (show "buffering"). */
    public boolean buffering() {
        return buffering;
    }

    /** How many times playback was paused for lack of data. */
    public int stalls() {
        return stalls;
    }

    private void tick() {
        try {
            BufferStatus status = swarm.bufferStatus(infohash, bytesPerSecond).orElse(null);
            if (status == null) return;
            boolean complete = status.local().size() == 1 && status.local().get(0).length() == status.length();
            if (complete && !buffering) return;
            // the player reads ahead of what it shows: the buffer that matters starts at the
            // byte it is showing now, estimated from its time and the average bitrate
            long time = player.timeMs();
            if (time < 0 || bytesPerSecond <= 0) return;
            long playhead = Math.min(status.length() - 1, (long) (time / 1000.0 * bytesPerSecond));
            long edge = edge(status, playhead);
            double ahead = (edge - playhead) / bytesPerSecond;
            // starting up is the player's own buffering; guard only once playback has had a buffer
            if (!armed) {
                armed = ahead >= RESUME_SECONDS;
                return;
            }
            // the bitrate is an average, so the estimate can be seconds off; a player that waits for
            // the bytes held back while its clock stands still is starving whatever it says
            // (waiting alone is normal: a player reads ahead as fast as it may)
            long now = System.nanoTime();
            if (time != lastTime) {
                lastTime = time;
                lastTimeChange = now;
            }
            boolean stuck = now - lastTimeChange > STUCK_MS * 1_000_000L;
            if (!buffering && (ahead < LOW_SECONDS || (holdBack.starving(infohash, STARVING_MS) && stuck))) {
                buffering = true;
                stalls++;
                edgeAtStall = edge;
                player.pause();
                holdBack.release(infohash);
                LOG.info("stream {}: {} s buffered, pausing", infohash, String.format("%.1f", ahead));
            } else if (buffering && (complete || edge >= edgeAtStall + RESUME_SECONDS * bytesPerSecond)) {
                holdBack.withhold(infohash);
                player.resume();
                buffering = false;
                LOG.info("stream {}: {} more buffered, playing", infohash, complete ? "everything" : RESUME_SECONDS + " s");
            }
        } catch (RuntimeException e) {
            LOG.warn("stall guard: {}", e.toString());
        }
    }

    /** The end of what is held without a gap from {@code position}. */
    private static long edge(BufferStatus status, long position) {
        for (org.swarmtube.swarm.ByteRange range : status.local()) {
            if (range.start() <= position && position < range.end()) return range.end();
        }
        return position;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        holdBack.withhold(infohash);
    }
}
