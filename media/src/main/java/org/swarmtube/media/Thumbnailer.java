package org.swarmtube.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.media.NotAVideoException.Reason;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;

/**
 * Writes JPEG pictures of a video file, decoded by libvlc (vlcj) without a window or sound device: a
 * thumbnail that represents the video, and a strip of seek-preview pictures at equal intervals.
 *
 * <p>Each call first {@linkplain MediaProbe probes} the file, so it rejects what is not a playable
 * video with the same {@link NotAVideoException}; it also rejects a video none of whose pictures can
 * be decoded. Each call is bounded by the timeout given to the constructor and releases its libvlc
 * player before returning.
 *
 * <p>Thread-safe: each call uses its own players. Holds a libvlc instance until {@link #close()}; do
 * not close it while a call is running.
 */
public final class Thumbnailer implements AutoCloseable {
    /** Width of the thumbnail in pixels; its height follows the video's shape. */
    public static final int THUMBNAIL_WIDTH = 320;
    /** Width of one seek-preview tile in pixels; its height follows the video's shape. */
    public static final int TILE_WIDTH = 160;
    /** How long one call may take unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(Thumbnailer.class);
    /**
     * Where to look for the thumbnail, as fractions of the duration, best first: far enough in to skip
     * intros and fade-ins, early enough not to give the story away. Black pictures are passed over.
     */
    private static final double[] THUMBNAIL_POSITIONS = {0.2, 0.3, 0.1, 0.4, 0.5, 0.6, 0.75};
    /** Longest wait for one picture; a precise seek in 1080p H.264 with 10 s between keyframes took 0.6 s. */
    private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(5);

    private final MediaPlayerFactory factory;
    private final MediaProbe probe;
    private final Duration timeout;
    private volatile boolean closed;

    /**
     * A thumbnailer with its own libvlc instance and {@link #DEFAULT_TIMEOUT}.
     *
     * @throws IllegalStateException if libvlc cannot be loaded (Debian packages libvlc5 and vlc-plugin-base)
     */
    public Thumbnailer() {
        this(DEFAULT_TIMEOUT);
    }

    /**
     * A thumbnailer with its own libvlc instance.
     *
     * @param timeout how long one call may take, probing included
     * @throws IllegalStateException if libvlc cannot be loaded (Debian packages libvlc5 and vlc-plugin-base)
     */
    public Thumbnailer(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.factory = Vlc.newHeadlessFactory();
        this.probe = new MediaProbe(min(timeout, MediaProbe.DEFAULT_TIMEOUT), factory, false);
    }

