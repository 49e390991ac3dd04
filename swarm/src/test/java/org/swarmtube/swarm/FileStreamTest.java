package org.swarmtube.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmtube.swarm.SwarmEngineLoopbackTest.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.MagnetLink;

/**
 * Streaming while downloading, on loopback, from a seeder limited to about twice the "video's"
 * bitrate (1 MiB/s for a 0.5 MiB/s video).
 */
class FileStreamTest {
    private static final int SIZE = 48 * 1024 * 1024;

    @TempDir
    Path tmp;
    private byte[] source;
    private SwarmEngine seeder;
    private SwarmEngine viewer;
    private String infohash;

    @BeforeEach
    void seedAFile() throws Exception {
        source = new byte[SIZE];
        new Random(5).nextBytes(source);
        Path file = tmp.resolve("seed/video.mp4");
        Files.createDirectories(file.getParent());
        Files.write(file, source);
        seeder = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("seeder"), List.of()));
        viewer = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("viewer"), List.of()));
        PublishedTorrent published = seeder.publish(PublishRequest.of(file), HashingProgress.NONE);
        infohash = published.infohash();
        seeder.setLimits(infohash, new RateLimits(1024 * 1024, 0));
        viewer.add(MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + seeder.listenPort()), tmp.resolve("library"));
    }

    @AfterEach
    void stop() {
        viewer.close();
        seeder.close();
    }

    @Test
    void bytesFlowBeforeFivePercentIsLocalAndASeekIsServedBeforeThePiecesInBetween() throws Exception {
        try (FileStream stream = viewer.openStream(infohash, Duration.ofSeconds(30))) {
            assertThat(stream.length()).isEqualTo(SIZE);
            byte[] buffer = new byte[64 * 1024];
            int n = stream.read(0, buffer, 0, buffer.length);
            long localAtFirstByte = viewer.status(infohash).orElseThrow().doneBytes();
            System.out.printf("first %d bytes served with %.1f%% of the file local%n", n, 100.0 * localAtFirstByte / SIZE);
            assertThat(n).isPositive();
            assertThat(Arrays.equals(buffer, 0, n, source, 0, n)).isTrue();
            assertThat(localAtFirstByte).isLessThan(SIZE / 20);

            long seekTo = SIZE * 8L / 10 + 12345;
            int m = stream.read(seekTo, buffer, 0, buffer.length);
            assertThat(m).isPositive();
            assertThat(Arrays.equals(buffer, 0, m, source, (int) seekTo, (int) seekTo + m)).isTrue();
            BufferStatus status = stream.bufferStatus(512 * 1024);
            long localInBetween = status.local().stream()
                    .mapToLong(r -> Math.max(0, Math.min(r.end(), SIZE * 7L / 10) - Math.max(r.start(), SIZE / 5L)))
                    .sum();
            System.out.printf("after the seek to 80%%: %.1f%% of the 20-70%% stretch local%n", 100.0 * localInBetween / (SIZE / 2.0));
            assertThat(localInBetween).isLessThan(SIZE / 2 / 4);
            assertThat(status.requested()).anySatisfy(r -> assertThat(r.start()).isGreaterThanOrEqualTo(SIZE * 7L / 10));
            assertThat(status.readers()).singleElement().satisfies(r -> assertThat(r.position()).isEqualTo(seekTo + m));
        }
    }

    @Test
    void twoReadersAtDifferentPositionsBothProgressAndEveryByteIsTheSource() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (FileStream first = viewer.openStream(infohash, Duration.ofSeconds(30));
             FileStream second = viewer.openStream(infohash, Duration.ofSeconds(30))) {
            Future<Long> a = threads.submit(readAndCompare(first, SIZE / 10, 1536 * 1024));
            Future<Long> b = threads.submit(readAndCompare(second, SIZE * 6 / 10, 1536 * 1024));
            assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(1536 * 1024);
            assertThat(b.get(60, TimeUnit.SECONDS)).isEqualTo(1536 * 1024);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theWholeFileReadThroughAStreamEqualsTheSource() throws Exception {
        seeder.setLimits(infohash, RateLimits.UNLIMITED);
        try (FileStream stream = viewer.openStream(infohash, Duration.ofSeconds(30))) {
            assertThat(readAndCompare(stream, 0, SIZE).call()).isEqualTo(SIZE);
            assertThat(stream.read(SIZE, new byte[10], 0, 10)).isEqualTo(-1);
        }
        waitFor(Duration.ofSeconds(30), () -> viewer.fileComplete(infohash, 0));
        assertThat(viewer.fileProgress(infohash).orElseThrow()).containsExactly(SIZE);
        waitFor(Duration.ofSeconds(30), () -> viewer.status(infohash).map(TorrentStatus::isComplete).orElse(false));
    }

    private Callable<Long> readAndCompare(FileStream stream, long from, long count) {
        return () -> {
            byte[] buffer = new byte[100_000];
            long done = 0;
            while (done < count) {
                int n = stream.read(from + done, buffer, 0, (int) Math.min(buffer.length, count - done));
                if (n < 0) break;
                int at = (int) (from + done);
                if (!Arrays.equals(buffer, 0, n, source, at, at + n)) throw new AssertionError("wrong bytes at " + at);
                done += n;
            }
            return done;
        };
    }
}
