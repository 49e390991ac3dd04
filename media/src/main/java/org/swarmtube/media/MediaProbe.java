package org.swarmtube.media;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.swarmtube.media.FileSignature.Kind;
import org.swarmtube.media.FileSignature.Signature;
import org.swarmtube.media.NotAVideoException.Reason;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.media.AudioTrackInfo;
import uk.co.caprica.vlcj.media.Media;
import uk.co.caprica.vlcj.media.MediaEventAdapter;
import uk.co.caprica.vlcj.media.MediaParsedStatus;
import uk.co.caprica.vlcj.media.ParseFlag;
import uk.co.caprica.vlcj.media.VideoTrackInfo;

/**
 * Reads the duration, picture size, codecs and container of a video file through libvlc (vlcj),
 * without playing it, and rejects files that are not playable videos with a reason a person understands.
 *
 * <p>Only headers are read (libvlc's parser, plus a look at the file's first bytes), so a file whose
 * headers are intact but whose video data is damaged passes; {@link Thumbnailer} decodes pictures and
 * catches that case. Needs no display, sound device or network.
 *
 * <p>Thread-safe: each call parses its own libvlc media. Holds a libvlc instance until {@link #close()};
 * do not close it while a call is running.
 */
public final class MediaProbe implements AutoCloseable {
    /** How long libvlc may spend reading a file's headers unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** What libvlc's image demuxer produces: a still picture that it presents as a short video. */
    private static final Set<String> DECODED_PICTURE_CODES = Set.of("RV24", "RV32", "RGBA", "BGRA", "RGB8");

    private final MediaPlayerFactory factory;
    private final boolean ownsFactory;
    private final Duration timeout;
    private volatile boolean closed;

    /**
     * A probe with its own libvlc instance and {@link #DEFAULT_TIMEOUT}.
     *
     * @throws IllegalStateException if libvlc cannot be loaded (Debian packages libvlc5 and vlc-plugin-base)
     */
    public MediaProbe() {
        this(DEFAULT_TIMEOUT);
    }

    /**
     * A probe with its own libvlc instance.
     *
     * @param timeout how long one {@link #probe} may wait for libvlc to read a file's headers
     * @throws IllegalStateException if libvlc cannot be loaded (Debian packages libvlc5 and vlc-plugin-base)
     */
    public MediaProbe(Duration timeout) {
        // The timeout is checked first (arguments are evaluated left to right): a bad one must not leak
        // a libvlc instance.
        this(checked(timeout), Vlc.newHeadlessFactory(), true);
    }

    /** Shares {@code factory} (owned by the caller unless {@code ownsFactory}). */
    MediaProbe(Duration timeout, MediaPlayerFactory factory, boolean ownsFactory) {
        this.timeout = checked(timeout);
        this.factory = Objects.requireNonNull(factory, "factory");
        this.ownsFactory = ownsFactory;
    }

