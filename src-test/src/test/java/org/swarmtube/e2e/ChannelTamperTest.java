package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.Identity;
import org.swarmtube.catalog.channel.SignedCatalog;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.SwarmConfig;
import org.swarmtube.swarm.SwarmEngine;

/**
 * Tampered channels reach a real subscriber over a loopback DHT: each is refused with its reason
 * and the subscriber's database keeps nothing of it.
 */
class ChannelTamperTest {
    @TempDir
    static Path tmp;
    private static SwarmEngine dht;
    private static SwarmEngine mallory;
    private static Node viewer;

    @BeforeAll
    static void start() {
        dht = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("dht"), List.of()));
        List<HostPort> bootstrap = List.of(new HostPort("127.0.0.1", dht.listenPort()));
        mallory = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("mallory"), bootstrap));
        viewer = Node.start(Home.at(tmp.resolve("viewer")), NodeOptions.loopback(bootstrap).withPollInterval(Duration.ofHours(1)));
        Await.until(Duration.ofSeconds(60), "a DHT", () -> dht.dhtNodes() >= 2 && mallory.dhtNodes() >= 1
                && viewer.swarm().dhtNodes() >= 1);
    }

    @AfterAll
    static void stop() {
        viewer.close();
        mallory.close();
        dht.close();
    }

    private static SignedCatalog catalog(Identity signer, int videos) {
        return SignedCatalog.create(signer, ChannelProfile.named("Totally real channel"))
                .withVideos(signer, ChannelUpdateTest.videos(0, videos));
    }

    private static void assertRefusedAndNothingKept(RawChannel channel, String reason) {
        NodeApi.ChannelChange result = viewer.subscribe(channel.link());
        System.out.println("refused: " + result.message());
        assertThat(result.found()).as(result.message()).isFalse();
        assertThat(result.message()).containsIgnoringCase(reason);
        String key = channel.identity.publicKeyHex();
        assertThat(viewer.channelStore().channelVideos(key, 0, 10)).isEmpty();
        assertThat(viewer.channelStore().channel(key).flatMap(ChannelInfo::name)).isEmpty();
        assertThat(viewer.channelStore().search("Episode", 0, 500)).noneMatch(v -> v.channelKey().equals(key));
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        RawChannel channel = new RawChannel(Identity.generate(), mallory, tmp.resolve("bad-signature"));
        SortedMap<String, byte[]> files = RawChannel.files(catalog(channel.identity, 3));
        String head = new String(files.get("head.json"), StandardCharsets.UTF_8);
        int sig = head.indexOf("\"sig\":\"") + 7;
        char flipped = head.charAt(sig) == 'a' ? 'b' : 'a';
        files.put("head.json", (head.substring(0, sig) + flipped + head.substring(sig + 1)).getBytes(StandardCharsets.UTF_8));
        channel.publishFiles(files, 1);
        assertRefusedAndNothingKept(channel, "signature");
    }

    @Test
    void aCatalogSignedByAnotherKeyIsRefused() throws Exception {
        RawChannel channel = new RawChannel(Identity.generate(), mallory, tmp.resolve("other-key"));
        channel.publishFiles(RawChannel.files(catalog(Identity.generate(), 3)), 1);
        assertRefusedAndNothingKept(channel, "refused");
    }

    @Test
    void anOversizedPackIsRefusedBeforeParsing() throws Exception {
        RawChannel channel = new RawChannel(Identity.generate(), mallory, tmp.resolve("oversized"));
        SortedMap<String, byte[]> files = RawChannel.files(catalog(channel.identity, 3));
        files.put(files.lastKey(), new byte[2 * 1024 * 1024]);
        channel.publishFiles(files, 1);
        assertRefusedAndNothingKept(channel, "limit");
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        RawChannel channel = new RawChannel(Identity.generate(), mallory, tmp.resolve("malformed"));
        SortedMap<String, byte[]> files = RawChannel.files(catalog(channel.identity, 2));
        files.put("head.json", "{\"format\": oops".getBytes(StandardCharsets.UTF_8));
        channel.publishFiles(files, 1);
        assertRefusedAndNothingKept(channel, "refused");
    }

    @Test
    void fileNamesOutsideTheLayoutAreRefusedBeforeAnythingIsWritten() throws Exception {
        RawChannel channel = new RawChannel(Identity.generate(), mallory, tmp.resolve("names"));
        SortedMap<String, byte[]> files = RawChannel.files(catalog(channel.identity, 2));
        files.put("autorun.sh", "rm -rf ~".getBytes(StandardCharsets.UTF_8));
        channel.publishFiles(files, 1);
        assertRefusedAndNothingKept(channel, "autorun.sh");
        assertThat(viewer.home().dir().resolve("catalogs").resolve(channel.identity.publicKeyHex()).resolve("autorun.sh"))
                .doesNotExist();
    }

    @Test
    void aReplayedOlderCatalogIsRefusedAndTheNewerOneKept() throws Exception {
        RawChannel channel = new RawChannel(Identity.generate(), mallory, tmp.resolve("replay"));
        SignedCatalog v1 = catalog(channel.identity, 2);
        SignedCatalog v2 = v1.withVideos(channel.identity, ChannelUpdateTest.videos(100, 1));
        channel.publish(v1);
        channel.publish(v2);
        NodeApi.ChannelChange subscribed = viewer.subscribe(channel.link());
        assertThat(subscribed.videos()).as(subscribed.message()).isEqualTo(3);
        // the old catalog's files, offered again under a newer DHT pointer
        channel.publishFiles(RawChannel.files(v1), v2.seq() + 5);
        NodeApi.ChannelChange replayed = viewer.refresh(channel.link()).get(90, TimeUnit.SECONDS);
        System.out.println("refused: " + replayed.message());
        assertThat(replayed.message()).contains("refused");
        assertThat(viewer.channelStore().channel(channel.identity.publicKeyHex()).orElseThrow().seq().getAsLong())
                .isEqualTo(v2.seq());
        assertThat(viewer.channelStore().channelVideos(channel.identity.publicKeyHex(), 0, 10)).hasSize(3);
    }
}