    /**
     * Writes a {@value #THUMBNAIL_WIDTH}-pixel-wide JPEG (narrower videos are scaled up) of a picture
     * that represents the video: taken from 10-75% of the way in, preferring 20%, and not a black
     * picture unless all of the positions tried are black (then the brightest of them).
     *
     * @param video    a local video file
     * @param jpegFile where to write the JPEG; replaced if it exists, parent folders are created
     * @return the file, its size and the moment shown
     * @throws NotAVideoException if the file is not a playable video (see {@link MediaProbe#probe})
     * @throws IOException        if the timeout passed, the thread was interrupted
     *                            ({@link InterruptedIOException}), or the JPEG could not be written
     */
    public Thumbnail writeThumbnail(Path video, Path jpegFile) throws NotAVideoException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        MediaInfo info = probe(video);
        int height = heightFor(info, THUMBNAIL_WIDTH);
        BufferedImage best = null;
        double bestLuma = -1;
        Duration bestPosition = Duration.ZERO;
        for (double fraction : THUMBNAIL_POSITIONS) {
            Duration at = Duration.ofMillis(Math.round(info.duration().toMillis() * fraction));
            Optional<BufferedImage> picture = grab(video, at, THUMBNAIL_WIDTH, height, deadline);
            if (picture.isEmpty()) {
                continue;
            }
            double luma = Luminance.mean(picture.get());
            if (luma > bestLuma) {
                best = picture.get();
                bestLuma = luma;
                bestPosition = at;
            }
            if (luma >= Luminance.NEAR_BLACK) {
                break;
            }
        }
        if (best == null) {
            throw undecodable(video);
        }
        Jpeg.write(best, jpegFile);
        return new Thumbnail(jpegFile, THUMBNAIL_WIDTH, height, bestPosition);
    }

    /**
     * Writes seek-preview pictures at equal intervals as one JPEG sprite: {@code frames} tiles of
     * {@value #TILE_WIDTH} pixels wide in a single row (see {@link PreviewStrip} for the layout).
     * Black pictures are kept: a preview must show what is there.
     *
     * @param video    a local video file
     * @param jpegFile where to write the JPEG; replaced if it exists, parent folders are created
     * @param frames   number of tiles, 1 to 100 (8-10 suits a seek bar)
     * @return the file and its layout
     * @throws NotAVideoException if the file is not a playable video, or no tile could be decoded
     * @throws IOException        if the timeout passed, the thread was interrupted
     *                            ({@link InterruptedIOException}), or the JPEG could not be written
     */
    public PreviewStrip writePreviewStrip(Path video, Path jpegFile, int frames) throws NotAVideoException, IOException {
        if (frames < 1 || frames > 100) {
            throw new IllegalArgumentException("frames must be 1 to 100: " + frames);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        MediaInfo info = probe(video);
        int tileHeight = heightFor(info, TILE_WIDTH);
        PreviewStrip strip = new PreviewStrip(jpegFile, frames, TILE_WIDTH, tileHeight,
                info.duration().dividedBy(frames));
        BufferedImage sprite = new BufferedImage(TILE_WIDTH * frames, tileHeight, BufferedImage.TYPE_INT_RGB);
        int decoded = 0;
        for (int i = 0; i < frames; i++) {
            Optional<BufferedImage> tile = grab(video, strip.timeOf(i), TILE_WIDTH, tileHeight, deadline);
            if (tile.isPresent()) {
                // Raster copy rather than Graphics2D: drawing would set up AWT's graphics environment,
                // which tries to reach an X display when DISPLAY is set.
                sprite.getRaster().setRect(i * TILE_WIDTH, 0, tile.get().getRaster());
                decoded++;
            } else {
                LOG.warn("no picture at {} of {}; its preview tile stays black", strip.timeOf(i), video);
            }
        }
        if (decoded == 0) {
            throw undecodable(video);
        }
        Jpeg.write(sprite, jpegFile);
        return strip;
    }

    private MediaInfo probe(Path video) throws NotAVideoException, IOException {
        if (closed) {
            throw new IllegalStateException("Thumbnailer is closed");
        }
        return probe.probe(video);
    }

    /** One picture; empty if libvlc gave none or was too slow while time remains for other positions. */
    private Optional<BufferedImage> grab(Path video, Duration at, int width, int height, long deadline)
            throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(video);
        }
        try {
            return FrameGrabber.grab(factory, video, at, width, height,
                    min(Duration.ofNanos(remaining), PICTURE_TIMEOUT));
        } catch (TimeoutException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw timedOut(video);
            }
            LOG.warn("no picture at {} of {} within {}", at, video, PICTURE_TIMEOUT);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding " + video);
        }
    }

    /** Height that keeps the shape of the picture as shown (non-square pixels corrected); at least 2. */
    static int heightFor(MediaInfo info, int width) {
        return Math.max(2, (int) Math.round((double) width * info.height() / info.displayWidth()));
    }

    private IOException timedOut(Path video) {
        return new IOException("Making pictures of " + Wording.quoted(video) + " took longer than "
                + Wording.seconds(timeout) + ".");
    }

    private static NotAVideoException undecodable(Path video) {
        return new NotAVideoException(video, Reason.UNDECODABLE, "No picture could be decoded from "
                + Wording.quoted(video) + "; the video data may be damaged.");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Releases the libvlc instance. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            probe.close();
            factory.release();
        }
    }
}
