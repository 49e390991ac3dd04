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
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.swarm.RateLimits;

/** libvlc plays the stream URL of a video that only another node has, and seeks into the unfetched part. */
class StreamPlaybackTest {
    @TempDir
    Path tmp;

    @Test
    void playsAndSeeksAVideoOnlyAnotherNodeHas() throws Exception {
        Path clip = TestClips.mp4(tmp.resolve("creator/pattern.mp4"), 30, "1200k");
        long size = Files.size(clip);
        long bytesPerSecond = size / 30;
        try (Node creator = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()));
             Node viewer = Node.start(Home.at(tmp.resolve("b")), NodeOptions.loopback(List.of()));
             HeadlessVlc vlc = new HeadlessVlc()) {
            NodeApi.PublishResult published = creator.publish(new NodeApi.PublishCommand(clip, "Pattern", "", List.of(), List.of()));
            // the seeder gives about twice the video's bitrate
            creator.swarm().setLimits(published.infohash(), new RateLimits(2 * bytesPerSecond, 0));
            NodeApi.StreamUrl url = viewer.stream(MagnetLink.parse(published.magnet())
                    .withPeer("127.0.0.1:" + creator.swarm().listenPort()).toUri());

            vlc.play(url.url());
            Await.until(Duration.ofSeconds(30), "25 frames decoded from the stream", () -> vlc.frames() >= 25);
            assertThat(viewer.swarm().status(url.infohash()).orElseThrow().progress()).isLessThan(0.6);

            long target = 24_000; // 80 % of the clip, not fetched yet
            long framesBefore = vlc.frames();
            vlc.seek(target);
            Await.until(Duration.ofSeconds(30), "frames from the new position",
                    () -> vlc.lastFrameTimeMs() >= target - 500 && vlc.frames() > framesBefore + 10);
            double progress = viewer.swarm().status(url.infohash()).orElseThrow().progress();
            System.out.printf("seeked to %d ms: frames at %d ms with %.0f%% of the file local%n", target,
                    vlc.lastFrameTimeMs(), progress * 100);
            assertThat(progress).as("the pieces in between were not needed").isLessThan(0.9);
        }
    }
}
