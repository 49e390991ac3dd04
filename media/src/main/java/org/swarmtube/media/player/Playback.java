package org.swarmtube.media.player;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.media.SourceMedia;
import org.swarmtube.media.Vlc;
import org.swarmtube.media.VideoSource;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.media.VideoTrackInfo;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * The one class that drives libvlc (vlcj) for a {@link VideoPlayer}.
 *
 * <p>Every call into libvlc runs on one private thread, in the order asked: some block (starting libvlc
 * takes a few hundred milliseconds, {@code stop()} waits for libvlc's threads, and on a stalled stream
 * until the read returns), and vlcj must not be called back from its own callback threads. libvlc's
 * events arrive on vlcj's event thread and are passed on to {@link Events} from there.
 */
final class Playback {
    /** Called on libvlc's or vlcj's threads, never on the FX thread. */
    interface Events {
        void state(PlayerState state);

        void length(long millis);

        void failed(String message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Playback.class);
    /** Larger pictures are asked for at this size (libvlc scales them); a Java copy of 8K would be 130 MB/s per fps. */
    private static final int MAX_SIDE = 4096;

    private final List<String> options;
    private final VideoSurface surface;
    private final FrameClock clock;
    private final Events events;
    private final ExecutorService control;

    /** Control thread only. */
    private MediaPlayerFactory factory;
    private EmbeddedMediaPlayer player;
    private boolean released;

    private final AtomicLong pendingSeek = new AtomicLong(-1);
    private volatile Playable current;
    /** The callback input of what plays now, if it is a {@link VideoSource}; control thread only. */
    private volatile SourceMedia sourceMedia;
    private SourceMedia retiredMedia;
    private volatile PlayerState state = PlayerState.IDLE;
    private volatile int volume = 100;
    private volatile boolean muted;

    Playback(boolean sound, VideoSurface surface, FrameClock clock, Events events) {
        this.options = Vlc.playerOptions(sound);
        this.surface = surface;
        this.clock = clock;
        this.events = events;
        this.control = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "swarmtube-player");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What plays: a location libvlc opens, or a source read through Java. */
    record Playable(String mrl, VideoSource source) {
        static Playable of(String mrl) {
            return new Playable(mrl, null);
        }

        static Playable of(VideoSource source) {
            return new Playable(null, source);
        }

        /** Equal for the same video. */
        String id() {
            return source != null ? "source:" + source.id() : mrl;
        }
    }

    /** Plays {@code what} from {@code startMillis}, replacing what was playing. */
    void play(Playable what, long startMillis) {
        this.current = what;
        run(() -> start(what, startMillis));
    }

    /** Stops, then plays the current video again from {@code startMillis}. */
    void restart(long startMillis) {
        Playable now = current;
        if (now == null) {
            return;
        }
        run(() -> {
            stopPlayer();
            start(now, startMillis);
        });
    }

    void pause() {
        run(() -> player.controls().setPause(true));
    }

    void resume() {
        run(() -> player.controls().setPause(false));
    }

    void stop() {
        run(() -> {
            stopPlayer();
            changeState(PlayerState.STOPPED);
        });
    }

    /** libvlc's stop() waits for its input thread, which may be blocked in a read of ours: end that first. */
    private void stopPlayer() {
        if (sourceMedia != null) {
            sourceMedia.interrupt();
        }
        player.controls().stop();
        retiredMedia = sourceMedia;
        sourceMedia = null;
    }

    /**
     * Moves to {@code millis}; when stopped, at the end or still opening (libvlc drops a seek made before
     * it plays), plays again from there. Seeks asked for faster than libvlc takes them (dragging along
     * the slider) collapse into the latest.
     */
    void seek(long millis) {
        Playable playing = current;
        if (playing == null) {
            return;
        }
        if (pendingSeek.getAndSet(millis) >= 0) {
            return; // a seek task is queued; it will take this target
        }
        run(() -> {
            long target = pendingSeek.getAndSet(-1);
            PlayerState now = state;
            if (now == PlayerState.PLAYING || now == PlayerState.PAUSED) {
                surface.expectNewPicture();
                player.controls().setTime(clock.expect(target));
            } else {
                start(playing, target);
            }
        });
    }

    /** @param percent 0 to 100 */
    void volume(int percent) {
        volume = percent;
        run(() -> player.audio().setVolume(percent));
    }

    void mute(boolean mute) {
        muted = mute;
        run(() -> player.audio().setMute(mute));
    }

    PlayerState state() {
        return state;
    }

    Playable current() {
        return current;
    }

