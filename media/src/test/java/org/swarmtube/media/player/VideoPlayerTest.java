package org.swarmtube.media.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.media.BufferView;
import org.swarmtube.media.BufferView.Range;
import org.swarmtube.media.PreviewStrip;
import org.swarmtube.media.TestClips;
import org.swarmtube.media.Thumbnailer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The player under headless Monocle (software rendering), playing a 640x360 25 fps clip whose frame
 * number is burnt in as a barcode: each check reads the number from the picture actually on screen.
 */
@ExtendWith(ApplicationExtension.class)
class VideoPlayerTest {
    private static final Logger LOG = LoggerFactory.getLogger(VideoPlayerTest.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int FRAME_MILLIS = 1000 / TestClips.COUNTER_FPS;
    private static Path clip;

    private VideoPlayer player;

    @BeforeAll
    static void makeClip() {
        clip = TestClips.frameCounter();
    }

    @Start
    void start(Stage stage) {
        player = new VideoPlayer(false);
        stage.setScene(new Scene(player, 800, 600));
        stage.show();
        player.requestFocus();
    }

    @AfterEach
    void dispose() throws Exception {
        fx(() -> player.dispose()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void showsTheVideosFramesInItsOwnShapeLetterboxed() throws Exception {
        long began = System.nanoTime();
        fx(() -> {
            player.play(clip.toString());
            return null;
        });
        await("a first picture", () -> player.renderedFrames() > 0);
        long firstPicture = System.nanoTime();
        long framesThen = player.renderedFrames();
        await("50 more pictures", () -> player.renderedFrames() >= framesThen + 50);
        double fps = (player.renderedFrames() - framesThen) / ((System.nanoTime() - firstPicture) / 1e9);
        LOG.info("first picture {} ms after play() (libvlc start included); {} pictures/s on screen",
                (firstPicture - began) / 1_000_000, String.format("%.1f", fps));
        assertThat(fps).isGreaterThan(20);

        Image image = fx(() -> player.picture().getImage());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        Bounds shown = fx(() -> player.picture().localToScene(player.picture().getLayoutBounds()));
        assertThat(shown.getWidth() / shown.getHeight()).isCloseTo(640.0 / 360, within(640.0 / 360 * 0.01));
        assertThat(shown.getWidth()).isEqualTo(800);
        double videoHeight = fx(() -> player.picture().getParent().getLayoutBounds().getHeight());
        assertThat(shown.getMinY()).isCloseTo((videoHeight - shown.getHeight()) / 2, within(1.0));

        // The clock labels each picture with its own time: the burnt-in number agrees to the frame.
        for (int i = 0; i < 10; i++) {
            Shown now = shown();
            assertThat((long) now.frame() * FRAME_MILLIS).isCloseTo(now.millis(), within((long) FRAME_MILLIS));
            long count = player.renderedFrames();
            await("the next picture", () -> player.renderedFrames() > count);
        }
    }

    @Test
    void spacePausesAndResumes(FxRobot robot) throws Exception {
        playAndWaitForPictures(Duration.ZERO);
        robot.type(KeyCode.SPACE);
        await("paused", () -> fx(() -> player.stateProperty().get()) == PlayerState.PAUSED);
        assertThat(player.isPlaying()).isFalse();
        long frames = player.renderedFrames();
        int frame = shown().frame();
        // Not a wait for something to happen: a second in which nothing may happen.
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
            assertThat(player.renderedFrames()).isLessThanOrEqualTo(frames + 2);
            Thread.sleep(50);
        }
        long pausedFrames = player.renderedFrames();
        int pausedFrame = shown().frame();
        assertThat(pausedFrame).isLessThanOrEqualTo(frame + 2);

        robot.type(KeyCode.SPACE);
        await("playing again", () -> player.renderedFrames() > pausedFrames + 10);
        assertThat(shown().frame()).isBetween(pausedFrame + 1, pausedFrame + 50);
    }

    @Test
    void seeksFromTheSliderAndTheKeys(FxRobot robot) throws Exception {
        playAndWaitForPictures(Duration.ZERO);
        await("the duration", () -> !fx(() -> player.durationProperty().get()).isZero());

        robot.clickOn(sliderPoint(0.6)); // 12 s of 20
        assertShowsAround(Duration.ofSeconds(12), Duration.ofMillis(600));

        Duration before = player.currentTimeProperty().get();
        robot.type(KeyCode.RIGHT);
        assertShowsAround(before.plusSeconds(5), Duration.ofMillis(600));

        before = player.currentTimeProperty().get();
        robot.type(KeyCode.LEFT, 2);
        assertShowsAround(before.minusSeconds(10), Duration.ofMillis(600));
    }

    @Test
    void restartsAtATimeFromAnotherThread() throws Exception {
        playAndWaitForPictures(Duration.ofSeconds(2));
        player.pause(); // as a stream source would, from its own thread
        await("paused", () -> !player.isPlaying() && fx(() -> player.stateProperty().get()) == PlayerState.PAUSED);
        long restart = System.nanoTime();
        player.restartAt(Duration.ofMillis(8000));
        await("a picture from 8 s", () -> player.lastFrameTime().toMillis() >= 8000);
        LOG.info("restartAt: first picture after {} ms", (System.nanoTime() - restart) / 1_000_000);
        Shown now = shown();
        assertThat(now.frame()).isBetween(200, 215);
        assertThat(player.isPlaying()).isTrue();
        assertThat(player.sinceLastFrame()).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void startsAtAGivenTime() throws Exception {
        playAndWaitForPictures(Duration.ofMillis(15_000));
        assertThat(player.renderedFrames()).isPositive();
        // The first picture on screen is the one at 15 s exactly.
        assertThat(player.currentTimeProperty().get().toMillis()).isGreaterThanOrEqualTo(15_000);
        assertThat(shown().frame()).isBetween(375, 400);
    }

    @Test
    void saysWhenAVideoCannotBePlayed() throws Exception {
        Path missing = clip.resolveSibling("no such video.mp4");
        fx(() -> {
            player.play(missing.toString());
            return null;
        });
        await("an error", () -> fx(() -> player.stateProperty().get()) == PlayerState.ERROR);
        assertThat(fx(() -> player.errorMessageProperty().get())).isNotBlank();
        assertThat(fx(() -> player.bufferingOverlay().isVisible())).isTrue();
    }

    @Test
    void saysWhyASourceCannotBeRead() throws Exception {
        org.swarmtube.media.VideoSource nobodyHasIt = new org.swarmtube.media.VideoSource() {
            @Override
            public String id() {
                return "unseeded";
            }

            @Override
            public Reader open() throws java.io.IOException {
                throw new java.io.IOException("no peer sent this torrent's metadata within 30 s");
            }
        };
        fx(() -> {
            player.play(nobodyHasIt, Duration.ZERO);
            return null;
        });
        await("an error", () -> fx(() -> player.stateProperty().get()) == PlayerState.ERROR);
        assertThat(fx(() -> player.errorMessageProperty().get()))
                .isEqualTo("The video could not be played: no peer sent this torrent's metadata within 30 s");
    }

    @Test
    void bufferBarDrawsTheView() throws Exception {
        double[] availability = new double[20];
        java.util.Arrays.fill(availability, 3);
        availability[18] = 0;
        availability[19] = 0;
        BufferView view = new BufferView(1000, List.of(new Range(0, 300)), List.of(new Range(300, 400)), availability);
        fx(() -> {
            player.bufferViewProperty().set(view);
            return null;
        });
        WritableImage drawn = fx(() -> player.bufferBar().snapshot(new SnapshotParameters(), null));
        assertThat(colourAt(drawn, 0.15)).isEqualTo(BufferBar.LOCAL);
        assertThat(colourAt(drawn, 0.35)).isEqualTo(BufferBar.ARRIVING);
        assertThat(colourAt(drawn, 0.60)).isEqualTo(BufferBar.colourFor(3));
        assertThat(colourAt(drawn, 0.97)).isEqualTo(BufferBar.UNAVAILABLE);

        long redraws = fx(() -> player.bufferBar().redraws());
        fx(() -> {
            player.bufferViewProperty().set(BufferView.allLocal(1000));
            return null;
        });
        drawn = fx(() -> player.bufferBar().snapshot(new SnapshotParameters(), null));
        assertThat(colourAt(drawn, 0.97)).isEqualTo(BufferBar.LOCAL);
        assertThat(fx(() -> player.bufferBar().redraws())).isEqualTo(redraws + 1);
    }

    @Test
    void bufferingOverlayFollowsTheProperty() throws Exception {
        assertThat(fx(() -> player.bufferingOverlay().isVisible())).isFalse();
        fx(() -> {
            player.bufferingProperty().set(true);
            return null;
        });
        assertThat(fx(() -> player.bufferingOverlay().isVisible())).isTrue();
        fx(() -> {
            player.bufferingProperty().set(false);
            return null;
        });
        assertThat(fx(() -> player.bufferingOverlay().isVisible())).isFalse();
    }

    @Test
    void hoverOverTheSliderShowsThePreviewTile(FxRobot robot) throws Exception {
        Path strip = clip.resolveSibling("counter strip.jpg");
        PreviewStrip preview;
        try (Thumbnailer thumbnailer = new Thumbnailer()) {
            preview = thumbnailer.writePreviewStrip(clip, strip, 10);
        }
        fx(() -> {
            player.previewStripProperty().set(preview);
            player.play(clip.toString());
            return null;
        });
        await("the duration", () -> !fx(() -> player.durationProperty().get()).isZero());
        await("the strip loaded", () -> fx(() -> player.previewPicture().getImage().getProgress()) >= 1);
        robot.moveTo(sliderPoint(0.55));
        await("the preview", () -> fx(() -> player.preview().isVisible()));
        assertThat(fx(() -> player.previewPicture().getViewport().getMinX())).isEqualTo(5.0 * preview.tileWidth());
        robot.moveTo(player.picture());
        await("the preview gone", () -> !fx(() -> player.preview().isVisible()));
    }

    @Test
    void keysChangeVolumeMuteAndFullScreen(FxRobot robot) throws Exception {
        robot.type(KeyCode.DOWN, 2);
        assertThat(player.volumeProperty().get()).isCloseTo(0.9, within(1e-9));
        robot.type(KeyCode.M);
        assertThat(player.mutedProperty().get()).isTrue();
        robot.type(KeyCode.UP);
        assertThat(player.mutedProperty().get()).isFalse();
        assertThat(player.volumeProperty().get()).isCloseTo(0.95, within(1e-9));
        robot.type(KeyCode.F);
        await("full screen", () -> fx(() -> player.fullScreenProperty().get()));
        robot.type(KeyCode.F);
        await("windowed", () -> !fx(() -> player.fullScreenProperty().get()));
    }

    // ---------------------------------------------------------------- helpers

    private void playAndWaitForPictures(Duration start) throws Exception {
        fx(() -> {
            player.play(clip.toString(), start);
            return null;
        });
        await("pictures", () -> player.renderedFrames() > 5);
    }

    /** Waits until the picture on screen is within {@code tolerance} after {@code target}, and the time says so too. */
    private void assertShowsAround(Duration target, Duration tolerance) throws Exception {
        long targetFrame = target.toMillis() / FRAME_MILLIS;
        long slack = tolerance.toMillis() / FRAME_MILLIS;
        await("a picture from " + target, () -> {
            int frame = shown().frame();
            return frame >= targetFrame - 1 && frame <= targetFrame + slack;
        });
        assertThat(player.currentTimeProperty().get().toMillis())
                .isCloseTo(target.toMillis(), within(tolerance.toMillis()));
    }

    private Point2D sliderPoint(double fraction) throws Exception {
        return fx(() -> {
            var slider = player.seekSlider();
            Node thumb = slider.lookup(".thumb");
            double thumbWidth = thumb.getLayoutBounds().getWidth();
            double x = slider.snappedLeftInset() + thumbWidth / 2
                    + fraction * (slider.getWidth() - slider.snappedLeftInset() - slider.snappedRightInset() - thumbWidth);
            return slider.localToScreen(x, slider.lookup(".track").getBoundsInParent().getCenterY());
        });
    }

    /** The picture on screen: its burnt-in frame number, and the time the player gives it. */
    private record Shown(int frame, long millis) {
    }

    private Shown shown() throws Exception {
        return fx(() -> {
            Image image = player.picture().getImage();
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            return new Shown(TestClips.readFrameCounter(argb, width), player.lastFrameTime().toMillis());
        });
    }

    private static Color colourAt(Image image, double fraction) {
        return image.getPixelReader().getColor((int) (image.getWidth() * fraction), (int) (image.getHeight() / 2));
    }

    private static <T> T fx(Callable<T> callable) throws Exception {
        return WaitForAsyncUtils.asyncFx(callable).get(10, TimeUnit.SECONDS);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} on the test thread (it reads FX state through {@link #fx}). */
    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
    }
}
