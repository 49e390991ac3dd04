package org.swarmtube.app;

import java.util.Locale;
import java.util.Optional;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.RateLimits;
import picocli.CommandLine.Option;

/** The options of every verb that may start a node. */
final class NodeFlags {
    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Listen address (default: all interfaces, on a port chosen once and remembered).")
    String listen;

    @Option(names = "--dht-bootstrap", paramLabel = "HOST:PORT,...",
            description = "DHT bootstrap nodes; an empty value means none (default: the public routers).")
    String dhtBootstrap;

    @Option(names = "--dht-allow-local",
            description = "Relax the DHT's IP restrictions so several nodes on one host or LAN find each other.")
    boolean dhtAllowLocal;

    @Option(names = "--no-upnp", description = "Do not map the listen port with UPnP.")
    boolean noUpnp;

    @Option(names = "--no-natpmp", description = "Do not map the listen port with NAT-PMP.")
    boolean noNatPmp;

    @Option(names = "--no-lsd", description = "No local service discovery (LAN multicast).")
    boolean noLsd;

    @Option(names = "--max-upload", paramLabel = "RATE",
            description = "Upload limit in bytes/s, with an optional K, M or G suffix (default: none). Holds for LAN peers too.")
    String maxUpload;

    @Option(names = "--max-download", paramLabel = "RATE",
            description = "Download limit in bytes/s, with an optional K, M or G suffix (default: none).")
    String maxDownload;

    @Option(names = "--poll-interval", paramLabel = "DURATION",
            description = "How often subscribed channels are looked up for new videos, e.g. 30s, 10m, 1h (default: 10m).")
    String pollInterval;

    boolean anyGiven() {
        return listen != null || dhtBootstrap != null || dhtAllowLocal || noUpnp || noNatPmp || noLsd
                || maxUpload != null || maxDownload != null || pollInterval != null;
    }

    static java.time.Duration duration(String option, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(s|m|h)?").matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a duration; write e.g. 30s, 10m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "m" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofSeconds(n);
        };
    }

    NodeOptions toOptions() {
        Optional<HostPort> listenAt = listen == null ? Optional.empty() : Optional.of(HostPort.parse(listen));
        return new NodeOptions(listenAt, Optional.ofNullable(dhtBootstrap).map(HostPort::parseList), dhtAllowLocal,
                !noUpnp, !noNatPmp, !noLsd, new RateLimits(rate("--max-upload", maxUpload), rate("--max-download", maxDownload)),
                pollInterval == null ? NodeOptions.DEFAULT_POLL_INTERVAL : duration("--poll-interval", pollInterval));
    }

    static long rate(String option, String text) {
        if (text == null) return 0;
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1024L;
                case 'M' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            double value = Double.parseDouble(t);
            if (value < 0 || Double.isNaN(value)) throw new NumberFormatException();
            return Math.round(value * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a rate: '" + text + "' (examples: 500K, 2M, 1048576)");
        }
    }
}
