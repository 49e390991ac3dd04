package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Swarmtube;

/**
 * A headless node ('swarmtube node') in its own process: other commands on the same data
 * directory go through its control API, which wants the secret; SIGTERM stops it cleanly.
 */
class RunningNodeTest {
    @TempDir
    Path tmp;

    @Test
    void verbsTalkToTheRunningNodeWhichStopsCleanlyOnSigterm() throws Exception {
        Path home = tmp.resolve("home");
        try (ChildProcess node = ChildProcess.swarmtube("--home", home.toString(), "--json", "node", "--listen", "127.0.0.1:0",
                "--dht-bootstrap", "", "--no-lsd")) {
            JsonNode started = new ObjectMapper().readTree(node.lastStdout());
            int listenPort = started.path("listenPort").asInt();
            assertThat(listenPort).isPositive();

            Path control = home.resolve("control.json");
            assertThat(Files.getPosixFilePermissions(control)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            JsonNode endpoint = new ObjectMapper().readTree(control.toFile());
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.path("port").asInt() + "/v1/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);

            // a second node on the same home is refused
            assertThat(run("--home", home.toString(), "node", "--listen", "127.0.0.1:0", "--dht-bootstrap", "").err())
                    .contains("already running");

            Path video = TestFiles.random(tmp.resolve("clip.mp4"), 500_000, 5);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Swarmtube.run(new String[] {"--home", home.toString(), "--json", "publish", video.toString(), "--title", "Clip", "--any-file"},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(exit).as(err.toString()).isZero();
            assertThat(err.toString()).as("no 'no node is running' note").isEmpty();
            String infohash = new ObjectMapper().readTree(out.toString()).path("infohash").asText();

            JsonNode status = new ObjectMapper().readTree(run("--home", home.toString(), "--json", "status").out());
            assertThat(status.path("listenPort").asInt()).as("status answered by the running node").isEqualTo(listenPort);
            assertThat(status.path("torrents").get(0).path("infohash").asText()).isEqualTo(infohash);

            String videoId = new ObjectMapper().readTree(out.toString()).path("videoId").asText();
            CommandLineTest.Result streamed = run("--home", home.toString(), "--json", "stream", videoId);
            assertThat(streamed.exit()).as(streamed.err()).isZero();
            String url = new ObjectMapper().readTree(streamed.out()).path("url").asText();
            assertThat(url).startsWith("http://127.0.0.1:");
            HttpResponse<byte[]> played = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Range", "bytes=1000-1999").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(played.statusCode()).isEqualTo(206);
            assertThat(played.body()).isEqualTo(java.util.Arrays.copyOfRange(Files.readAllBytes(video), 1000, 2000));

            node.process.destroy(); // SIGTERM
            assertThat(node.waitFor(Duration.ofSeconds(20))).isIn(0, 143);
            assertThat(control).doesNotExist();
            assertThat(home.resolve("swarm/torrents/" + infohash + ".resume")).exists();
        }
    }

    private static CommandLineTest.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Swarmtube.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandLineTest.Result(exit, out.toString(), err.toString());
    }
}
