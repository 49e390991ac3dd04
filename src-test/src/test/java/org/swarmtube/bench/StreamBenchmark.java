package org.swarmtube.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.e2e.HeadlessVlc;
import org.swarmtube.e2e.TestClips;
import org.swarmtube.swarm.RateLimits;

/**
 * Streaming benchmark on loopback, every figure against a reference measured in the same run:
 * time to the first decoded frame (a video only another node has, played as the window's player
 * plays it, against the local file), seek latency to an unfetched position (against the same seek
 * in the local file), and time to the first 1 MB served over HTTP (a torrent held only by another
 * node against one held locally). Also the first frame through the stream URL, as an external
 * player (VLC, mpv) gets it, against the same local file, and the local file through the node's
 * own URL (what libvlc's HTTP input costs by itself). -Dseeder.bitrates=2 holds the seeder to
 * twice the video's bitrate; -Dbench.runs=N changes the number of runs (3). Run with
 * scripts/bench stream; docs/stream-first-frame.md explains the figures.
 */
public final class StreamBenchmark {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamBenchmark.class);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final long SEEK_TO_MS = 48_000;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("swarmtube-stream-bench");
        Path clip = TestClips.mp4(work.resolve("creator/clip.mp4"), 60, "2000k");
        long size = Files.size(clip);
        long bitrate = size / 60;
        // -Dseeder.bitrates=2 holds the seeder to twice the video's bitrate; the default is loopback speed
        double multiple = Double.parseDouble(System.getProperty("seeder.bitrates", "0"));
        long seederLimit = (long) (multiple * bitrate);
        System.out.printf(Locale.ROOT, "== Swarmtube streaming benchmark: 60 s H.264 clip, %.1f MB, %d kB/s; seeder %s; %d runs, medians%n",
                size / 1e6, bitrate / 1000, seederLimit > 0 ? "limited to " + seederLimit / 1000 + " kB/s" : "unlimited (loopback)", RUNS);
        try (Node creator = Node.start(Home.at(work.resolve("creator-home")), NodeOptions.loopback(List.of()))) {
            NodeApi.PublishResult published = creator.publish(new NodeApi.PublishCommand(clip, "Clip", "", List.of(), List.of()));
            if (seederLimit > 0) creator.swarm().setLimits(published.infohash(), new RateLimits(seederLimit, 0));
            String magnet = MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + creator.swarm().listenPort()).toUri();
            String localUrl = creator.stream(published.videoId()).url();

            List<Double> localFrame = new ArrayList<>();
            List<Double> remoteFrame = new ArrayList<>();
            List<Double> localSeek = new ArrayList<>();
            List<Double> remoteSeek = new ArrayList<>();
            List<Double> localMb = new ArrayList<>();
            List<Double> remoteMb = new ArrayList<>();
            List<Double> httpFrame = new ArrayList<>();
            List<Double> urlFrame = new ArrayList<>();
            List<Double> streamCall = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                double[] local = play(vlc -> vlc.play(clip.toString()));
                localFrame.add(local[0]);
                localSeek.add(local[1]);
                try (Node viewer = Node.start(Home.at(work.resolve("viewer-" + run)), NodeOptions.loopback(List.of()))) {
                    // what the watch page does: Node.stream adds the magnet, the player reads the download in-process
                    long called = System.nanoTime();
                    String infohash = viewer.streamable(magnet);
                    streamCall.add((System.nanoTime() - called) / 1e9);
                    double[] remote = play(vlc -> vlc.play(viewer.videoSource(infohash)));
                    remoteFrame.add(remote[0]);
                    remoteSeek.add(remote[1]);
                }
                try (Node viewer = Node.start(Home.at(work.resolve("viewer-url-" + run)), NodeOptions.loopback(List.of()))) {
                    String url = viewer.stream(magnet).url();
                    urlFrame.add(play(vlc -> vlc.play(url))[0]);
                }
                // not part of the ratio: the same file played through this node's own stream URL
                // (held whole here), what libvlc's HTTP input costs by itself
                httpFrame.add(play(vlc -> vlc.play(localUrl))[0]);
                localMb.add(firstMegabyte(localUrl));
                try (Node viewer = Node.start(Home.at(work.resolve("viewer-mb-" + run)), NodeOptions.loopback(List.of()))) {
                    remoteMb.add(firstMegabyte(viewer.stream(magnet).url()));
                }
            }
            row("time to first decoded frame", median(localFrame), median(remoteFrame), "goal: at most 1.5");
            row("  same, through the stream URL (HTTP)", median(localFrame), median(urlFrame), "as an external player gets it");
            System.out.printf(Locale.ROOT, "%-40s %6.3f s (the file through this node's stream URL, for reference);"
                    + " Node.streamable(magnet) returned in %.3f s before the remote play%n", "  first frame over HTTP, held here",
                    median(httpFrame), median(streamCall));
            row("seek to 80% (unfetched when streaming)", median(localSeek), median(remoteSeek), "");
            row("first 1 MB served over HTTP", median(localMb), median(remoteMb), "");
        }
    }

    /** Plays, returns {seconds to first frame, seconds from a seek to a frame at the target}. */
    private static double[] play(java.util.function.Consumer<HeadlessVlc> start) throws Exception {
        try (HeadlessVlc vlc = new HeadlessVlc()) {
            long started = System.nanoTime();
            start.accept(vlc);
            await(() -> vlc.firstFrameNanos() != 0);
            double first = (vlc.firstFrameNanos() - started) / 1e9;
            LOG.debug("first frame after {} s", first);
            await(() -> vlc.frames() >= 25);
            long seekStart = System.nanoTime();
            long framesBefore = vlc.frames();
            vlc.seek(SEEK_TO_MS);
            // frames decoded from the new position: the time has moved past the target and fresh frames keep coming
            await(() -> vlc.lastFrameTimeMs() >= SEEK_TO_MS + 200 && vlc.frames() > framesBefore + 5);
            double seek = (System.nanoTime() - seekStart) / 1e9;
            return new double[] {first, seek};
        }
    }

    private static double firstMegabyte(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=0-1048575")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.body().length != 1_048_576) throw new IllegalStateException("short answer: " + response.body().length);
        return (System.nanoTime() - start) / 1e9;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out");
            Thread.sleep(5);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static void row(String what, double local, double remote, String note) {
        System.out.printf(Locale.ROOT, "%-40s local %6.3f s   from another node %6.3f s   ratio %5.2f  %s%n",
                what, local, remote, remote / local, note);
    }
}
