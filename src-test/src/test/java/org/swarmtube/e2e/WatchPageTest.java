package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.app.desktop.watch.WatchPage;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.WatchPosition;
import org.swarmtube.media.BufferView;
import org.swarmtube.media.player.VideoPlayer;
import org.swarmtube.swarm.RateLimits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The watch page under headless Monocle with real nodes on loopback: it plays a video only another node
 * has, in its own shape, seeks from the keyboard, fills in the swarm panel and buffer bar, and offers to
 * resume where the viewer left off. The clip's frame number is read from the picture on screen.
 */
@ExtendWith(ApplicationExtension.class)
class WatchPageTest {
    private static final int FRAME_MILLIS = 1000 / FrameBarcode.FPS;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void playsAVideoOnlyAnotherNodeHasAndSeeksFromTheKeys(FxRobot robot) throws Exception {
        Path clip = TestClips.frameCounterMp4(tmp.resolve("creator/counter.mp4"), 40, "1200k", 1);
        double bytesPerSecond = Files.size(clip) / 40.0;
        try (Node creator = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()));
             Node viewer = Node.start(Home.at(tmp.resolve("b")), NodeOptions.loopback(List.of()))) {
            NodeApi.PublishResult published = creator.publish(new NodeApi.PublishCommand(clip, "Counter", "", List.of(), List.of()));
            creator.swarm().setLimits(published.infohash(), new RateLimits((long) (3 * bytesPerSecond), 0));
            String magnet = MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + creator.swarm().listenPort()).toUri();
            WatchPage page = show(viewer);
            VideoPlayer player = page.player();
            try {
                long began = System.nanoTime();
                Fx.run(() -> page.open(magnet, "Frame counter", "A clip whose frame number is burnt in.", "Test channel"));
                Fx.await("1 picture from the stream", TIMEOUT, () -> player.renderedFrames() >= 1);
                double firstPicture = (System.nanoTime() - began) / 1e9;
                Fx.await("50 pictures from the stream", TIMEOUT, () -> player.renderedFrames() >= 50);
                System.out.printf("watch page: first picture %.2f s after open(), 50 pictures after %.2f s%n", firstPicture,
                        (System.nanoTime() - began) / 1e9);

                // the picture is the video's own shape (16:9), letterboxed in the player
                Image image = Fx.call(() -> Fx.picture(player).getImage());
                assertThat(image.getWidth()).isEqualTo(640);
                assertThat(image.getHeight()).isEqualTo(360);
                Bounds shown = Fx.call(() -> Fx.shown(player));
                assertThat(shown.getWidth() / shown.getHeight()).isCloseTo(640.0 / 360, within(640.0 / 360 * 0.01));
                System.out.printf("picture 640x360 drawn at %.0fx%.0f (ratio %.4f)%n", shown.getWidth(), shown.getHeight(),
                        shown.getWidth() / shown.getHeight());

                // the frame number on screen is the one the player says it shows, and the picture is clean
                FrameBarcode.Reading reading = Fx.call(() -> FrameBarcode.read(Fx.picture(player).getImage()));
                long time = player.lastFrameTime().toMillis();
                assertThat(reading.clean()).as("clean barcode, worst pixel %d", reading.worst()).isTrue();
                assertThat((long) reading.frame() * FRAME_MILLIS).isCloseTo(time, within(2L * FRAME_MILLIS));

                // the swarm panel and the buffer bar are filled in from the engine
                Fx.await("the swarm panel", TIMEOUT, () -> Fx.call(() -> text(page, "#swarm-peers")).equals("1"));
                Fx.await("the buffer bar", TIMEOUT, () -> Fx.call(() -> player.bufferViewProperty().get().localBytes()) > 0);
                BufferView view = Fx.call(() -> player.bufferViewProperty().get());
                assertThat(view.length()).isEqualTo(Files.size(clip));
                assertThat(view.availability()).isNotEmpty();
                System.out.printf("swarm panel: peers %s, seeds %s, copies %s, local %s, down %s; bar: %d of %d bytes local%n",
                        Fx.call(() -> text(page, "#swarm-peers")), Fx.call(() -> text(page, "#swarm-seeds")),
                        Fx.call(() -> text(page, "#swarm-copies")), Fx.call(() -> text(page, "#swarm-local")),
                        Fx.call(() -> text(page, "#swarm-down")), view.localBytes(), view.length());
                assertThat(Fx.call(() -> text(page, "#swarm-seeds"))).isEqualTo("1");

                // three presses of the right arrow: 15 s ahead, into what is not fetched yet
                Duration before = Fx.call(() -> player.currentTimeProperty().get());
                robot.type(KeyCode.RIGHT, 3);
                Duration target = Fx.call(() -> player.currentTimeProperty().get());
                assertThat(target.minus(before).toMillis()).isBetween(15_000L, 16_000L);
                long seeked = System.nanoTime();
                long targetFrame = target.toMillis() / FRAME_MILLIS;
                Fx.await("a picture from " + target.toMillis() + " ms", TIMEOUT, () -> {
                    int frame = Fx.call(() -> FrameBarcode.read(Fx.picture(player).getImage())).frame();
                    return frame >= targetFrame - 1 && frame <= targetFrame + 25;
                });
                FrameBarcode.Reading after = Fx.call(() -> FrameBarcode.read(Fx.picture(player).getImage()));
                System.out.printf("seek from %d to %d ms: frame %d (wanted %d) on screen after %.2f s, %.0f %% of the file local%n",
                        before.toMillis(), target.toMillis(), after.frame(), targetFrame, (System.nanoTime() - seeked) / 1e9,
                        viewer.swarm().status(published.infohash()).orElseThrow().progress() * 100);
                long framesThen = player.renderedFrames();
                Fx.await("playing on after the seek", TIMEOUT, () -> player.renderedFrames() > framesThen + 25);
                int later = Fx.call(() -> FrameBarcode.read(Fx.picture(player).getImage())).frame();
                assertThat(later).isGreaterThan((int) targetFrame);
            } finally {
                dispose(page);
            }
        }
    }

    @Test
    void offersToResumeWhereTheViewerLeft(FxRobot robot) throws Exception {
        Path clip = TestClips.frameCounterMp4(tmp.resolve("creator/counter.mp4"), 40, "1200k", 1);
        try (Node node = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()))) {
            NodeApi.PublishResult published = node.publish(new NodeApi.PublishCommand(clip, "Counter", "", List.of(), List.of()));
            VideoId id = VideoId.parse(published.videoId());
            WatchPage page = show(node);
            VideoPlayer player = page.player();
            try {
                Fx.run(() -> page.open(published.videoId(), "Counter", "", "My channel"));
                Fx.await("pictures", TIMEOUT, () -> player.renderedFrames() > 10);
                assertThat(Fx.call(() -> page.lookup("#resume-banner").isVisible())).as("nothing to resume yet").isFalse();
                Fx.run(() -> player.seek(Duration.ofSeconds(21)));
                Fx.await("pictures from 22 s", TIMEOUT, () -> player.lastFrameTime().toMillis() >= 22_000);

                Fx.run(page::close);
                long left = player.lastFrameTime().toMillis();
                Fx.await("the position saved", TIMEOUT, () -> node.videos().channels().position(id)
                        .map(p -> p.position().toMillis() >= 22_000).orElse(false));
                WatchPosition saved = node.videos().channels().position(id).orElseThrow();
                assertThat(saved.finished()).isFalse();
                assertThat(saved.position().toMillis()).isCloseTo(left, within(500L));

                Fx.run(() -> page.open(published.videoId(), "Counter", "", "My channel"));
                Fx.await("the offer to resume", TIMEOUT, () -> Fx.call(() -> page.lookup("#resume-banner").isVisible()));
                String offer = Fx.call(() -> ((Button) page.lookup("#resume-button")).getText());
                String expected = String.format("%d:%02d", saved.resumeAt().toSeconds() / 60, saved.resumeAt().toSeconds() % 60);
                assertThat(offer).endsWith("Resume at " + expected);
                System.out.printf("left at %d ms, saved %d ms, offered \"%s\"%n", left, saved.position().toMillis(), offer.strip());

                long framesBefore = player.renderedFrames();
                robot.clickOn("#resume-button");
                long wanted = saved.position().toMillis() / FRAME_MILLIS;
                Fx.await("pictures from the saved position", TIMEOUT, () -> {
                    int frame = Fx.call(() -> FrameBarcode.read(Fx.picture(player).getImage())).frame();
                    return player.renderedFrames() > framesBefore && frame >= wanted - 1 && frame <= wanted + 25;
                });
                assertThat(Fx.call(() -> page.lookup("#resume-banner").isVisible())).isFalse();
                System.out.printf("resumed: frame %d on screen (saved position is frame %d)%n",
                        Fx.call(() -> FrameBarcode.read(Fx.picture(player).getImage())).frame(), wanted);
            } finally {
                dispose(page);
            }
        }
    }

    @Test
    void saysWhenAVideoCannotBeOpened() throws Exception {
        try (Node node = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()))) {
            WatchPage page = show(node);
            try {
                Fx.run(() -> page.open("aaaaaaaaaaaaaaaa", "Gone", "", ""));
                Fx.await("the error", TIMEOUT, () -> Fx.call(() -> page.lookup("#open-error").isVisible()));
                String message = Fx.call(() -> ((Label) page.lookup("#open-error")).getText());
                assertThat(message).startsWith("This video could not be opened.").contains("aaaaaaaaaaaaaaaa");
                assertThat(page.player().renderedFrames()).isZero();
            } finally {
                dispose(page);
            }
        }
    }

    private WatchPage show(Node node) throws Exception {
        return Fx.call(() -> {
            WatchPage page = new WatchPage(node, false);
            stage.setScene(new Scene(page, 1280, 800));
            stage.show();
            return page;
        });
    }

    private static void dispose(WatchPage page) throws Exception {
        Fx.call(page::dispose).get(20, TimeUnit.SECONDS);
    }

    private static String text(WatchPage page, String selector) {
        return ((Label) page.lookup(selector)).getText();
    }
}
