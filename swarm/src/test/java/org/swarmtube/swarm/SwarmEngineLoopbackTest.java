package org.swarmtube.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.MagnetLink;

class SwarmEngineLoopbackTest {
    @TempDir
    Path tmp;

    @Test
    void publishesSeedsAndFetchesOverLoopback() throws Exception {
        Path source = tmp.resolve("seeder/clip.bin");
        Files.createDirectories(source.getParent());
        writeRandom(source, 3_000_000, 1);
        try (SwarmEngine seeder = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("a-state"), List.of()));
             SwarmEngine leecher = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("b-state"), List.of()))) {
            AtomicLong hashed = new AtomicLong();
            PublishedTorrent published = seeder.publish(PublishRequest.of(source), (done, total) -> hashed.set(done));
            assertThat(hashed.get()).isEqualTo(3_000_000);
            assertThat(published.infohash()).matches("[0-9a-f]{40}");
            assertThat(published.magnet()).startsWith("magnet:?xt=urn:btih:" + published.infohash());

            MagnetLink link = MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + seeder.listenPort());
            Path out = tmp.resolve("downloads/renamed.bin");
            String infohash = leecher.fetch(link, out);
            waitFor(Duration.ofSeconds(60), () -> leecher.status(infohash).map(TorrentStatus::isComplete).orElse(false));
            TorrentStatus status = leecher.status(infohash).orElseThrow();
            assertThat(status.path()).isEqualTo(out.toString());
            waitFor(Duration.ofSeconds(10), () -> Files.exists(out));
            assertThat(sha256(out)).isEqualTo(sha256(source));
            SwarmHealth health = seeder.health(infohash).orElseThrow();
            assertThat(health.localFraction()).isEqualTo(1.0);
        }
    }

    @Test
    void theUploadCountSurvivesARestart() throws Exception {
        Path source = tmp.resolve("seeder/shared.bin");
        Files.createDirectories(source.getParent());
        writeRandom(source, 2_000_000, 3);
        String infohash;
        try (SwarmEngine seeder = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("a-state"), List.of()));
             SwarmEngine leecher = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("b-state"), List.of()))) {
            PublishedTorrent published = seeder.publish(PublishRequest.of(source), (done, total) -> { });
            infohash = published.infohash();
            MagnetLink link = MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + seeder.listenPort());
            leecher.fetch(link, tmp.resolve("downloads/shared.bin"));
            waitFor(Duration.ofSeconds(60), () -> leecher.status(infohash).map(TorrentStatus::isComplete).orElse(false));
            waitFor(Duration.ofSeconds(10), () -> seeder.status(infohash).orElseThrow().uploadedBytes() >= 2_000_000);
        }
        // the seeding-ratio policy must not start from zero after every restart
        try (SwarmEngine seeder = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("a-state"), List.of()))) {
            waitFor(Duration.ofSeconds(10), () -> seeder.status(infohash).isPresent());
            assertThat(seeder.status(infohash).orElseThrow().uploadedBytes()).isGreaterThanOrEqualTo(2_000_000);
        }
    }

    @Test
    void reportsPieceHealthWhileATorrentLimitedDownloadRuns() throws Exception {
        Path source = tmp.resolve("seeder/slow.bin");
        Files.createDirectories(source.getParent());
        writeRandom(source, 4_000_000, 2);
        try (SwarmEngine seeder = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("a-state"), List.of()));
             SwarmEngine leecher = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("b-state"), List.of()))) {
            PublishedTorrent published = seeder.publish(PublishRequest.of(source), HashingProgress.NONE);
            // a per-torrent limit on the seeder holds for a loopback peer: 4 MB take about 8 s
            seeder.setLimits(published.infohash(), new RateLimits(500_000, 0));
            String infohash = leecher.fetch(MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + seeder.listenPort()),
                    tmp.resolve("b/slow.bin"));
            waitFor(Duration.ofSeconds(30), () -> leecher.health(infohash)
                    .map(h -> h.localFraction() > 0.2 && h.status().peers() > 0).orElse(false));
            SwarmHealth health = leecher.health(infohash).orElseThrow();
            assertThat(health.pieceCount()).isEqualTo(16);
            assertThat(health.localFraction()).isLessThan(0.9);
            assertThat(health.availability()).hasSize(16);
            assertThat(java.util.Arrays.stream(health.availability()).min().orElse(0)).isGreaterThanOrEqualTo(1);
            assertThat(health.missingEverywhere()).isZero();
            assertThat(health.status().seeds()).isEqualTo(1);
            assertThat(health.status().copies()).isGreaterThanOrEqualTo(1.0);
            assertThat(health.status().downloadRate()).isLessThan(1_000_000);
            assertThat(health.status().state()).isEqualTo(TorrentStatus.State.DOWNLOADING);
        }
    }

    @Test
    void refusesAPortInUse() throws Exception {
        try (SwarmEngine first = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("one"), List.of()))) {
            SwarmConfig second = SwarmConfig.loopback(tmp.resolve("two"), List.of())
                    .withListen(new HostPort("127.0.0.1", first.listenPort()));
            assertThatThrownBy(() -> SwarmEngine.start(second))
                    .isInstanceOf(SwarmException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void refusesEmptyFilesAndDirectories() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        try (SwarmEngine engine = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("s"), List.of()))) {
            assertThatThrownBy(() -> engine.publish(PublishRequest.of(empty), HashingProgress.NONE))
                    .hasMessageContaining("is empty");
            assertThatThrownBy(() -> engine.publish(PublishRequest.of(tmp), HashingProgress.NONE))
                    .hasMessageContaining("is a directory");
            assertThatThrownBy(() -> engine.publish(PublishRequest.of(tmp.resolve("nope.mp4")), HashingProgress.NONE))
                    .hasMessageContaining("no such file");
            assertThat(engine.torrents()).isEmpty();
        }
    }

    static void writeRandom(Path file, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Files.write(file, data);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static void waitFor(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + timeout);
            Thread.sleep(50);
        }
    }
}
