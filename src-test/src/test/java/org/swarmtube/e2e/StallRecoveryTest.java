package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.app.StallGuard;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.swarm.RateLimits;

/** The seeder stops for 10 s mid-play: the stall is reported as buffering, and frames come back with the data. */
class StallRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void playbackResumesAfterATenSecondStallOfTheSource() throws Exception {
        Path clip = TestClips.mp4(tmp.resolve("creator/pattern.mp4"), 40, "1200k");
        long size = Files.size(clip);
        double bytesPerSecond = size / 40.0;
        try (Node creator = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()));
             Node viewer = Node.start(Home.at(tmp.resolve("b")), NodeOptions.loopback(List.of()));
             HeadlessVlc vlc = new HeadlessVlc()) {
            NodeApi.PublishResult published = creator.publish(new NodeApi.PublishCommand(clip, "Pattern", "", List.of(), List.of()));
            creator.swarm().setLimits(published.infohash(), new RateLimits((long) (2 * bytesPerSecond), 0));
            NodeApi.StreamUrl url = viewer.stream(MagnetLink.parse(published.magnet())
                    .withPeer("127.0.0.1:" + creator.swarm().listenPort()).toUri());
            try (StallGuard guard = viewer.guard(url.infohash(), bytesPerSecond, new StallGuard.Player() {
                @Override
                public void pause() {
                    vlc.pause();
                }

                @Override
                public void resume() {
                    vlc.resume();
                }

                @Override
                public long timeMs() {
                    return vlc.timeMs();
                }
            })) {
                vlc.play(url.url());
                Await.until(Duration.ofSeconds(30), "3 s of playback", () -> vlc.lastFrameTimeMs() >= 3000);

                creator.swarm().pause(published.infohash());
                Await.until(Duration.ofSeconds(30), "the stall to be reported as buffering", guard::buffering);
                long framesAtStall = vlc.frames();
                long timeAtStall = vlc.lastFrameTimeMs();
                assertThat(viewer.swarm().status(url.infohash()).orElseThrow().progress()).isLessThan(0.9);

                long resumed = System.nanoTime();
                creator.swarm().resume(published.infohash());
                Await.until(Duration.ofSeconds(30), "frames after the data returned",
                        () -> vlc.frames() > framesAtStall + 50 && vlc.lastFrameTimeMs() > timeAtStall + 1500);
                System.out.printf("stalled at %d ms (%d stalls), playing again %.1f s after the seeder resumed, now at %d ms%n",
                        timeAtStall, guard.stalls(), (System.nanoTime() - resumed) / 1e9, vlc.lastFrameTimeMs());
                assertThat(guard.buffering()).isFalse();
            }
        }
    }
}
