package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.MagnetLink;

/**
 * Interoperability with a real client from Debian, aria2 1.36, through Debian's opentracker, all
 * on loopback: aria2 downloads what a Swarmtube node seeds, and a node downloads what aria2 seeds.
 */
class Aria2InteropTest {
    private static final long SIZE = 8L * 1024 * 1024;
    // keep aria2 on loopback and away from the public DHT, LPD and PEX
    private static final List<String> ARIA2_QUIET = List.of("--enable-dht=false", "--enable-dht6=false",
            "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--disable-ipv6=true",
            "--console-log-level=warn", "--summary-interval=0", "--bt-tracker-connect-timeout=5",
            "--bt-tracker-timeout=5", "--interface=127.0.0.1");

    @TempDir
    Path tmp;

    @BeforeAll
    static void aria2IsInstalled() {
        assertThat(Path.of("/usr/bin/aria2c")).as("aria2c (installed by the README's test command)").isExecutable();
        assertThat(Path.of("/usr/bin/mktorrent")).as("mktorrent (installed by the README's test command)").isExecutable();
    }

    @Test
    void aria2DownloadsWhatANodeSeeds() throws Exception {
        Path video = TestFiles.random(tmp.resolve("creator/clip.mp4"), SIZE, 11);
        int trackerPort = OpenTracker.freePort();
        String announce = "http://127.0.0.1:" + trackerPort + "/announce";
        try (Node node = Node.start(Home.at(tmp.resolve("node")), NodeOptions.loopback(List.of()))) {
            NodeApi.PublishResult published = node.publish(
                    new NodeApi.PublishCommand(video, "Clip", "", List.of(), List.of(announce)).allowingAnyFile());
            assertThat(MagnetLink.parse(published.magnet()).trackers()).containsExactly(announce);
            try (OpenTracker tracker = OpenTracker.start(tmp.resolve("tracker"), trackerPort, List.of(published.infohash()))) {
                node.swarm().reannounce(published.infohash());
                Await.until(Duration.ofSeconds(30), "the node to announce itself as a seeder",
                        () -> tracker.seeders(published.infohash()) >= 1);

                Path downloads = Files.createDirectories(tmp.resolve("aria2"));
                List<String> command = new ArrayList<>(List.of("/usr/bin/aria2c", "--dir=" + downloads, "--seed-time=0",
                        "--listen-port=" + OpenTracker.freePort(), "--bt-stop-timeout=60"));
                command.addAll(ARIA2_QUIET);
                command.add(published.magnet());
                try (ChildProcess aria2 = ChildProcess.start(command, downloads)) {
                    assertThat(aria2.waitFor(Duration.ofSeconds(90))).as("aria2c output %s %s", aria2.stdout, aria2.stderr).isZero();
                }
                assertThat(TestFiles.sha256(downloads.resolve("clip.mp4"))).isEqualTo(TestFiles.sha256(video));
            }
        }
    }

    @Test
    void aNodeDownloadsWhatAria2Seeds() throws Exception {
        Path seedDir = Files.createDirectories(tmp.resolve("aria2-seed"));
        Path video = TestFiles.random(seedDir.resolve("lecture.webm"), SIZE, 12);
        int trackerPort = OpenTracker.freePort();
        String announce = "http://127.0.0.1:" + trackerPort + "/announce";
        Path torrent = seedDir.resolve("lecture.torrent");
        try (ChildProcess mktorrent = ChildProcess.start(List.of("/usr/bin/mktorrent", "-a", announce, "-l", "18",
                "-o", torrent.toString(), "lecture.webm"), seedDir)) {
            assertThat(mktorrent.waitFor(Duration.ofSeconds(30))).isZero();
        }
        String infohash = infohashOf(torrent);
        try (OpenTracker tracker = OpenTracker.start(tmp.resolve("tracker"), trackerPort, List.of(infohash))) {
            List<String> command = new ArrayList<>(List.of("/usr/bin/aria2c", "--dir=" + seedDir, "--check-integrity=true",
                    "--seed-ratio=0.0", "--listen-port=" + OpenTracker.freePort()));
            command.addAll(ARIA2_QUIET);
            command.add(torrent.toString());
            try (ChildProcess aria2 = ChildProcess.start(command, seedDir);
                 Node node = Node.start(Home.at(tmp.resolve("node")), NodeOptions.loopback(List.of()))) {
                Await.until(Duration.ofSeconds(30), "aria2 to announce itself as a seeder", () -> tracker.seeders(infohash) >= 1);
                String magnet = new MagnetLink(infohash, "", List.of(announce), List.of(), List.of()).toUri();
                Path out = tmp.resolve("viewer/lecture.webm");
                NodeApi.FetchProgress started = node.startFetch(magnet, out);
                Await.until(Duration.ofSeconds(90), "the node to fetch from aria2", () -> node.fetchProgress(started.infohash()).done());
                assertThat(TestFiles.sha256(out)).isEqualTo(TestFiles.sha256(video));
            }
        }
    }

    private static String infohashOf(Path torrent) throws Exception {
        try (ChildProcess show = ChildProcess.start(List.of("/usr/bin/aria2c", "-S", torrent.toString()), torrent.getParent())) {
            assertThat(show.waitFor(Duration.ofSeconds(30))).isZero();
            Pattern pattern = Pattern.compile("Info Hash: ([0-9a-f]{40})");
            for (String line : show.stdout) {
                Matcher m = pattern.matcher(line);
                if (m.find()) return m.group(1);
            }
            throw new AssertionError("no infohash in " + show.stdout);
        }
    }
}
