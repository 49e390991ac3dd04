package org.swarmtube.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A host name or IP address and a port, as in {@code 127.0.0.1:6881} or {@code [::1]:6881}.
 *
 * @param host a host name or literal address (IPv6 without brackets)
 * @param port 0-65535
 */
public record HostPort(String host, int port) {
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("empty host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /**
     * Parses {@code HOST:PORT} or {@code [IPV6]:PORT}.
     *
     * @throws IllegalArgumentException with a message naming the bad text
     */
    public static HostPort parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + text + "'");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        else if (host.contains(":")) throw new IllegalArgumentException("write IPv6 addresses as [ADDR]:PORT: '" + text + "'");
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + text + "'");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range in '" + text + "'");
        return new HostPort(host, port);
    }

    /** Parses a comma-separated list; an empty or blank text is the empty list. */
    public static List<HostPort> parseList(String text) {
        List<HostPort> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String part : text.split(",")) {
            if (!part.isBlank()) out.add(parse(part));
        }
        return out;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
