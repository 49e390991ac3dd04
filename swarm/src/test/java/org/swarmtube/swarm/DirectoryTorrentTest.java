package org.swarmtube.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmtube.swarm.SwarmEngineLoopbackTest.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.MagnetLink;

/** Catalog-style directory torrents: fetched into a shared folder, names checked first, versions re-use files. */
class DirectoryTorrentTest {
    @TempDir
    Path tmp;

    @Test
    void aNewVersionFetchesOnlyTheChangedFile() throws Exception {
        Path dir = tmp.resolve("a/channel");
        Files.createDirectories(dir.resolve("packs"));
        Files.writeString(dir.resolve("head.json"), "{\"seq\":1}");
        SwarmEngineLoopbackTest.writeRandom(dir.resolve("packs/000000.jsonl"), 3_000_000, 1);
        try (SwarmEngine a = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("a-state"), List.of()));
             SwarmEngine b = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("b-state"), List.of()))) {
            String peer = "127.0.0.1:" + a.listenPort();
            List<String> seen = new ArrayList<>();
            PublishedTorrent v1 = a.seedDirectory(dir);
            assertThat(v1.name()).isEqualTo("channel");
            Path saveDir = tmp.resolve("b/catalogs");
            String ih1 = b.fetchDirectory(MagnetLink.parse(v1.magnet()).withPeer(peer), saveDir, (name, files) -> seen.addAll(files));
            waitFor(Duration.ofSeconds(30), () -> b.status(ih1).map(TorrentStatus::isComplete).orElse(false));
            assertThat(seen).containsExactlyInAnyOrder("head.json", "packs/000000.jsonl");
            assertThat(Files.readString(saveDir.resolve("channel/head.json"))).isEqualTo("{\"seq\":1}");

            // version 2: the head changes and a small pack is added; the big pack stays
            Files.writeString(dir.resolve("head.json"), "{\"seq\":2}");
            Files.writeString(dir.resolve("packs/000001.jsonl"), "{\"video\":\"new\"}\n");
            a.remove(v1.infohash(), false);
            PublishedTorrent v2 = a.seedDirectory(dir);
            b.remove(ih1, false);
            String ih2 = b.fetchDirectory(MagnetLink.parse(v2.magnet()).withPeer(peer), saveDir, (name, files) -> { });
            waitFor(Duration.ofSeconds(30), () -> b.status(ih2).map(TorrentStatus::isComplete).orElse(false));
            long fetched = b.status(ih2).orElseThrow().downloadedBytes();
            System.out.printf("catalog v2: %d bytes fetched of %d%n", fetched, v2.sizeBytes());
            assertThat(fetched).isLessThan(200_000);
            assertThat(Files.readString(saveDir.resolve("channel/head.json"))).isEqualTo("{\"seq\":2}");
        }
    }

    @Test
    void aRefusedTorrentIsRemovedBeforeAnythingIsWritten() throws Exception {
        Path dir = tmp.resolve("a/evil");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("head.json"), "{}");
        Files.writeString(dir.resolve("extra.sh"), "rm -rf /");
        try (SwarmEngine a = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("a-state"), List.of()));
             SwarmEngine b = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("b-state"), List.of()))) {
            PublishedTorrent torrent = a.seedDirectory(dir);
            Path saveDir = tmp.resolve("b/catalogs");
            String ih = b.fetchDirectory(MagnetLink.parse(torrent.magnet()).withPeer("127.0.0.1:" + a.listenPort()), saveDir,
                    (name, files) -> {
                        for (String f : files) if (!f.endsWith(".json")) throw new SwarmException("unexpected file " + f);
                    });
            waitFor(Duration.ofSeconds(30), () -> b.refusal(ih).isPresent());
            assertThat(b.refusal(ih).get()).contains("extra.sh");
            assertThat(b.status(ih)).isEmpty();
            assertThat(saveDir.resolve("evil/extra.sh")).doesNotExist();
        }
    }
}
