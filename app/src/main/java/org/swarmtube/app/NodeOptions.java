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
 * @param lanInterface  the network interface for finding channels on the LAN (with {@code lsd});
 *                      empty means the system's default
 */
public record NodeOptions(Optional<HostPort> listen, Optional<List<HostPort>> dhtBootstrap, boolean dhtAllowLocal,
                          boolean upnp, boolean natPmp, boolean lsd, RateLimits limits, Duration pollInterval,
                          Optional<String> lanInterface) {
    /** The default time between two lookups of a subscribed channel. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(10);

    public NodeOptions {
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) throw new IllegalArgumentException("the poll interval must be at least 1 s");
    }

    public NodeOptions(Optional<HostPort> listen, Optional<List<HostPort>> dhtBootstrap, boolean dhtAllowLocal,
                       boolean upnp, boolean natPmp, boolean lsd, RateLimits limits) {
        this(listen, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, limits, DEFAULT_POLL_INTERVAL, Optional.empty());
    }

    public NodeOptions(Optional<HostPort> listen, Optional<List<HostPort>> dhtBootstrap, boolean dhtAllowLocal,
                       boolean upnp, boolean natPmp, boolean lsd, RateLimits limits, Duration pollInterval) {
        this(listen, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, limits, pollInterval, Optional.empty());
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
        return new NodeOptions(listen, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, value, pollInterval, lanInterface);
    }

    public NodeOptions withPollInterval(Duration value) {
        return new NodeOptions(listen, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, limits, value, lanInterface);
    }

    /** LAN discovery (and libtorrent's local service discovery) on one network interface. */
    public NodeOptions withLan(String interfaceName) {
        return new NodeOptions(listen, dhtBootstrap, dhtAllowLocal, upnp, natPmp, true, limits, pollInterval,
                Optional.of(interfaceName));
    }
}
