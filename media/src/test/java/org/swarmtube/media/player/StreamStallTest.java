package org.swarmtube.media.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.media.TestClips;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Plays the frame-counter clip from a loopback HTTP server that stalls mid-file, and recovers the way
 * the app's fallback will (shared/dependency-facts.md): when no new picture came for 1 s, stop; when
 * data is back, play again from the last picture shown.
 */
@ExtendWith(ApplicationExtension.class)
class StreamStallTest {
    private static final Logger LOG = LoggerFactory.getLogger(StreamStallTest.class);
    private static final int FRAME_MILLIS = 1000 / TestClips.COUNTER_FPS;

    private VideoPlayer player;
    private RangeServer server;

    @Start
    void start(Stage stage) {
        player = new VideoPlayer(false);
        stage.setScene(new Scene(player, 640, 480));
        stage.show();
    }

    @BeforeEach
    void serve() throws Exception {
        Path clip = TestClips.frameCounter();
        server = new RangeServer(clip);
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> player.dispose()).get(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void afterAStallPlaysOnFromTheLastPictureShown() throws Exception {
        server.stallAt(server.length() * 8 / 20); // about 8 s into the 20 s clip
        fx(() -> {
            player.play(server.url(), Duration.ofSeconds(5));
            return null;
        });
        await("pictures over HTTP", Duration.ofSeconds(10), () -> player.renderedFrames() > 10);
        assertThat(fx(() -> player.picture().getImage().getHeight())).isEqualTo(360);

        await("the stream to starve", Duration.ofSeconds(15),
                () -> server.readerWaiting() && player.sinceLastFrame().compareTo(Duration.ofSeconds(1)) > 0);
        Duration last = player.lastFrameTime();
        int lastFrame = frameOnScreen();
        LOG.info("starved at {} ms, frame {} on screen; libvlc says playing: {}", last.toMillis(), lastFrame,
                player.isPlaying());
        assertThat((long) lastFrame * FRAME_MILLIS).isEqualTo(last.toMillis());

        player.stop(); // interrupts libvlc's blocked HTTP read
        await("stopped", Duration.ofSeconds(5), () -> fx(() -> player.stateProperty().get()) == PlayerState.STOPPED);
        long framesBefore = player.renderedFrames();

        server.resume();
        long dataBack = System.nanoTime();
        player.restartAt(last);
        await("a new picture", Duration.ofSeconds(5), () -> player.renderedFrames() > framesBefore);
        long resumedMillis = (System.nanoTime() - dataBack) / 1_000_000;
        int firstFrame = frameOnScreen();
        LOG.info("first picture {} ms after the data came back: frame {}", resumedMillis, firstFrame);
        assertThat(resumedMillis).isLessThan(1000);
        assertThat(firstFrame).isBetween(lastFrame, lastFrame + 1); // libvlc starts on the next frame about 1 time in 10

        await("playing on", Duration.ofSeconds(5), () -> frameOnScreen() > lastFrame + 25);
    }

    /**
     * The window's own player reads the node's downloads through Java callbacks; libvlc's stop()
     * cannot interrupt a callback, so a stop while a read waits for data must end that read itself.
     */
    @Test
    void aSourceReadThatWaitsForDataDoesNotHoldStopAndPlaysOnFromTheLastPicture() throws Exception {
        Path clip = TestClips.frameCounter();
        StallingSource source = new StallingSource(clip, java.nio.file.Files.size(clip) * 8 / 20);
        fx(() -> {
            player.play(source, Duration.ofSeconds(5));
            return null;
        });
        await("pictures from the source", Duration.ofSeconds(10), () -> player.renderedFrames() > 10);
        assertThat(fx(() -> player.picture().getImage().getHeight())).isEqualTo(360);

        await("the source to starve", Duration.ofSeconds(15),
                () -> source.waiting() && player.sinceLastFrame().compareTo(Duration.ofSeconds(1)) > 0);
        Duration last = player.lastFrameTime();
        int lastFrame = frameOnScreen();

        long stopAsked = System.nanoTime();
        player.stop();
        await("stopped while the read waits", Duration.ofSeconds(3),
                () -> fx(() -> player.stateProperty().get()) == PlayerState.STOPPED);
        LOG.info("stopped {} ms after asking, with a read waiting for data", (System.nanoTime() - stopAsked) / 1_000_000);
        assertThat(source.waiting()).isFalse();
        long framesBefore = player.renderedFrames();

        source.resume();
        player.restartAt(last);
        await("a new picture", Duration.ofSeconds(5), () -> player.renderedFrames() > framesBefore);
        int firstFrame = frameOnScreen();
        assertThat(firstFrame).isBetween(lastFrame, lastFrame + 1);
        await("playing on", Duration.ofSeconds(5), () -> frameOnScreen() > lastFrame + 25);
    }

    /** A file whose bytes from {@code stallAt} on (but the last 64 KiB, the index) wait until {@link #resume()}. */
    private static final class StallingSource implements org.swarmtube.media.VideoSource {
        private final Path file;
        private final long stallAt;
        private final Object lock = new Object();
        private volatile boolean stalled = true;
        private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

        StallingSource(Path file, long stallAt) {
            this.file = file;
            this.stallAt = stallAt;
        }

        boolean waiting() {
            return waiting.get() > 0;
        }

        void resume() {
            synchronized (lock) {
                stalled = false;
                lock.notifyAll();
            }
        }

        @Override
        public String id() {
            return file.toString();
        }

        @Override
        public Reader open() throws java.io.IOException {
            java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r");
            return new Reader() {
                @Override
                public long length() {
                    try {
                        return in.length();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public int read(long position, byte[] buffer, int offset, int length) throws java.io.IOException {
                    boolean tail = position >= length() - 64 * 1024;
                    if (position >= stallAt && !tail) {
                        synchronized (lock) {
                            waiting.incrementAndGet();
                            try {
                                while (stalled) lock.wait();
                            } catch (InterruptedException e) {
                                throw new java.io.InterruptedIOException("stopped");
                            } finally {
                                waiting.decrementAndGet();
                            }
                        }
                    }
                    in.seek(position);
                    int n = in.read(buffer, offset, stalled && !tail ? (int) Math.min(length, stallAt - position) : length);
                    return n;
                }

                @Override
                public void close() throws java.io.IOException {
                    in.close();
                }
            };
        }
    }

    private int frameOnScreen() throws Exception {
        return fx(() -> {
            Image image = player.picture().getImage();
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            return TestClips.readFrameCounter(argb, width);
        });
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
    }

    private static <T> T fx(Callable<T> callable) throws Exception {
        return WaitForAsyncUtils.asyncFx(callable).get(10, TimeUnit.SECONDS);
    }
}
