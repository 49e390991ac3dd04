package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.swarm.RateLimits;

/** A fetch killed with SIGKILL half-way resumes without fetching again what it had. */
class KillAndResumeTest {
    private static final long SIZE = 50L * 1024 * 1024;
    private static final Pattern PERCENT = Pattern.compile(": (\\d+\\.\\d)% of");

    @TempDir
    Path tmp;

    @Test
    void aFetchKilledAtHalfResumesWhereItStopped() throws Exception {
        Path video = TestFiles.random(tmp.resolve("creator/talk.mp4"), SIZE, 7);
        // the seeder is held to 5 MiB/s so the kill lands near the middle (limits hold for loopback peers)
        NodeOptions slow = NodeOptions.loopback(List.of()).withLimits(new RateLimits(5L * 1024 * 1024, 0));
        try (Node a = Node.start(Home.at(tmp.resolve("a")), slow)) {
            NodeApi.PublishResult published = a.publish(new NodeApi.PublishCommand(video, "Talk", "", List.of(), List.of()).allowingAnyFile());
            String link = MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + a.swarm().listenPort()).toUri();
            Path out = tmp.resolve("viewer/talk.mp4");
            String[] fetch = {"--home", tmp.resolve("b").toString(), "--json", "fetch", link, "--out", out.toString(),
                    "--listen", "127.0.0.1:0", "--dht-bootstrap", "", "--no-lsd", "--no-upnp", "--no-natpmp"};

            double killedAt;
            try (ChildProcess first = ChildProcess.swarmtube(fetch)) {
                Await.until(Duration.ofSeconds(120), "the fetch to pass 45%", () -> lastPercent(first) >= 45.0
                        || !first.process.isAlive());
                assertThat(first.process.isAlive()).as("fetch still running; exit %s, stderr: %s", first.process.isAlive() ? "-" : first.process.exitValue(), first.stderr).isTrue();
                killedAt = lastPercent(first);
                first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no final resume save
                first.process.waitFor();
            }
            assertThat(killedAt).isBetween(45.0, 75.0);

            try (ChildProcess second = ChildProcess.swarmtube(fetch)) {
                assertThat(second.waitFor(Duration.ofSeconds(120))).as("stderr: %s", second.stderr).isZero();
                JsonNode result = new ObjectMapper().readTree(second.lastStdout());
                assertThat(result.path("path").asText()).isEqualTo(out.toString());
                assertThat(result.path("bytes").asLong()).isEqualTo(SIZE);
                long downloadedAfterRestart = result.path("downloaded").asLong();
                System.out.printf("killed at %.1f%%, downloaded after restart: %.1f%% of the file%n", killedAt,
                        100.0 * downloadedAfterRestart / SIZE);
                assertThat(downloadedAfterRestart).isLessThanOrEqualTo((long) (SIZE * 0.60));
                assertThat(downloadedAfterRestart).isGreaterThan(0);
            }
            assertThat(TestFiles.sha256(out)).isEqualTo(TestFiles.sha256(video));
        }
    }

    private static double lastPercent(ChildProcess process) {
        double last = 0;
        for (String line : process.stderr) {
            Matcher m = PERCENT.matcher(line);
            if (m.find()) last = Double.parseDouble(m.group(1));
        }
        return last;
    }
}
