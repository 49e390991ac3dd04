package org.swarmtube.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * Decodes the picture shown at one moment of a video, with a libvlc player that has no window: vlcj's
 * callback video surface hands each decoded picture to Java memory.
 *
 * <p>libvlc scales the picture to the requested size itself (the size is requested explicitly rather
 * than accepted from libvlc, whose offer includes the decoder's padding rows, e.g. 640x386 for 640x360
 * H.264). {@code :start-time} seeks precisely: libvlc decodes from the previous keyframe and shows the
 * first picture at the requested time. That costs up to one keyframe interval of decoding (0.6 s for
 * 10 s of 1080p H.264 here). {@code :input-fast-seek} was tried and rejected: with {@code :start-time}
 * libvlc 3.0 often started from the beginning of the file instead of the nearest keyframe.
 *
 * <p>One short-lived player per picture: creating one costs about a millisecond, and it keeps a late
 * event of one grab from ever ending the next one.
 */
final class FrameGrabber {

    private FrameGrabber() {
    }

    /**
     * @return the picture at {@code at}, or empty if libvlc reported an error or reached the end first
     * @throws TimeoutException if no picture came within {@code timeout}
     */
    static Optional<BufferedImage> grab(MediaPlayerFactory factory, Path file, Duration at, int width, int height,
                                        Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<Optional<BufferedImage>> picture = new CompletableFuture<>();
        EmbeddedMediaPlayer player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        try {
            player.videoSurface().set(factory.videoSurfaces().newVideoSurface(
                    new FixedFormat(width, height), new CopyFirstPicture(picture, width, height), true));
            player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
                @Override
                public void error(MediaPlayer mediaPlayer) {
                    picture.complete(Optional.empty());
                }

                @Override
                public void finished(MediaPlayer mediaPlayer) {
                    picture.complete(Optional.empty());
                }
            });
            String startTime = String.format(Locale.ROOT, ":start-time=%.3f", at.toMillis() / 1000.0);
            // play(), not start(): vlcj's start() waits for "playing" with no time limit and swallows interrupts.
            if (!player.media().play(file.toAbsolutePath().toString(), startTime, ":no-audio", ":no-spu")) {
                return Optional.empty();
            }
            return picture.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("copying a picture failed", e.getCause());
        } finally {
            // Never from a libvlc callback thread (that deadlocks); stop() joins libvlc's threads, so no
            // callback touches the Java buffers after release().
            player.controls().stop();
            player.release();
        }
    }

    private record FixedFormat(int width, int height) implements BufferFormatCallback {
        @Override
        public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
            return new RV32BufferFormat(width, height);
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
        }
    }

    /** Runs on libvlc's video output thread; the buffer is only valid during the call, so it is copied. */
    private record CopyFirstPicture(CompletableFuture<Optional<BufferedImage>> picture, int width, int height)
            implements RenderCallback {
        @Override
        public void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat bufferFormat) {
            if (picture.isDone()) {
                return;
            }
            // RV32 is B,G,R,X in memory: read as a little-endian int it is 0xXXRRGGBB, which is what
            // TYPE_INT_RGB stores (the top byte is ignored).
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            nativeBuffers[0].duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(pixels);
            picture.complete(Optional.of(image));
        }
    }
}
