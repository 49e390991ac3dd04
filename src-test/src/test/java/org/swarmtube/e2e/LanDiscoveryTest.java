package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.swarm.HostPort;

/** Two nodes on one network find each other's channels with no link exchanged. */
class LanDiscoveryTest {
    @TempDir
    Path tmp;

    /** The loopback interface carries no multicast until told to (root only; CI runs as root). */
    @BeforeAll
    static void multicastOnLoopback() throws Exception {
        try (ChildProcess ip = ChildProcess.start(List.of("ip", "link", "set", "lo", "multicast", "on"), Path.of("/"))) {
            assumeTrue(ip.waitFor(Duration.ofSeconds(10)) == 0, "cannot enable multicast on lo: " + ip.stderr);
        }
    }

    @Test
    void aChannelOnTheLanIsFoundLookedUpAndBrowsable() throws Exception {
        Path clip = TestClips.mp4(tmp.resolve("clip.mp4"), 2, "200k");
        try (Node a = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()).withLan("lo").withPollInterval(Duration.ofSeconds(3)))) {
            a.publish(new NodeApi.PublishCommand(clip, "Neighbourhood news", "", List.of(), List.of()));
            List<HostPort> viaA = List.of(new HostPort("127.0.0.1", a.swarm().listenPort()));
            try (Node b = Node.start(Home.at(tmp.resolve("b")), NodeOptions.loopback(viaA).withLan("lo").withPollInterval(Duration.ofSeconds(3)))) {
                String key = a.channel().publicKey();
                Await.until(Duration.ofSeconds(60), "A's channel learned on the LAN and its video listed",
                        () -> b.channelStore().channelVideos(key, 0, 10).size() == 1);
                NodeApi.ChannelEntry entry = b.channels().channels().stream().filter(c -> c.publicKey().equals(key))
                        .findFirst().orElseThrow();
                assertThat(entry.source()).isEqualTo("lan");
                assertThat(entry.subscribed()).isFalse();
                assertThat(b.search("neighbourhood").videos()).extracting(NodeApi.FeedVideo::title)
                        .containsExactly("Neighbourhood news");
            }
        }
    }
}
