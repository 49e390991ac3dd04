package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
import org.swarmtube.media.player.VideoPlayer;
import org.swarmtube.swarm.RateLimits;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The watch page's player through a stall of the only seeder, mid-play: the seeder (at 4 times the
 * bitrate) stops, the player uses up what it has, then stands for 10 s without data before the seeder
 * comes back. Every picture put on screen is read (its burnt-in frame number and whether its barcode is
 * clean); the clip has a keyframe only every 5 s, so a corrupt picture after the stall would last and be
 * seen. The figures are printed.
 */
@ExtendWith(ApplicationExtension.class)
class PlayerStallTest {
    private static final Duration STALL = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private Stage stage;

    /** One picture put on screen. */
    private record Shown(long nanos, int frame, int worst) {
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void afterATenSecondStallPlaysOnFromTheNextFrameWithCleanPictures() throws Exception {
        Path clip = TestClips.frameCounterMp4(tmp.resolve("creator/counter.mp4"), 60, "1200k", 5);
        double bytesPerSecond = Files.size(clip) / 60.0;
        try (Node creator = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()));
             Node viewer = Node.start(Home.at(tmp.resolve("b")), NodeOptions.loopback(List.of()))) {
            NodeApi.PublishResult published = creator.publish(new NodeApi.PublishCommand(clip, "Counter", "", List.of(), List.of()));
            String infohash = published.infohash();
            creator.swarm().setLimits(infohash, new RateLimits((long) (4 * bytesPerSecond), 0));
            String magnet = MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + creator.swarm().listenPort()).toUri();

            List<Shown> pictures = new ArrayList<>();
            WatchPage page = Fx.call(() -> {
                WatchPage created = new WatchPage(viewer, false);
                stage.setScene(new Scene(created, 1280, 800));
                stage.show();
                // every new picture moves the player's time: read it there, on the FX thread, as it is shown
                created.player().currentTimeProperty().addListener((o, old, now) -> {
                    FrameBarcode.Reading reading = FrameBarcode.read(Fx.picture(created.player()).getImage());
                    synchronized (pictures) {
                        pictures.add(new Shown(System.nanoTime(), reading.frame(), reading.worst()));
                    }
                });
                return created;
            });
            VideoPlayer player = page.player();
            try {
                Fx.run(() -> page.open(magnet, "Counter", "", ""));
                Fx.await("2 s of playback", TIMEOUT, () -> player.lastFrameTime().toMillis() >= 2000);

                creator.swarm().pause(infohash);
                long stalled = System.nanoTime();
                // the player first plays what it has ahead: up to half the clip at 4 times the bitrate
                Fx.await("the page to show buffering", Duration.ofSeconds(60), () -> Fx.call(() -> player.bufferingProperty().get()));
                long bufferingShown = System.nanoTime();
                // the stall itself: the player stands for 10 s more without data, and its picture must stay put
                long framesAtBuffering = player.renderedFrames();
                while (System.nanoTime() - bufferingShown < STALL.toNanos()) {
                    Thread.sleep(50);
                }
                long framesFrozen = player.renderedFrames();
                assertThat(framesFrozen - framesAtBuffering).as("pictures while buffering").isLessThanOrEqualTo(3);
                Fx.await("the picture to stand still", Duration.ofSeconds(5),
                        () -> player.sinceLastFrame().compareTo(Duration.ofSeconds(1)) > 0);
                long framesBefore = player.renderedFrames();
                int lastFrame = last(pictures).frame();
                long lastTime = player.lastFrameTime().toMillis();
                long doneBefore = viewer.swarm().status(infohash).orElseThrow().doneBytes();
                long playhead = (long) (lastTime / 1000.0 * bytesPerSecond);
                long edgeBefore = edge(viewer, infohash, playhead);
                assertThat(viewer.swarm().status(infohash).orElseThrow().progress()).isLessThan(0.9);
                int countBefore = size(pictures);

                creator.swarm().resume(infohash);
                long resumed = System.nanoTime();
                long anyPiece = 0;
                long dataBack = 0;
                long refilled = 0;
                long refill = edgeBefore + (long) (2 * bytesPerSecond); // what the guard waits for: 2 s more
                long deadline = resumed + TIMEOUT.toNanos();
                // a measuring loop: when the first new piece is verified here, when the bytes the player needs
                // next arrive (the held run from its picture grows), and when the next picture shows
                while (player.renderedFrames() <= framesBefore + 50) {
                    if (anyPiece == 0 && viewer.swarm().status(infohash).orElseThrow().doneBytes() > doneBefore) {
                        anyPiece = System.nanoTime();
                    }
                    long edge = edge(viewer, infohash, playhead);
                    if (dataBack == 0 && edge > edgeBefore) dataBack = System.nanoTime();
                    if (refilled == 0 && (edge >= refill || edge >= Files.size(clip))) refilled = System.nanoTime();
                    if (System.nanoTime() > deadline) throw new AssertionError("no pictures after the stall within " + TIMEOUT);
                    Thread.sleep(5);
                }
                Shown first;
                List<Shown> after;
                List<Shown> all;
                synchronized (pictures) {
                    all = List.copyOf(pictures);
                }
                after = all.subList(countBefore, all.size());
                first = after.get(0);
                assertThat(refilled).as("2 s more arrived").isPositive();
                double sinceRefill = (first.nanos() - refilled) / 1e9;
                System.out.printf("stall: buffering shown %.2f s after the seeder paused (seeder away %.1f s in all); picture"
                                + " stood at frame %d (%d ms) for %.1f s%n", (bufferingShown - stalled) / 1e9, (resumed - stalled) / 1e9, lastFrame, lastTime,
                        (first.nanos() - all.get(countBefore - 1).nanos()) / 1e9);
                System.out.printf("stall: after the seeder resumed: first new piece at %.2f s, the player's next bytes at %.2f s,"
                        + " 2 s of video past the stall (what the guard waits for) at %.2f s, next picture at %.2f s:"
                        + " %.3f s after the next bytes, %.3f s after the 2 s; frame %d after frame %d%n",
                        (anyPiece - resumed) / 1e9, (dataBack - resumed) / 1e9, (refilled - resumed) / 1e9,
                        (first.nanos() - resumed) / 1e9, (first.nanos() - dataBack) / 1e9, sinceRefill, first.frame(), lastFrame);

                int unclean = 0;
                int worst = 0;
                List<String> gaps = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    Shown shown = all.get(i);
                    worst = Math.max(worst, shown.worst());
                    if (shown.frame() < 0) unclean++;
                    else if (i > 0 && all.get(i - 1).frame() >= 0 && shown.frame() != all.get(i - 1).frame() + 1) {
                        gaps.add(all.get(i - 1).frame() + "->" + shown.frame());
                    }
                }
                int[] next25 = after.stream().limit(25).mapToInt(Shown::frame).toArray();
                System.out.printf("stall: %d pictures read, %d unclean (worst barcode pixel %d from black/white), %d breaks in"
                        + " the frame sequence %s; after the stall: %s%n", all.size(), unclean, worst, gaps.size(), gaps,
                        java.util.Arrays.toString(next25));

