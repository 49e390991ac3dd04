package org.swarmtube.swarm;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link SwarmEngine} runs. The defaults are zero-configuration: listen on all interfaces,
 * DHT with the public bootstrap routers, local service discovery, UPnP and NAT-PMP. Tests and LANs
 * turn each of these off or point them elsewhere.
 *
 * @param stateDir       where resume data and torrent files live (created if missing)
 * @param listen         the address to listen on; port 0 lets the system choose
 * @param dht            whether the DHT runs
 * @param dhtBootstrap   the DHT's bootstrap nodes; empty means the public routers, an empty list none
 * @param dhtAllowLocal  relax the DHT's IP restrictions so several nodes on one host or LAN find each
 *                       other; for tests and LANs only, never the default
 * @param upnp           map the listen port with UPnP
 * @param natPmp         map the listen port with NAT-PMP
 * @param lsd            local service discovery (multicast announces on the LAN)
 * @param limits         global rate limits
 */
public record SwarmConfig(Path stateDir, HostPort listen, boolean dht, Optional<List<HostPort>> dhtBootstrap,
                          boolean dhtAllowLocal, boolean upnp, boolean natPmp, boolean lsd, RateLimits limits) {

    /** The routers a DHT node joins through when nothing else is configured. */
    public static final List<HostPort> PUBLIC_DHT_ROUTERS = List.of(
            new HostPort("dht.libtorrent.org", 25401),
            new HostPort("router.bittorrent.com", 6881),
            new HostPort("router.utorrent.com", 6881),
            new HostPort("dht.transmissionbt.com", 6881));

    public SwarmConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(listen, "listen");
        dhtBootstrap = Objects.requireNonNull(dhtBootstrap, "dhtBootstrap").map(List::copyOf);
        Objects.requireNonNull(limits, "limits");
    }

    /** The zero-configuration defaults, with state in {@code stateDir}. */
    public static SwarmConfig defaults(Path stateDir) {
        return new SwarmConfig(stateDir, new HostPort("0.0.0.0", 0), true, Optional.empty(), false,
                true, true, true, RateLimits.UNLIMITED);
    }

    /**
     * A configuration for tests: loopback only, no port mapping, no LAN discovery, and the given
     * DHT bootstrap nodes (possibly none) with the local-network relaxations on.
     */
    public static SwarmConfig loopback(Path stateDir, List<HostPort> dhtBootstrap) {
        return new SwarmConfig(stateDir, new HostPort("127.0.0.1", 0), true, Optional.of(dhtBootstrap), true,
                false, false, false, RateLimits.UNLIMITED);
    }

    public SwarmConfig withListen(HostPort value) {
        return new SwarmConfig(stateDir, value, dht, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, limits);
    }

    public SwarmConfig withDhtBootstrap(List<HostPort> value) {
        return new SwarmConfig(stateDir, listen, dht, Optional.of(value), dhtAllowLocal, upnp, natPmp, lsd, limits);
    }

    public SwarmConfig withDht(boolean value) {
        return new SwarmConfig(stateDir, listen, value, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, limits);
    }

    public SwarmConfig withDhtAllowLocal(boolean value) {
        return new SwarmConfig(stateDir, listen, dht, dhtBootstrap, value, upnp, natPmp, lsd, limits);
    }

    public SwarmConfig withUpnp(boolean value) {
        return new SwarmConfig(stateDir, listen, dht, dhtBootstrap, dhtAllowLocal, value, natPmp, lsd, limits);
    }

    public SwarmConfig withNatPmp(boolean value) {
        return new SwarmConfig(stateDir, listen, dht, dhtBootstrap, dhtAllowLocal, upnp, value, lsd, limits);
    }

    public SwarmConfig withLsd(boolean value) {
        return new SwarmConfig(stateDir, listen, dht, dhtBootstrap, dhtAllowLocal, upnp, natPmp, value, limits);
    }

    public SwarmConfig withLimits(RateLimits value) {
        return new SwarmConfig(stateDir, listen, dht, dhtBootstrap, dhtAllowLocal, upnp, natPmp, lsd, value);
    }

    /** The bootstrap nodes in effect: the configured ones, or the public routers. */
    public List<HostPort> effectiveBootstrap() {
        return dhtBootstrap.orElse(PUBLIC_DHT_ROUTERS);
    }
}
