package org.swarmtube.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.e2e.TestClips;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.SwarmConfig;
import org.swarmtube.swarm.SwarmEngine;

/**
 * Delay from {@code publish} to the video in a subscriber's feed on a loopback DHT of eight
 * nodes: driven by the subscriber's poll (what a viewer sees without doing anything) and by an
 * on-demand refresh right after publishing (the lookup and catalog transfer alone, the reference
 * measured in the same run). Run with scripts/bench channels.
 */
public final class ChannelBenchmark {
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Duration poll = Duration.ofSeconds(Long.getLong("poll.seconds", 10));
        java.util.Random random = new java.util.Random(7);
        Path work = Files.createTempDirectory("swarmtube-channel-bench");
        List<AutoCloseable> open = new ArrayList<>();
        try {
            SwarmEngine first = SwarmEngine.start(SwarmConfig.loopback(work.resolve("dht0"), List.of()));
            open.add(first);
            List<HostPort> bootstrap = List.of(new HostPort("127.0.0.1", first.listenPort()));
            List<SwarmEngine> dht = new ArrayList<>(List.of(first));
            for (int i = 1; i < 6; i++) {
                SwarmEngine e = SwarmEngine.start(SwarmConfig.loopback(work.resolve("dht" + i), bootstrap));
                open.add(e);
                dht.add(e);
            }
            Node creator = Node.start(Home.at(work.resolve("creator")), NodeOptions.loopback(bootstrap));
            open.add(creator);
            Node viewer = Node.start(Home.at(work.resolve("viewer")), NodeOptions.loopback(bootstrap).withPollInterval(poll));
            open.add(viewer);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(dht.stream().allMatch(e -> e.dhtNodes() >= 3) && viewer.swarm().dhtNodes() >= 3)) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the DHT did not form");
                Thread.sleep(200);
            }
            System.out.printf(Locale.ROOT, "== Swarmtube channel benchmark: 8-node loopback DHT, subscriber polls every %d s, %d runs%n",
                    poll.toSeconds(), RUNS);
            Path first0 = TestClips.mp4(work.resolve("clips/c0.mp4"), 2, "200k");
            creator.publish(new NodeApi.PublishCommand(first0, "Clip zero", "", List.of(), List.of()));
            if (!viewer.subscribe(creator.channel().link()).found()) throw new IllegalStateException("subscribe failed");

            List<Double> polled = new ArrayList<>();
            List<Double> onDemand = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                String title = "Polled clip " + run;
                Path clip = TestClips.mp4(work.resolve("clips/p" + run + ".mp4"), 2 + run, "200k");
                // publish at a random moment of the subscriber's poll cycle, not in step with it
                Thread.sleep(random.nextInt((int) poll.toMillis()));
                long t0 = System.nanoTime();
                creator.publish(new NodeApi.PublishCommand(clip, title, "", List.of(), List.of()));
                waitForFeed(viewer, title, poll.plusSeconds(60));
                polled.add((System.nanoTime() - t0) / 1e9);

                String title2 = "Refreshed clip " + run;
                Path clip2 = TestClips.mp4(work.resolve("clips/r" + run + ".mp4"), 7 + run, "200k");
                long t1 = System.nanoTime();
                creator.publish(new NodeApi.PublishCommand(clip2, title2, "", List.of(), List.of()));
                viewer.refresh(creator.channel().link()).get(90, TimeUnit.SECONDS);
                waitForFeed(viewer, title2, Duration.ofSeconds(60));
                onDemand.add((System.nanoTime() - t1) / 1e9);
                System.out.printf(Locale.ROOT, "  run %d: publish -> feed %.2f s by polling, %.2f s on demand%n", run + 1,
                        polled.get(run), onDemand.get(run));
            }
            double p = median(polled);
            double d = median(onDemand);
            System.out.printf(Locale.ROOT, "publish -> feed (polling)   median %.2f s  (poll interval %d s; expected: on average half of"
                    + " it plus the on-demand time)%n", p, poll.toSeconds());
            System.out.printf(Locale.ROOT, "publish -> feed (on demand) median %.2f s  (DHT lookup + catalog transfer + merge)%n", d);
            System.out.printf(Locale.ROOT, "ratio polling / (poll interval / 2 + on demand) = %.2f%n", p / (poll.toSeconds() / 2.0 + d));
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        }
    }

    private static void waitForFeed(Node viewer, String title, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (viewer.feed().videos().stream().noneMatch(v -> v.title().equals(title))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(title + " never reached the feed");
            Thread.sleep(20); // a benchmark's own bounded poll of the feed
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
