package org.swarmtube.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.RateLimits;

/**
 * How to start a node, as given on the command line.
 *
 * @param listen        the listen address; empty means all interfaces on the remembered port
 * @param dhtBootstrap  DHT bootstrap nodes; empty means the public routers, an empty list none
 * @param dhtAllowLocal relax the DHT's IP restrictions (several nodes on one host or LAN)
 * @param upnp          UPnP port mapping
 * @param natPmp        NAT-PMP port mapping
 * @param lsd           local service discovery
 * @param limits        global rate limits
 * @param pollInterval  how often subscribed channels are looked up on the DHT
 */
public record NodeOptions(Optional<HostPort> listen, Optional<List<HostPort>> dhtBootstrap, boolean dhtAllowLocal,
                          boolean upnp, boolean natPmp, boolean lsd, RateLimits limits, Duration pollInterval) {
    /** The default time between two lookups of a subscribed channel. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(10);

    public NodeOptions {
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) throw new IllegalArgumentException("the poll interval must be at least 1 s");
    }

    public NodeOptions(Optional<HostPort> listen, Optional<List<HostPort>> dhtBootstrap, boolean dhtAllowLocal,
                       boolean upnp, boolean natPmp, boolean lsd, RateLimits limits) {
        this(listen, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, limits, DEFAULT_POLL_INTERVAL);
    }

    /** The zero-configuration defaults. */
    public static NodeOptions defaults() {
        return new NodeOptions(Optional.empty(), Optional.empty(), false, true, true, true, RateLimits.UNLIMITED);
    }

    /** Loopback only, no port mapping or LAN discovery, the given DHT bootstrap nodes: for tests. */
    public static NodeOptions loopback(List<HostPort> dhtBootstrap) {
        return new NodeOptions(Optional.of(new HostPort("127.0.0.1", 0)), Optional.of(dhtBootstrap), true,
                false, false, false, RateLimits.UNLIMITED);
    }

    public NodeOptions withLimits(RateLimits value) {
        return new NodeOptions(listen, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, value, pollInterval);
    }

    public NodeOptions withPollInterval(Duration value) {
        return new NodeOptions(listen, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, limits, value);
    }
}
