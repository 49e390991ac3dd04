package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.swarmtube.catalog.VideoId;

/** Two real nodes on loopback: one publishes, the other fetches by magnet link. */
class TwoNodesTransferTest {
    @TempDir
    Path tmp;

    @Test
    void aFiftyMegabyteFileArrivesIntact() throws Exception {
        Path video = TestFiles.random(tmp.resolve("creator/holiday.mp4"), 50L * 1024 * 1024, 42);
        try (Node a = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()));
             Node b = Node.start(Home.at(tmp.resolve("b")), NodeOptions.loopback(List.of()))) {
            NodeApi.PublishResult published = a.publish(new NodeApi.PublishCommand(video, "Holiday", "Sea and sand",
                    List.of("travel", "sea"), List.of()).allowingAnyFile());
            assertThat(published.infohash()).matches("[0-9a-f]{40}");
            assertThat(published.videoId()).isEqualTo(VideoId.ofInfohash(published.infohash()).toString());
            assertThat(MagnetLink.parse(published.magnet()).infohash()).isEqualTo(published.infohash());
            assertThat(a.videos().find(VideoId.parse(published.videoId())).orElseThrow().tags()).containsExactly("travel", "sea");

            String link = MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + a.swarm().listenPort()).toUri();
            Path out = tmp.resolve("viewer/downloads/holiday copy.mp4");
            NodeApi.FetchProgress started = b.startFetch(link, out);
            Await.until(Duration.ofSeconds(120), "the fetch to complete", () -> b.fetchProgress(started.infohash()).done());

            NodeApi.FetchProgress done = b.fetchProgress(started.infohash());
            assertThat(done.path()).isEqualTo(out.toString());
            assertThat(done.bytes()).isEqualTo(50L * 1024 * 1024);
            assertThat(TestFiles.sha256(out)).isEqualTo(TestFiles.sha256(video));

            NodeApi.TorrentView seeding = a.status().torrents().get(0);
            assertThat(seeding.infohash()).isEqualTo(published.infohash());
            assertThat(seeding.progress()).isEqualTo(1.0);
            assertThat(a.swarm().status(published.infohash()).orElseThrow().uploadedBytes()).isGreaterThanOrEqualTo(50L * 1024 * 1024);
        }
    }
}