                // the next frame; with the window's in-process input libvlc now and then drops the one frame
                // that was due as the pause took effect (238 -> 240 in about 1 of 3 runs; the HTTP input
                // gave the next frame in 8 of 8), the step playsOn tolerates in normal playback too
                assertThat(first.frame()).as("the frame after the one on screen").isBetween(lastFrame + 1, lastFrame + 2);
                assertThat(sinceRefill).as("seconds from the data's return to the next picture").isLessThan(1.0);
                assertThat(unclean).as("grey or corrupt pictures").isZero();
                playsOn(next25);
                assertThat(Fx.call(() -> player.bufferingProperty().get())).isFalse();
            } finally {
                Fx.call(page::dispose).get(20, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Frame after frame, never back and never a jump: libvlc's failure after a stall is to find every
     * picture "too late" and skip seconds ahead (or show grey ones). Small steps are tolerated: on the
     * 2-core test machine under load, a few pictures are now and then missed in normal playback too
     * (steps of 2 to 5 frames seen in 3 of 7 runs), as libvlc drops a late one or the FX thread, drawing
     * the whole page in software, takes the next picture in its place.
     */
    private static void playsOn(int[] frames) {
        for (int i = 1; i < frames.length; i++) {
            assertThat(frames[i] - frames[i - 1]).as("step from frame %d", frames[i - 1]).isBetween(1, 5);
        }
    }

    /** The end of the bytes held without a gap from {@code position}. */
    private static long edge(Node viewer, String infohash, long position) {
        return viewer.swarm().bufferStatus(infohash, 0).map(status -> status.local().stream()
                .filter(r -> r.start() <= position && position < r.end()).mapToLong(r -> r.end()).max().orElse(position))
                .orElse(position);
    }

    private static Shown last(List<Shown> pictures) {
        synchronized (pictures) {
            return pictures.get(pictures.size() - 1);
        }
    }

    private static int size(List<Shown> pictures) {
        synchronized (pictures) {
            return pictures.size();
        }
    }
}
