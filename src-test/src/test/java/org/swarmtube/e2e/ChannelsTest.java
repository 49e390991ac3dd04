package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.SwarmConfig;
import org.swarmtube.swarm.SwarmEngine;

/**
 * Channels over a loopback DHT of eight nodes: three Swarmtube nodes (creator A, subscribers B
 * and C) and five plain DHT nodes. A's channel is found by its key alone; it outlives A.
 */
class ChannelsTest {
    private static final Duration POLL = Duration.ofSeconds(3);

    @TempDir
    Path tmp;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) running.get(i).close();
    }

    private Node node(String name, List<HostPort> bootstrap) {
        Node node = Node.start(Home.at(tmp.resolve(name)), NodeOptions.loopback(bootstrap).withPollInterval(POLL));
        running.add(node);
        return node;
    }

    @Test
    void aSubscriberSeesTheChannelGrowAndKeepsItAliveForOthers() throws Exception {
        SwarmEngine first = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("dht0"), List.of()));
        running.add(first);
        List<HostPort> bootstrap = List.of(new HostPort("127.0.0.1", first.listenPort()));
        List<SwarmEngine> dht = new ArrayList<>(List.of(first));
        for (int i = 1; i < 5; i++) {
            SwarmEngine e = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("dht" + i), bootstrap));
            running.add(e);
            dht.add(e);
        }
        Node a = node("a", bootstrap);
        Node b = node("b", bootstrap);
        Node c = node("c", bootstrap);
        Await.until(Duration.ofSeconds(60), "a DHT of 8 nodes",
                () -> dht.stream().allMatch(e -> e.dhtNodes() >= 3) && a.swarm().dhtNodes() >= 3
                        && b.swarm().dhtNodes() >= 3 && c.swarm().dhtNodes() >= 3);

        List<String> titles = List.of("Sunrise over the bay", "Making bread", "Bike repair basics");
        List<NodeApi.PublishResult> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path clip = TestClips.mp4(tmp.resolve("clips/clip" + i + ".mp4"), 2 + i, "300k");
            published.add(a.publish(new NodeApi.PublishCommand(clip, titles.get(i), "Episode " + i, List.of("tag" + i), List.of())));
        }
        NodeApi.ChannelView channel = a.channel();
        assertThat(channel.link()).startsWith("magnet:?xs=urn:btpk:" + channel.publicKey() + "&s=");
        assertThat(ChannelLink.parse(channel.link()).peers()).isNotEmpty();

        // B subscribes by link, keeping a copy of every video, and sees the three videos with their metadata
        NodeApi.ChannelChange subscribed = b.subscribe(channel.link(), true);
        assertThat(subscribed.found()).as(subscribed.message()).isTrue();
        assertThat(b.feed().videos()).extracting(NodeApi.FeedVideo::title).containsExactlyInAnyOrderElementsOf(titles);
        NodeApi.FeedVideo bread = b.search("bread").videos().get(0);
        assertThat(bread.channel()).isEqualTo(channel.name());
        CatalogEntry entry = b.channelStore().video(channel.publicKey(), VideoId.parse(bread.videoId())).orElseThrow();
        assertThat(entry.description()).isEqualTo("Episode 1");
        assertThat(entry.tags()).containsExactly("tag1");
        assertThat(entry.duration().toMillis()).isBetween(2500L, 3500L);
        assertThat(entry.width()).isEqualTo(640);
        assertThat(entry.thumbnail()).isPresent();

        // A publishes a fourth video: B's feed shows it within one poll interval (plus the lookup)
        Path fourth = TestClips.mp4(tmp.resolve("clips/clip3.mp4"), 5, "300k");
        long start = System.nanoTime();
        a.publish(new NodeApi.PublishCommand(fourth, "Late night talk", "", List.of(), List.of()));
        Await.until(POLL.plus(Duration.ofSeconds(30)), "the fourth video in B's feed",
                () -> b.feed().videos().stream().anyMatch(v -> v.title().equals("Late night talk")));
        System.out.printf("publish -> subscriber's feed: %.2f s (poll interval %d s)%n", (System.nanoTime() - start) / 1e9,
                POLL.toSeconds());
        assertThat(b.feed().videos().get(0).title()).as("newest first").isEqualTo("Late night talk");
        Await.until(Duration.ofSeconds(60), "B holding a copy of all four videos", () -> b.feed().videos().stream()
                .allMatch(v -> b.swarm().status(v.infohash()).map(org.swarmtube.swarm.TorrentStatus::isComplete).orElse(false)));

        // A goes offline; C subscribes with the bare link (no peer hint) and gets the whole catalog from B
        a.close();
        String bare = ChannelLink.parse(channel.link()).withoutPeers().toUri();
        NodeApi.ChannelChange fromB = c.subscribe(bare);
        assertThat(fromB.found()).as(fromB.message()).isTrue();
        assertThat(c.feed().videos()).hasSize(4);
        assertThat(c.channels().channels()).anyMatch(ch -> ch.publicKey().equals(channel.publicKey()) && ch.subscribed());
        // and with A gone, C can still watch: the first video is served from B's copy
        NodeApi.FeedVideo oldest = c.feed().videos().get(3);
        String url = c.stream(oldest.magnet()).url();
        java.net.http.HttpResponse<byte[]> head = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Range", "bytes=0-65535")
                        .timeout(Duration.ofSeconds(60)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.body()).hasSize(65536);
    }
}
