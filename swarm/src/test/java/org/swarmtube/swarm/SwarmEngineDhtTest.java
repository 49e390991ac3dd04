package org.swarmtube.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmtube.swarm.SwarmEngineLoopbackTest.sha256;
import static org.swarmtube.swarm.SwarmEngineLoopbackTest.waitFor;
import static org.swarmtube.swarm.SwarmEngineLoopbackTest.writeRandom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.MagnetLink;

/** Peers found through the DHT alone: a magnet link with no tracker and no peer hint. */
class SwarmEngineDhtTest {
    @TempDir
    Path tmp;

    @Test
    void aMagnetLinkIsResolvedThroughALoopbackDht() throws Exception {
        Path source = tmp.resolve("a/film.bin");
        Files.createDirectories(source.getParent());
        writeRandom(source, 2_000_000, 9);
        try (SwarmEngine a = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("a-state"), List.of()))) {
            List<HostPort> viaA = List.of(new HostPort("127.0.0.1", a.listenPort()));
            try (SwarmEngine b = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("b-state"), viaA));
                 SwarmEngine c = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("c-state"), viaA))) {
                waitFor(Duration.ofSeconds(60), () -> a.dhtNodes() >= 2 && b.dhtNodes() >= 1 && c.dhtNodes() >= 1);
                PublishedTorrent published = a.publish(PublishRequest.of(source), HashingProgress.NONE);
                a.reannounce(published.infohash());

                MagnetLink bare = MagnetLink.of(published.infohash());
                assertThat(bare.peers()).isEmpty();
                assertThat(bare.trackers()).isEmpty();
                Path out = tmp.resolve("c/film.bin");
                String infohash = c.fetch(bare, out);
                waitFor(Duration.ofSeconds(90), () -> c.status(infohash).map(TorrentStatus::isComplete).orElse(false));
                assertThat(sha256(out)).isEqualTo(sha256(source));
            }
        }
    }
}