    /** Stops playing and frees libvlc; later calls do nothing. */
    CompletableFuture<Void> release() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            control.execute(() -> {
                try {
                    released = true;
                    if (player != null) {
                        stopPlayer();
                        player.release();
                    }
                    if (factory != null) {
                        factory.release();
                    }
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            control.shutdown();
        } catch (RejectedExecutionException e) {
            done.complete(null); // released before
        }
        return done;
    }

    private void start(Playable what, long startMillis) {
        List<String> mediaOptions = new ArrayList<>();
        long askFor = clock.expect(startMillis);
        if (startMillis > 0) {
            mediaOptions.add(String.format(Locale.ROOT, ":start-time=%.3f", askFor / 1000.0));
        }
        surface.expectNewPicture();
        changeState(PlayerState.OPENING);
        // replacing the media stops the one playing: its blocked read must end first
        if (sourceMedia != null) {
            sourceMedia.interrupt();
        }
        // the one replaced stays referenced until libvlc has closed it (a collected callback crashes libvlc)
        retiredMedia = sourceMedia;
        sourceMedia = what.source() == null ? null : new SourceMedia(what.source());
        String[] options = mediaOptions.toArray(String[]::new);
        // play(), not start(): vlcj's start() waits for "playing" with no time limit.
        boolean started = sourceMedia != null ? player.media().play(sourceMedia, options) : player.media().play(what.mrl(), options);
        if (!started) {
            events.failed("The video could not be opened.");
            changeState(PlayerState.ERROR);
        }
    }

    /** Runs {@code task} on the control thread once libvlc is up; failures end in {@link PlayerState#ERROR}. */
    private void run(Runnable task) {
        try {
            control.execute(() -> {
                if (released) {
                    return;
                }
                try {
                    if (player == null) {
                        open();
                    }
                    task.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("libvlc call failed", e);
                    events.failed(e.getMessage());
                    changeState(PlayerState.ERROR);
                }
            });
        } catch (RejectedExecutionException e) {
            // released: nothing to drive any more
        }
    }

    private void open() {
        long began = System.nanoTime();
        factory = Vlc.serially(() -> {
            try {
                return new MediaPlayerFactory(new NativeDiscovery(), options.toArray(String[]::new));
            } catch (RuntimeException | LinkageError e) {
                throw Vlc.startFailure(e);
            }
        });
        player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        player.videoSurface().set(factory.videoSurfaces().newVideoSurface(new Format(), new Render(), true));
        player.events().addMediaPlayerEventListener(new Listener());
        player.audio().setVolume(volume);
        player.audio().setMute(muted);
        LOG.debug("libvlc started in {} ms", (System.nanoTime() - began) / 1_000_000);
    }

    private void changeState(PlayerState next) {
        state = next;
        events.state(next);
    }

    /**
     * libvlc offers its decoder's buffer size, which includes padding rows (640x368 or 640x386 for a
     * 640x360 H.264 video); accepting it stretches the picture. The size is asked for from the track
     * instead, widened for non-square pixels, so the buffer has the picture's true shape.
     */
    private final class Format implements BufferFormatCallback {
        @Override
        public BufferFormat getBufferFormat(int offeredWidth, int offeredHeight) {
            int width = offeredWidth;
            int height = offeredHeight;
            double fps = 0;
            VideoTrackInfo track = track(offeredWidth, offeredHeight);
            if (track != null) {
                double pixelAspect = track.sampleAspectRatio() > 0 && track.sampleAspectRatioBase() > 0
                        ? (double) track.sampleAspectRatio() / track.sampleAspectRatioBase() : 1.0;
                width = (int) Math.round(track.width() * pixelAspect);
                height = track.height();
                if ((offeredWidth > offeredHeight) != (width > height)) {
                    int swap = width; // libvlc already turned the picture upright (rotation metadata)
                    width = height;
                    height = swap;
                }
                fps = track.frameRateBase() > 0 ? (double) track.frameRate() / track.frameRateBase() : 0;
            }
            double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
            width = Math.max(2, (int) Math.round(width * scale));
            height = Math.max(2, (int) Math.round(height * scale));
            LOG.debug("libvlc offered {}x{}, asking for {}x{} at {} fps", offeredWidth, offeredHeight, width, height, fps);
            clock.frameRate(fps);
            surface.resize(width, height);
            return new RV32BufferFormat(width, height);
        }

        /** The video track whose size is nearest to the offer; null if libvlc knows none. */
        private VideoTrackInfo track(int offeredWidth, int offeredHeight) {
            try {
                VideoTrackInfo best = null;
                for (VideoTrackInfo track : player.media().info().videoTracks()) {
                    if (track.width() > 0 && track.height() > 0 && (best == null
                            || distance(track, offeredWidth, offeredHeight) < distance(best, offeredWidth, offeredHeight))) {
                        best = track;
                    }
                }
                return best;
            } catch (RuntimeException e) {
                LOG.debug("no track information", e);
                return null;
            }
        }

        private static int distance(VideoTrackInfo track, int width, int height) {
            return Math.min(Math.abs(track.width() - width) + Math.abs(track.height() - height),
                    Math.abs(track.height() - width) + Math.abs(track.width() - height));
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
        }
    }

    private final class Render implements RenderCallback {
        @Override
        public void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat bufferFormat) {
            surface.deliver(nativeBuffers[0]);
        }
    }

    private final class Listener extends MediaPlayerEventAdapter {
        @Override
        public void opening(MediaPlayer mediaPlayer) {
            changeState(PlayerState.OPENING);
        }

        @Override
        public void playing(MediaPlayer mediaPlayer) {
            changeState(PlayerState.PLAYING);
            // libvlc 3 ignores a volume set while no sound output is open: set it again each time.
            run(() -> {
                player.audio().setVolume(volume);
                player.audio().setMute(muted);
            });
        }

        @Override
        public void paused(MediaPlayer mediaPlayer) {
            clock.paused();
            changeState(PlayerState.PAUSED);
        }

        @Override
        public void stopped(MediaPlayer mediaPlayer) {
            clock.paused();
            changeState(PlayerState.STOPPED);
        }

        @Override
        public void finished(MediaPlayer mediaPlayer) {
            changeState(PlayerState.FINISHED);
        }

        @Override
        public void error(MediaPlayer mediaPlayer) {
            // the message first: whoever sees the ERROR state reads it
            SourceMedia media = sourceMedia;
            String reason = media == null ? null : media.failure();
            events.failed(reason != null ? "The video could not be played: " + reason
                    : "The video could not be played: libvlc could not read or decode it.");
            changeState(PlayerState.ERROR);
        }

        @Override
        public void timeChanged(MediaPlayer mediaPlayer, long newTime) {
            clock.reported(newTime, System.nanoTime());
        }

        @Override
        public void lengthChanged(MediaPlayer mediaPlayer, long newLength) {
            events.length(newLength);
        }
    }
}
