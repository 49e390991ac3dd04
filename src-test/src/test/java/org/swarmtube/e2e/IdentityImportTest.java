package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.IdentityTransfer;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.channel.ChannelLink;

/**
 * A creator exports the channel's identity and imports it on a second machine: the second machine
 * takes the channel over where the first left it, and its next video reaches the subscribers
 * (who refuse a version older than the one they hold).
 */
class IdentityImportTest {
    private static final Duration POLL = Duration.ofHours(1);
    @TempDir
    Path tmp;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) running.get(i).close();
    }

    private Node node(String name, LoopbackDht dht) {
        Node node = Node.start(Home.at(tmp.resolve(name)), NodeOptions.loopback(dht.bootstrap()).withPollInterval(POLL));
        running.add(node);
        return node;
    }

    @Test
    void aSecondMachineWithTheImportedIdentityContinuesTheChannel() throws Exception {
        LoopbackDht dht = LoopbackDht.start(tmp.resolve("dht"), 4);
        running.add(dht);
        Node first = node("first", dht);
        Node subscriber = node("subscriber", dht);
        dht.awaitJoined(2, Duration.ofSeconds(60));
        Await.until(Duration.ofSeconds(60), "the nodes in the DHT",
                () -> first.swarm().dhtNodes() >= 2 && subscriber.swarm().dhtNodes() >= 2);

        List<NodeApi.PublishResult> published = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path clip = TestClips.mp4(tmp.resolve("clips/clip" + i + ".mp4"), 2, "300k");
            published.add(first.publish(new NodeApi.PublishCommand(clip, "Harbour part " + (i + 1), "", List.of(), List.of())));
        }
        first.editChannel("Harbour films", "Boats and the people on them", null);
        String link = first.channel().link();
        String key = first.channel().publicKey();
        long firstSeq = first.channelStore().channel(key).map(ChannelInfo::seq).orElseThrow().getAsLong();
        NodeApi.ChannelChange subscribed = subscriber.subscribe(link);
        assertThat(subscribed.videos()).as(subscribed.message()).isEqualTo(2);

        // the identity moves to a second machine (the first one stays on, seeding the catalog)
        Path exported = tmp.resolve("identity-export.json");
        IdentityTransfer.exportTo(Home.at(tmp.resolve("first")), exported);
        IdentityTransfer.Imported imported = IdentityTransfer.importFrom(Home.at(tmp.resolve("second")), exported);
        assertThat(imported.publicKeyHex()).isEqualTo(key);
        Node second = node("second", dht);
        assertThat(second.channel().publicKey()).isEqualTo(key);

        // it finds the channel's newer version on the DHT and continues from it
        Await.until(Duration.ofSeconds(90), "the second machine to take over the channel", () ->
                "Harbour films".equals(second.profile().name()) && published.stream().allMatch(p ->
                        second.channelStore().video(key, VideoId.parse(p.videoId())).isPresent()));
        long secondSeq = second.channelStore().channel(key).map(ChannelInfo::seq).orElseThrow().getAsLong();
        assertThat(secondSeq).isGreaterThan(firstSeq);
        assertThat(second.profile().description()).isEqualTo("Boats and the people on them");

        // its next video reaches the subscriber, next to the two from the first machine
        Path third = TestClips.mp4(tmp.resolve("clips/clip2.mp4"), 2, "300k");
        second.publish(new NodeApi.PublishCommand(third, "Harbour part 3", "", List.of(), List.of()));
        String secondLink = second.channel().link();
        NodeApi.ChannelChange updated = subscriber.refresh(ChannelLink.parse(secondLink).toUri()).get(90, TimeUnit.SECONDS);
        assertThat(updated.videos()).as(updated.message()).isEqualTo(3);
        assertThat(subscriber.feed().videos()).extracting(NodeApi.FeedVideo::title)
                .containsExactlyInAnyOrder("Harbour part 1", "Harbour part 2", "Harbour part 3");
    }
}
