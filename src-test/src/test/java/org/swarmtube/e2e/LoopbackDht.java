package org.swarmtube.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.SwarmConfig;
import org.swarmtube.swarm.SwarmEngine;

/** A few plain DHT nodes on loopback for Swarmtube nodes to find each other's channels. */
final class LoopbackDht implements AutoCloseable {
    private final List<SwarmEngine> engines = new ArrayList<>();
    private final List<HostPort> bootstrap;

    private LoopbackDht(Path dir, int size) {
        SwarmEngine first = SwarmEngine.start(SwarmConfig.loopback(dir.resolve("dht0"), List.of()));
        engines.add(first);
        bootstrap = List.of(new HostPort("127.0.0.1", first.listenPort()));
        for (int i = 1; i < size; i++) engines.add(SwarmEngine.start(SwarmConfig.loopback(dir.resolve("dht" + i), bootstrap)));
    }

    static LoopbackDht start(Path dir, int size) {
        return new LoopbackDht(dir, size);
    }

    List<HostPort> bootstrap() {
        return bootstrap;
    }

    /** Waits until every plain node knows {@code atLeast} others. */
    void awaitJoined(int atLeast, Duration timeout) {
        Await.until(timeout, "a loopback DHT of " + engines.size() + " nodes",
                () -> engines.stream().allMatch(e -> e.dhtNodes() >= atLeast));
    }

    @Override
    public void close() {
        for (int i = engines.size() - 1; i >= 0; i--) engines.get(i).close();
    }
}
