package org.swarmtube.media.player;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.media.BufferView;
import org.swarmtube.media.BufferView.Range;
import org.swarmtube.media.PreviewStrip;
import org.swarmtube.media.TestClips;
import org.swarmtube.media.Thumbnailer;

/**
 * Opens the player at 1280x720 on a real window, to look at it. Plays the frame-counter clip (or the
 * file given as the first argument), shows a partly filled buffer bar, and after six seconds (once the
 * preview strip is made) moves the mouse over the seek slider so the preview shows. Options:
 * {@code --buffering} shows the overlay, {@code --size=WIDTHxHEIGHT} sizes the window,
 * {@code --quit-after=SECONDS} exits by itself.
 *
 * <pre>
 * Xvfb :99 -screen 0 1280x800x24 &amp;
 * DISPLAY=:99 java -cp target/classes:target/test-classes:$(cat cp.txt) org.swarmtube.media.player.PlayerDemo
 * DISPLAY=:99 import -window root /tmp/player.png
 * </pre>
 *
 * The main class does not extend {@link Application}: with JavaFX on the class path, the launcher
 * refuses such a class.
 */
public final class PlayerDemo {
    private static final Logger LOG = LoggerFactory.getLogger(PlayerDemo.class);

    private PlayerDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application behind {@link PlayerDemo}. */
    public static final class App extends Application {
        private VideoPlayer player;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getUnnamed();
            Path video = args.isEmpty() ? TestClips.frameCounter() : Path.of(args.get(0));
            player = new VideoPlayer(false);
            stage.setTitle("Swarmtube player demo");
            String[] size = getParameters().getNamed().getOrDefault("size", "1280x720").split("x");
            stage.setScene(new Scene(player, Double.parseDouble(size[0]), Double.parseDouble(size[1])));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            player.requestFocus();
            Thread strip = new Thread(() -> {
                PreviewStrip made = previewStrip(video); // a few seconds of decoding: not on the FX thread
                Platform.runLater(() -> player.previewStripProperty().set(made));
            }, "preview-strip");
            strip.setDaemon(true);
            strip.start();
            player.bufferViewProperty().set(partlyFilled(Files.size(video)));
            player.bufferingProperty().set(getParameters().getRaw().contains("--buffering"));
            player.play(video.toString(), Duration.ofSeconds(3));

            new Timeline(new KeyFrame(javafx.util.Duration.seconds(6), e -> hoverSlider(0.62))).play();
            long[] last = {System.nanoTime(), 0};
            Timeline rate = new Timeline(new KeyFrame(javafx.util.Duration.seconds(2), e -> {
                long now = System.nanoTime();
                long frames = player.renderedFrames();
                LOG.info("{} pictures/s on screen, at {}", String.format("%.1f", (frames - last[1]) / ((now - last[0]) / 1e9)),
                        player.currentTimeProperty().get());
                last[0] = now;
                last[1] = frames;
            }));
            rate.setCycleCount(Timeline.INDEFINITE);
            rate.play();
            String quit = getParameters().getNamed().get("quit-after");
            if (quit != null) {
                new Timeline(new KeyFrame(javafx.util.Duration.seconds(Double.parseDouble(quit)), e -> Platform.exit())).play();
            }
        }

        @Override
        public void stop() throws Exception {
            player.dispose().get();
        }

        private void hoverSlider(double fraction) {
            var slider = player.seekSlider();
            Node thumb = slider.lookup(".thumb");
            double thumbWidth = thumb.getLayoutBounds().getWidth();
            double x = slider.snappedLeftInset() + thumbWidth / 2
                    + fraction * (slider.getWidth() - slider.snappedLeftInset() - slider.snappedRightInset() - thumbWidth);
            Point2D point = slider.localToScreen(x, slider.lookup(".track").getBoundsInParent().getCenterY());
            Robot robot = new Robot();
            Timeline glide = new Timeline(); // a few steps, as a hand moves: one jump may bring no event
            for (int step = 0; step <= 10; step++) {
                Point2D at = point.add(0, (step - 10) * 6);
                glide.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(40 * step), e -> robot.mouseMove(at)));
            }
            glide.play();
        }

        private static PreviewStrip previewStrip(Path video) {
            try (Thumbnailer thumbnailer = new Thumbnailer()) {
                return thumbnailer.writePreviewStrip(video, Files.createTempFile("preview", ".jpg"), 10);
            } catch (IOException | org.swarmtube.media.NotAVideoException e) {
                return null; // the demo plays on without previews
            }
        }

        /** Played part local, a piece arriving at the play head, an island further on, a gap nobody has. */
        private static BufferView partlyFilled(long length) {
            double[] availability = new double[48];
            for (int i = 0; i < availability.length; i++) {
                availability[i] = 1 + (i * 7 % 5);
            }
            for (int i = 40; i < 44; i++) {
                availability[i] = 0;
            }
            return new BufferView(length,
                    List.of(new Range(0, length * 38 / 100), new Range(length * 66 / 100, length * 72 / 100)),
                    List.of(new Range(length * 38 / 100, length * 44 / 100), new Range(length * 72 / 100, length * 73 / 100)),
                    availability);
        }
    }
}
