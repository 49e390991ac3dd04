package org.swarmtube.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.swarm.TorrentStatus;

/** Nodes with videos in their library, for the Library and Settings tests and screenshots. */
final class LibraryFixture {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LibraryFixture() {
    }

    static Node node(Path home) {
        return Node.start(Home.at(home), NodeOptions.loopback(List.of()));
    }

    /** A magnet link to a video published by {@code seeder}, with its address as a peer hint. */
    static String magnet(Node seeder, NodeApi.PublishResult published) {
        return MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + seeder.swarm().listenPort()).toUri();
    }

    /** Publishes a short real clip (ffmpeg) on {@code node}. */
    static NodeApi.PublishResult publishClip(Node node, Path file, String title, int seconds) throws Exception {
        TestClips.mp4(file, seconds, "300k");
        return node.publish(new NodeApi.PublishCommand(file, title, "", List.of(), List.of()));
    }

    /**
     * Watches a video the way the player does, through the node's stream server, to the end: it lands
     * in the viewer's library ({@code library/<infohash>/}) and is complete afterwards.
     *
     * @return the infohash
     */
    static String watchWhole(Node viewer, String magnet) throws Exception {
        NodeApi.StreamUrl url = viewer.stream(magnet);
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url.url()))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) throw new AssertionError("the stream answered " + response.statusCode());
        try (InputStream in = response.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        Await.until(Duration.ofSeconds(30), "the whole video in the library", () -> complete(viewer, url.infohash()));
        return url.infohash();
    }

    static boolean complete(Node node, String infohash) {
        return node.swarm().status(infohash).map(TorrentStatus::isComplete).orElse(false);
    }

    /** The library directory of one video. */
    static Path libraryDir(Node node, String infohash) {
        return node.home().dir().resolve("library").resolve(infohash);
    }

    /** The AtlantaFX light theme the window uses, so the views' looked-up colours resolve. FX thread. */
    static void theme() {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }
}
