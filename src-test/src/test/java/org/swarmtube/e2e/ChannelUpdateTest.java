package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.Identity;
import org.swarmtube.catalog.channel.Jpeg;
import org.swarmtube.catalog.channel.SignedCatalog;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.PublishedTorrent;
import org.swarmtube.swarm.SwarmConfig;
import org.swarmtube.swarm.SwarmEngine;
import org.swarmtube.swarm.TorrentStatus;

/** What one more video costs an up-to-date subscriber of a 1,000-video channel, on the wire. */
class ChannelUpdateTest {
    @TempDir
    Path tmp;

    static List<CatalogEntry> videos(int from, int count) {
        List<CatalogEntry> out = new ArrayList<>();
        Random random = new Random(from);
        for (int i = from; i < from + count; i++) {
            byte[] ih = new byte[20];
            random.nextBytes(ih);
            byte[] jpeg = new byte[8_000 + random.nextInt(8_000)];
            random.nextBytes(jpeg);
            jpeg[0] = (byte) 0xff; jpeg[1] = (byte) 0xd8; jpeg[2] = (byte) 0xff;
            jpeg[jpeg.length - 2] = (byte) 0xff; jpeg[jpeg.length - 1] = (byte) 0xd9;
            out.add(CatalogEntry.of(java.util.HexFormat.of().formatHex(ih), "Episode " + i + " of the long series",
                    "Notes for episode " + i + ": " + "words ".repeat(40), List.of("series", "ep" + i),
                    Duration.ofSeconds(600 + i), 1280, 720, 300_000_000L + i,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i), Optional.of(Jpeg.of(jpeg))));
        }
        return out;
    }

    @Test
    void addingOneVideoToAThousandTransfersUnderTenPercentOfTheCatalog() throws Exception {
        try (SwarmEngine dht = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("dht"), List.of()))) {
            List<HostPort> bootstrap = List.of(new HostPort("127.0.0.1", dht.listenPort()));
            try (SwarmEngine creatorEngine = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("creator"), bootstrap));
                 Node viewer = Node.start(Home.at(tmp.resolve("viewer")),
                         NodeOptions.loopback(bootstrap).withPollInterval(Duration.ofHours(1)))) {
                Await.until(Duration.ofSeconds(60), "a DHT", () -> dht.dhtNodes() >= 2 && creatorEngine.dhtNodes() >= 1
                        && viewer.swarm().dhtNodes() >= 1);
                Identity identity = Identity.generate();
                RawChannel channel = new RawChannel(identity, creatorEngine, tmp.resolve("creator-catalogs"));
                SignedCatalog thousand = SignedCatalog.create(identity, ChannelProfile.named("Long series"))
                        .withVideos(identity, videos(0, 1000));
                PublishedTorrent v1 = channel.publish(thousand);

                NodeApi.ChannelChange subscribed = viewer.subscribe(channel.link());
                assertThat(subscribed.found()).as(subscribed.message()).isTrue();
                assertThat(subscribed.videos()).isEqualTo(1000);

                SignedCatalog more = thousand.withVideo(identity, videos(1000, 1).get(0));
                PublishedTorrent v2 = channel.publish(more);
                NodeApi.ChannelChange updated = viewer.refresh(channel.link()).get(90, TimeUnit.SECONDS);
                assertThat(updated.videos()).as(updated.message()).isEqualTo(1001);
                String merged = viewer.channelStore().channel(identity.publicKeyHex())
                        .flatMap(ChannelInfo::catalogInfohash).orElseThrow();
                assertThat(merged).isEqualTo(v2.infohash());

                long payload = viewer.swarm().status(v2.infohash()).map(TorrentStatus::downloadedBytes).orElseThrow();
                long metadata = v2.torrentFile().length; // an upper bound of the info dict sent over BEP 9
                double share = (payload + metadata) / (double) v2.sizeBytes();
                System.out.printf("catalog update: %d videos, catalog %,d bytes; +1 video fetched %,d payload + %,d metadata"
                        + " = %.2f%% of the catalog (first fetch: %,d bytes)%n", more.videos().size(), v2.sizeBytes(),
                        payload, metadata, share * 100, v1.sizeBytes());
                assertThat(share).isLessThan(0.10);
            }
        }
    }
}
