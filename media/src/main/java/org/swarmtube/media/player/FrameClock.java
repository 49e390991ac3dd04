package org.swarmtube.media.player;

/**
 * Works out which moment of the video each new picture shows. libvlc's callbacks carry no timestamps and
 * its reported time moves in steps of a quarter to a whole second, but each report is right at the
 * moment it arrives (measured against a burnt-in frame counter: within a millisecond). So a picture
 * shown soon after a report is placed by the time elapsed since it; one shown without a report since the
 * previous picture is the next frame (or a few frames later, if the gap says frames were dropped); the
 * first picture after a start or seek shows the requested moment (libvlc seeks precisely). Times are
 * rounded to the video's frame rate when it is known.
 *
 * <p>Thread-safe: reports come on libvlc's event thread, pictures on its video output thread.
 */
final class FrameClock {
    /** A longer gap between two pictures is a pause or a stall, not dropped frames. */
    private static final int MAX_DROPPED_FRAMES = 4;
    private static final double DEFAULT_FRAME_MICROS = 40_000;

    private double frameMicros = DEFAULT_FRAME_MICROS;
    private boolean rateKnown;
    private long expectedMicros = -1;
    private long reportMicros = -1;
    private long reportNanos;
    private long lastMicros = -1;
    private long lastNanos;

    /** The next new picture shows {@code millis}: after a start at that time or a seek to it. */
    synchronized void expect(long millis) {
        expectedMicros = Math.max(0, millis) * 1000;
        reportMicros = -1;
    }

    /** libvlc reported its time. */
    synchronized void reported(long millis, long nanos) {
        reportMicros = millis * 1000;
        reportNanos = nanos;
    }

    /** The video's frame rate, or 0 if not known. */
    synchronized void frameRate(double fps) {
        rateKnown = fps > 0 && fps < 1000;
        frameMicros = rateKnown ? 1e6 / fps : DEFAULT_FRAME_MICROS;
    }

    /** @return the media time, in milliseconds, of a new picture shown at {@code nanos} */
    synchronized long nextPicture(long nanos) {
        long micros;
        if (expectedMicros >= 0) {
            micros = expectedMicros;
            expectedMicros = -1;
        } else if (reportMicros >= 0 && (lastMicros < 0 || reportNanos - lastNanos > 0)) {
            micros = reportMicros + Math.max(0, (nanos - reportNanos) / 1000);
        } else if (lastMicros >= 0) {
            long frames = Math.round((nanos - lastNanos) / (frameMicros * 1000.0));
            micros = lastMicros + Math.round(frameMicros * (frames > MAX_DROPPED_FRAMES ? 1 : Math.max(1, frames)));
        } else {
            micros = 0;
        }
        if (rateKnown) {
            micros = Math.round(Math.round(micros / frameMicros) * frameMicros);
        }
        lastMicros = micros;
        lastNanos = nanos;
        return micros / 1000;
    }
}