    private static Duration checked(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and under 24 days: " + timeout);
        }
        return timeout;
    }

    /**
     * Reads what {@code file} holds.
     *
     * @param file a local file
     * @return the file's duration, picture size, codecs and container
     * @throws NotAVideoException if the file is missing, empty, cut short, a picture, sound only, not a
     *                            media file at all, or has no readable length or picture size
     * @throws IOException        if libvlc took longer than the timeout, or the thread was interrupted
     *                            ({@link InterruptedIOException})
     */
    public MediaInfo probe(Path file) throws NotAVideoException, IOException {
        if (closed) {
            throw new IllegalStateException("MediaProbe is closed");
        }
        Signature signature = checkFile(file);
        String name = Wording.quoted(file);
        Media media = factory.media().newMedia(file.toAbsolutePath().toString());
        try {
            parse(media, name);
            List<VideoTrackInfo> videos = media.info().videoTracks();
            List<AudioTrackInfo> audios = media.info().audioTracks();
            if (videos.isEmpty()) {
                throw noVideo(file, signature, audios);
            }
            VideoTrackInfo video = videos.get(0);
            if (signature.kind() != Kind.CONTAINER && DECODED_PICTURE_CODES.contains(video.codecName())) {
                throw new NotAVideoException(file, Reason.IMAGE, name + " is a still picture, not a video.");
            }
            long millis = media.info().duration();
            if (millis <= 0) {
                throw new NotAVideoException(file, Reason.UNDECODABLE, "The length of " + name
                        + " could not be read, so it cannot be played or previewed.");
            }
            if (video.width() <= 0 || video.height() <= 0) {
                throw new NotAVideoException(file, Reason.UNDECODABLE, "The picture size of " + name
                        + " could not be read; the file may be damaged.");
            }
            double pixelAspect = video.sampleAspectRatio() > 0 && video.sampleAspectRatioBase() > 0
                    ? (double) video.sampleAspectRatio() / video.sampleAspectRatioBase() : 1.0;
            Optional<String> audio = audios.stream().findFirst().map(a -> CodecNames.of(a.codecName()));
            String container = signature.kind() == Kind.CONTAINER ? signature.format() : "unknown";
            return new MediaInfo(Duration.ofMillis(millis), video.width(), video.height(), pixelAspect,
                    CodecNames.of(video.codecName()), audio, container);
        } finally {
            media.release();
        }
    }

    /** The checks libvlc cannot answer well: it never says "missing", "empty" or "cut short". */
    private static Signature checkFile(Path file) throws NotAVideoException {
        String name = Wording.quoted(file);
        if (Files.isDirectory(file)) {
            throw new NotAVideoException(file, Reason.MISSING, name + " is a folder, not a video file.");
        }
        if (!Files.exists(file)) {
            throw new NotAVideoException(file, Reason.MISSING, "The file " + name + " does not exist.");
        }
        if (!Files.isReadable(file)) {
            throw new NotAVideoException(file, Reason.UNREADABLE, "Swarmtube is not allowed to read " + name + ".");
        }
        Signature signature;
        long size;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new NotAVideoException(file, Reason.EMPTY, name + " is empty (0 bytes).");
            }
            signature = FileSignature.read(file);
        } catch (IOException e) {
            throw new NotAVideoException(file, Reason.UNREADABLE, name + " could not be read (" + e.getMessage() + ").");
        }
        switch (signature.kind()) {
            case IMAGE -> throw new NotAVideoException(file, Reason.IMAGE,
                    name + " is " + Wording.article(signature.format()) + " " + signature.format() + " image, not a video.");
            case TEXT -> throw new NotAVideoException(file, Reason.UNRECOGNISED, name + " contains text, not a video.");
            default -> { }
        }
        if (signature.declaredSize() > size) {
            throw new NotAVideoException(file, Reason.TRUNCATED, name + " is incomplete (" + Wording.size(size)
                    + " of at least " + Wording.size(signature.declaredSize())
                    + "); the download or copy was probably interrupted.");
        }
        return signature;
    }

    private void parse(Media media, String name) throws IOException {
        CountDownLatch parsed = new CountDownLatch(1);
        media.events().addMediaEventListener(new MediaEventAdapter() {
            @Override
            public void mediaParsedChanged(Media m, MediaParsedStatus status) {
                parsed.countDown();
            }
        });
        if (!media.parsing().parse((int) timeout.toMillis(), ParseFlag.PARSE_LOCAL)) {
            throw new IOException("libvlc refused to read " + name + ".");
        }
        try {
            // libvlc enforces the timeout itself and then reports TIMEOUT; the extra second is a backstop.
            if (!parsed.await(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                    || media.parsing().status() == MediaParsedStatus.TIMEOUT) {
                media.parsing().stop();
                throw new IOException("Reading " + name + " took longer than " + Wording.seconds(timeout) + ".");
            }
        } catch (InterruptedException e) {
            media.parsing().stop();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + name);
        }
        // FAILED needs no branch: libvlc then reports no tracks, which noVideo() explains.
    }

    private static NotAVideoException noVideo(Path file, Signature signature, List<AudioTrackInfo> audios) {
        String name = Wording.quoted(file);
        if (!audios.isEmpty()) {
            return new NotAVideoException(file, Reason.AUDIO_ONLY, name + " contains only sound ("
                    + CodecNames.of(audios.get(0).codecName()) + "), no picture.");
        }
        if (signature.kind() == Kind.CONTAINER) {
            return new NotAVideoException(file, Reason.UNDECODABLE, name + " looks like a video file ("
                    + signature.format() + "), but no picture or sound could be read from it; it may be damaged.");
        }
        return new NotAVideoException(file, Reason.UNRECOGNISED, name + " is not in a video format Swarmtube can read.");
    }

    /** Releases the libvlc instance if this probe created it. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (ownsFactory) {
                factory.release();
            }
        }
    }
}
