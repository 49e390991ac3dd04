package org.swarmtube.e2e;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.swarmtube.media.Vlc;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/** libvlc with no window: decodes into memory and counts the frames it renders, and when. */
public final class HeadlessVlc implements AutoCloseable {
    // the app's player reads streams with the same input options (the benchmark compares what it does)
    private final MediaPlayerFactory factory = new MediaPlayerFactory(java.util.stream.Stream.concat(java.util.stream.Stream.of(
            "--quiet", "--ignore-config", "--no-video-title-show", "--no-osd", "--no-spu", "--aout=dummy",
            "--no-metadata-network-access"), Vlc.STREAM_INPUT_OPTIONS.stream()).toArray(String[]::new));
    private final EmbeddedMediaPlayer player = factory.mediaPlayers().newEmbeddedMediaPlayer();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong lastFrameTimeMs = new AtomicLong(-1);
    private final AtomicLong firstFrameNanos = new AtomicLong();
    private final AtomicLong playerTimeMs = new AtomicLong(-1);
    /** Held while it plays: libvlc calls back into it (a collected callback crashes the player). */
    private volatile org.swarmtube.media.SourceMedia media;

    public HeadlessVlc() {
        player.videoSurface().set(factory.videoSurfaces().newVideoSurface(new BufferFormatCallback() {
            @Override
            public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
                return new RV32BufferFormat(sourceWidth, sourceHeight);
            }

            @Override
            public void allocatedBuffers(ByteBuffer[] buffers) {
            }
        }, new RenderCallback() {
            @Override
            public void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat bufferFormat) {
                // never call into libvlc from its video thread: stop() waits for this thread
                if (frames.incrementAndGet() == 1) firstFrameNanos.set(System.nanoTime());
                lastFrameTimeMs.set(playerTimeMs.get());
            }
        }, true));
        player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
            @Override
            public void timeChanged(MediaPlayer mediaPlayer, long newTime) {
                playerTimeMs.set(newTime);
            }
        });
    }

    public void play(String mrl, String... options) {
        interruptSource(); // still referenced: libvlc closes it while it switches
        frames.set(0);
        lastFrameTimeMs.set(-1);
        playerTimeMs.set(-1);
        player.media().play(mrl, options);
    }

    /** Plays a source read through Java, as the window's player does with the node's downloads. */
    public void play(org.swarmtube.media.VideoSource source, String... options) {
        frames.set(0);
        lastFrameTimeMs.set(-1);
        playerTimeMs.set(-1);
        interruptSource();
        media = new org.swarmtube.media.SourceMedia(source);
        player.media().play(media, options);
    }

    /** A read of ours blocked in libvlc's input thread would hold stop() until data came. */
    private void interruptSource() {
        if (media != null) media.interrupt();
    }

    public void seek(long ms) {
        player.controls().setTime(ms);
    }

    public long frames() {
        return frames.get();
    }

    /** The player's time (coarse, from its time events) when the last frame was rendered, or -1 before the first. */
    public long lastFrameTimeMs() {
        return lastFrameTimeMs.get();
    }

    /** When the first frame was rendered (System.nanoTime), or 0 before it. */
    public long firstFrameNanos() {
        return firstFrameNanos.get();
    }

    /** The player's time from its time events (coarse), or -1 before playback. */
    public long timeMs() {
        return playerTimeMs.get();
    }

    public void pause() {
        player.controls().setPause(true);
    }

    public void resume() {
        player.controls().setPause(false);
    }

    public void stop() {
        interruptSource();
        player.controls().stop();
    }

    @Override
    public void close() {
        interruptSource();
        player.controls().stop();
        player.release();
        factory.release();
    }
}
