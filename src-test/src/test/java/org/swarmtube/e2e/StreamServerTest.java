package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.swarm.RateLimits;

/** The loopback stream server of a viewer's node, serving a video only another node has. */
class StreamServerTest {
    private static final int SIZE = 16 * 1024 * 1024;

    @TempDir
    Path tmp;
    private byte[] source;
    private Node creator;
    private Node viewer;
    private NodeApi.StreamUrl stream;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void publishAndStream() throws Exception {
        Path video = TestFiles.random(tmp.resolve("creator/talk.mp4"), SIZE, 21);
        source = Files.readAllBytes(video);
        creator = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()));
        viewer = Node.start(Home.at(tmp.resolve("b")), NodeOptions.loopback(List.of()));
        NodeApi.PublishResult published = creator.publish(new NodeApi.PublishCommand(video, "Talk", "", List.of(), List.of()).allowingAnyFile());
        creator.swarm().setLimits(published.infohash(), new RateLimits(2 * 1024 * 1024, 0));
        stream = viewer.stream(MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + creator.swarm().listenPort()).toUri());
    }

    @AfterEach
    void stop() {
        viewer.close();
        creator.close();
    }

    private HttpResponse<byte[]> get(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (range != null) request.header("Range", range);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void rangesAreServedWhileDownloadingAndEqualTheSource() throws Exception {
        assertThat(stream.url()).startsWith("http://127.0.0.1:").endsWith("/talk.mp4");
        HttpResponse<byte[]> first = get(stream.url(), "bytes=0-65535");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-65535/" + SIZE);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(source, 0, 65536));

        int from = SIZE * 8 / 10 + 7;
        HttpResponse<byte[]> seek = get(stream.url(), "bytes=" + from + "-" + (from + 99_999));
        assertThat(seek.statusCode()).isEqualTo(206);
        assertThat(seek.body()).isEqualTo(Arrays.copyOfRange(source, from, from + 100_000));
        assertThat(viewer.swarm().status(stream.infohash()).orElseThrow().progress()).as("fetched out of order").isLessThan(0.9);

        HttpResponse<byte[]> tail = get(stream.url(), "bytes=-1000");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(source, SIZE - 1000, SIZE));

        creator.swarm().setLimits(stream.infohash(), RateLimits.UNLIMITED);
        HttpResponse<byte[]> whole = get(stream.url(), null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(source);
    }

    @Test
    void badRequestsGetA4xxAndNeverStopTheServer() throws Exception {
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(stream.url()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(SIZE));
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<byte[]> pastEnd = get(stream.url(), "bytes=" + SIZE + "-");
        assertThat(pastEnd.statusCode()).as("past end: %s %s", pastEnd.statusCode(), pastEnd.headers().map()).isEqualTo(416);
        assertThat(pastEnd.headers().firstValue("Content-Range")).hasValue("bytes */" + SIZE);
        assertThat(get(stream.url(), "bytes=0-10,20-30").statusCode()).isEqualTo(416);
        assertThat(get(stream.url(), "bytes=abc").statusCode()).isEqualTo(400);
        assertThat(get(stream.url(), "bytes=10-5").statusCode()).isEqualTo(400);

        String wrongSecret = stream.url().replaceFirst("/[0-9a-f]{64}/", "/" + "0".repeat(64) + "/");
        assertThat(get(wrongSecret, null).statusCode()).isEqualTo(404);
        String unknown = stream.url().replace(stream.infohash(), "1".repeat(40));
        assertThat(get(unknown, null).statusCode()).isEqualTo(404);

        // a client that disconnects mid-read
        HttpURLConnection connection = (HttpURLConnection) URI.create(stream.url()).toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            assertThat(in.readNBytes(10_000)).hasSize(10_000);
        }
        connection.disconnect();
        HttpResponse<byte[]> after = get(stream.url(), "bytes=100-199");
        assertThat(after.statusCode()).isEqualTo(206);
        assertThat(after.body()).isEqualTo(Arrays.copyOfRange(source, 100, 200));
    }
}
