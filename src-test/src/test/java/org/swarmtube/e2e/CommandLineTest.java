package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Swarmtube;

/** The command line's contract: JSON shapes, and one clear line on stderr for bad input. */
class CommandLineTest {
    private static final String[] LOOPBACK = {"--listen", "127.0.0.1:0", "--dht-bootstrap", "", "--no-lsd", "--no-upnp",
            "--no-natpmp"};

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }

        List<String> errLines() {
            return err.isBlank() ? List.of() : List.of(err.strip().split("\n"));
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Swarmtube.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private Result verb(String... verbAndArgs) {
        List<String> args = new ArrayList<>(List.of("--home", tmp.resolve("home").toString(), "--json"));
        args.addAll(List.of(verbAndArgs));
        if (!verbAndArgs[0].startsWith("-")) args.addAll(List.of(LOOPBACK));
        return run(args.toArray(String[]::new));
    }

    @Test
    void publishPrintsTheVideoIdInfohashAndMagnet() throws Exception {
        Path video = TestFiles.random(tmp.resolve("clip.mp4"), 1_000_000, 3);
        Result published = verb("publish", video.toString(), "--title", "A clip", "--description", "d", "--tag", "x", "--tag", "y", "--any-file");
        assertThat(published.exit()).as(published.err()).isZero();
        JsonNode json = published.json();
        assertThat(json.path("videoId").asText()).matches("[a-z2-7]{16}");
        assertThat(json.path("infohash").asText()).matches("[0-9a-f]{40}");
        assertThat(json.path("magnet").asText()).startsWith("magnet:?xt=urn:btih:" + json.path("infohash").asText());

        Result status = verb("status");
        assertThat(status.exit()).as(status.err()).isZero();
        JsonNode torrent = status.json().path("torrents").get(0);
        for (String field : List.of("infohash", "name", "progress", "peers", "seeds", "copies", "downloadRate", "uploadRate")) {
            assertThat(torrent.has(field)).as("status field %s in %s", field, torrent).isTrue();
        }
        assertThat(torrent.path("infohash").asText()).isEqualTo(json.path("infohash").asText());
        assertThat(torrent.path("progress").asDouble()).isEqualTo(1.0);
    }

    @Test
    void badFilesAreRefusedWithOneLineAndNothingIsPublished() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        Path dir = Files.createDirectories(tmp.resolve("a-folder"));
        assertRefused(verb("publish", tmp.resolve("missing.mp4").toString(), "--title", "t"), "no such file");
        assertRefused(verb("publish", empty.toString(), "--title", "t"), "is empty");
        assertRefused(verb("publish", dir.toString(), "--title", "t"), "is a directory");
        Path video = TestFiles.random(tmp.resolve("ok.mp4"), 100_000, 4);
        assertRefused(verb("publish", video.toString(), "--title", "  "), "title is empty");
        Result notAVideo = verb("publish", video.toString(), "--title", "Random bytes");
        assertRefused(notAVideo, "video");
        System.out.println("publishing random bytes: " + notAVideo.err().strip());
        assertThat(verb("status").json().path("torrents")).isEmpty();
    }

    @Test
    void malformedLinksAreRefusedAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("out.mp4");
        assertRefused(verb("fetch", "magnet:?xt=urn:btih:12345", "--out", out.toString()), "not 40 hex digits");
        assertRefused(verb("fetch", "https://example.org/video.mp4", "--out", out.toString()), "must start with 'magnet:?'");
        assertRefused(verb("fetch", "magnet:?dn=nothing", "--out", out.toString()), "no 'xt=urn:btih:'");
        assertThat(out).doesNotExist();
        assertThat(verb("status").json().path("torrents")).isEmpty();
    }

    @Test
    void unknownVerbsAndOptionsAreUsageErrors() {
        Result verb = run("--home", tmp.toString(), "frobnicate");
        assertThat(verb.exit()).isEqualTo(2);
        assertThat(verb.errLines()).hasSize(1);
        assertThat(verb.err()).contains("frobnicate");
        Result option = run("--home", tmp.toString(), "status", "--bogus");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.errLines()).hasSize(1);
        assertThat(option.err()).contains("--bogus");
    }

    @Test
    void streamNeedsARunningNode() {
        Result result = run("--home", tmp.resolve("home").toString(), "stream", "1".repeat(40));
        assertRefused(result, "no node is running");
    }

    @Test
    void aPortInUseIsSaidPlainly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Result result = run("--home", tmp.resolve("home").toString(), "status", "--listen",
                    "127.0.0.1:" + taken.getLocalPort(), "--dht-bootstrap", "");
            assertRefused(result, "in use");
        }
    }

    @Test
    void channelVerbsPrintTheirJsonShapes() throws Exception {
        Result channel = verb("channel");
        assertThat(channel.exit()).as(channel.err()).isZero();
        JsonNode view = channel.json();
        assertThat(view.fieldNames()).toIterable().containsExactly("link", "publicKey", "name");
        assertThat(view.path("link").asText()).startsWith("magnet:?xs=urn:btpk:" + view.path("publicKey").asText());

        Result renamed = verb("channel", "--name", "Garden diaries", "--description", "Plants, weekly");
        assertThat(renamed.json().path("name").asText()).isEqualTo("Garden diaries");
        assertThat(verb("channel").json().path("publicKey").asText()).as("the key is kept").isEqualTo(view.path("publicKey").asText());

        Path video = TestFiles.random(tmp.resolve("notes.bin"), 100_000, 8);
        Result published = verb("publish", video.toString(), "--title", "Tomato notes", "--any-file");
        String videoId = published.json().path("videoId").asText();
        JsonNode found = verb("search", "tomato").json();
        assertThat(found.path("videos")).hasSize(1);
        JsonNode hit = found.path("videos").get(0);
        assertThat(hit.fieldNames()).toIterable()
                .containsExactly("videoId", "title", "channel", "infohash", "magnet", "published");
        assertThat(hit.path("channel").asText()).isEqualTo("Garden diaries");
        assertThat(verb("feed").json().path("videos")).as("own videos are not in the feed").isEmpty();
        assertThat(verb("channels").json().path("channels")).anyMatch(c -> c.path("publicKey").asText()
                .equals(view.path("publicKey").asText()));

        Result unpublished = verb("unpublish", videoId);
        assertThat(unpublished.exit()).as(unpublished.err()).isZero();
        assertThat(unpublished.json().path("removed").asBoolean()).isTrue();
        assertThat(verb("search", "tomato").json().path("videos")).isEmpty();
        assertRefused(verb("unpublish", videoId), "not in this node's channel");

        assertRefused(verb("subscribe", "magnet:?xs=urn:btpk:1234"), "malformed channel link");
        assertRefused(verb("block", "not a link"), "channel link");
        assertRefused(verb("subscribe", view.path("link").asText()), "own channel");
        assertThat(verb("unpublish", "--help").out()).contains("cannot be recalled");
    }

    private static void assertRefused(Result result, String reason) {
        assertThat(result.exit()).as("exit code; stderr: %s", result.err()).isEqualTo(1);
        assertThat(result.errLines()).as("stderr").hasSize(1);
        assertThat(result.err()).startsWith("swarmtube: ").contains(reason);
        assertThat(result.out()).isEmpty();
    }
}
