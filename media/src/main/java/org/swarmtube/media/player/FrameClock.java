package org.swarmtube.media.player;

/**
 * Works out which moment of the video each new picture shows. libvlc's picture callbacks carry no
 * timestamps, and the time it reports moves in steps of a quarter to a whole second and reaches Java
 * through an event thread, a little late when the machine is busy (0-50 ms measured).
 *
 * <p>So pictures are counted: the first one after a start or a seek shows the requested moment (libvlc
 * seeks precisely), and each later one is the next frame. Counting survives pauses and stalls (the next
 * picture is the next frame), but not frames libvlc drops, nor libvlc's occasional choice of the
 * next frame on a start (about 1 start in 10), nor the one or two pictures from before a seek that
 * libvlc still shows after it; the reported times correct those. A report can only be late, so one that
 * is ahead of the count by a frame or more corrects it at once; one behind the count must be confirmed by
 * the next report (except just after a seek), and one more than {@value #JUMP_FRAMES} frames off is
 * believed at once. Times are rounded to the video's frame rate when it is known. Measured: exact to the
 * frame in steady playback and after pauses; wrong by up to a few frames for about the first 0.3-0.5 s
 * after a seek (until libvlc's next report).
 *
 * <p>Thread-safe: reports come on vlcj's event thread, pictures on libvlc's video output thread.
 */
final class FrameClock {
    /** A report this far from the count is believed at once (a seek the clock was not told of). */
    static final int JUMP_FRAMES = 12;
    /** A report at least this many frames ahead of the count corrects it (less is jitter of the picture callbacks). */
    static final double AHEAD_FRAMES = 0.75;
    /** libvlc reports about every 250 ms while playing; an older report is from before a stall. */
    static final long REPORT_MAX_AGE_NANOS = 600_000_000L;
    /**
     * For this long after a seek, libvlc may still show one or two pictures from before it, which the
     * count takes for the first pictures after it; a report behind the count is believed at once then.
     */
    static final long SETTLE_NANOS = 2_000_000_000L;
    private static final double DEFAULT_FRAME_MICROS = 40_000;

    private double frameMicros = DEFAULT_FRAME_MICROS;
    private boolean rateKnown;
    private long expectedMicros = -1;
    private long reportMicros = -1;
    private long reportNanos;
    private long lastMicros = -1;
    private long lastNanos;
    private long previousOffset;
    private long expectNanos = System.nanoTime() - SETTLE_NANOS;

    /**
     * The next new picture shows {@code millis}: after a start at that time or a seek to it.
     *
     * @return the time to ask libvlc for so that it shows the frame nearest to {@code millis}: libvlc
     *         starts with the last frame that begins strictly before the time asked for, so half a frame
     *         is added
     */
    synchronized long expect(long millis) {
        expectedMicros = Math.max(0, millis) * 1000;
        expectNanos = System.nanoTime();
        reportMicros = -1;
        previousOffset = 0;
        return Math.max(0, millis) + Math.round(frameMicros / 2000);
    }

    /** libvlc reported its time. */
    synchronized void reported(long millis, long nanos) {
        reportMicros = millis * 1000;
        reportNanos = nanos;
    }

    /** libvlc paused or stopped: its last report says nothing about the pictures after the pause. */
    synchronized void paused() {
        reportMicros = -1;
    }

    /** The video's frame rate, or 0 if not known. */
    synchronized void frameRate(double fps) {
        rateKnown = fps > 0 && fps < 1000;
        frameMicros = rateKnown ? 1e6 / fps : DEFAULT_FRAME_MICROS;
    }

    /** @return the media time, in milliseconds, of a new picture shown at {@code nanos} */
    synchronized long nextPicture(long nanos) {
        long micros;
        boolean reportSinceLast = reportMicros >= 0 && (lastMicros < 0 || reportNanos - lastNanos > 0)
                && nanos - reportNanos < REPORT_MAX_AGE_NANOS;
        long fromReport = reportMicros + Math.max(0, (nanos - reportNanos) / 1000);
        if (expectedMicros >= 0) {
            micros = expectedMicros;
            expectedMicros = -1;
        } else if (lastMicros < 0) {
            micros = reportSinceLast ? fromReport : 0;
        } else {
            micros = lastMicros + Math.round(frameMicros);
            if (reportSinceLast) {
                micros = corrected(micros, fromReport, nanos - expectNanos < SETTLE_NANOS);
            }
        }
        if (rateKnown) {
            micros = Math.round(Math.round(micros / frameMicros) * frameMicros);
        }
        lastMicros = micros;
        lastNanos = nanos;
        return micros / 1000;
    }

    /**
     * A report reaches Java late, never early, so a report ahead of the count is believed at once (the
     * count missed dropped frames, or libvlc started on the frame after the one asked for); one behind the
     * count must be confirmed by the next report, unless a seek was just made ({@code settling}).
     */
    private long corrected(long counted, long fromReport, boolean settling) {
        double frames = (fromReport - counted) / frameMicros;
        long offset = frames >= AHEAD_FRAMES ? Math.round(frames) : frames <= -0.5 ? Math.round(frames) : 0;
        if (Math.abs(offset) > JUMP_FRAMES) {
            previousOffset = 0;
            return fromReport;
        }
        if (offset > 0 || (offset < 0 && (settling || offset == previousOffset))) {
            previousOffset = 0;
            return counted + Math.round(offset * frameMicros);
        }
        previousOffset = offset;
        return counted;
    }
}
