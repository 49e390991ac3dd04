package org.swarmtube.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.swarmtube.catalog.channel.ChannelLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds channels on the local network without configuration: every node multicasts its channel's
 * key (and the port peers reach it on) to a site-local group once a minute, and listens for the
 * others. What arrives is only a hint: the channel is then looked up and verified like any other.
 */
final class LanDiscovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LanDiscovery.class);
    static final String GROUP = "239.192.77.77";
    static final int PORT = 6777;
    static final long ANNOUNCE_SECONDS = 60;
    private static final int MAX_PACKET = 512;

    private final MulticastSocket socket;
    private final InetSocketAddress group;
    private final byte[] announcement;
    private final String ownKey;
    private final Consumer<ChannelLink> found;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lan-announce");
        t.setDaemon(true);
        return t;
    });
    private final Thread receiver;
    private volatile boolean closed;
    private final java.util.Set<String> heard = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param interfaceName the network interface to use, or null for the system's default
     * @param own           this node's channel (announced)
     * @param listenPort    the port peers reach this node on
     * @param found         told of every other channel heard, with the sender as peer hint
     */
    LanDiscovery(String interfaceName, ChannelLink own, int listenPort, Consumer<ChannelLink> found) throws IOException {
        this.ownKey = own.publicKeyHex();
        this.found = found;
        this.group = new InetSocketAddress(InetAddress.getByName(GROUP), PORT);
        this.announcement = Json.MAPPER.writeValueAsBytes(Map.of("swarmtube", 1, "key", own.publicKeyHex(),
                "salt", own.saltHex(), "port", listenPort));
        socket = new MulticastSocket(PORT);
        try {
            NetworkInterface nif = interfaceName != null ? NetworkInterface.getByName(interfaceName) : defaultInterface();
            if (nif == null) throw new SocketException("no multicast-capable network interface");
            socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            socket.setTimeToLive(1); // never beyond the local network
            socket.joinGroup(group, nif);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        receiver = new Thread(this::receive, "lan-discovery");
        receiver.setDaemon(true);
        receiver.start();
        timer.scheduleWithFixedDelay(this::announce, 0, ANNOUNCE_SECONDS, TimeUnit.SECONDS);
    }

    private static NetworkInterface defaultInterface() throws SocketException {
        for (NetworkInterface nif : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && nif.supportsMulticast() && !nif.isLoopback() && !nif.isVirtual()
                    && nif.inetAddresses().anyMatch(a -> a instanceof java.net.Inet4Address)) {
                return nif;
            }
        }
        return null;
    }

    void announce() {
        try {
            socket.send(new DatagramPacket(announcement, announcement.length, group));
        } catch (IOException e) {
            if (!closed) LOG.debug("LAN announcement failed: {}", e.getMessage());
        }
    }

    private void receive() {
        byte[] buffer = new byte[MAX_PACKET];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                JsonNode json = Json.MAPPER.readTree(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
                if (json.path("swarmtube").asInt() != 1) continue;
                String key = json.path("key").asText();
                int port = json.path("port").asInt();
                if (key.equals(ownKey) || port <= 0 || port > 65535) continue;
                String host = packet.getAddress().getHostAddress();
                ChannelLink link = new ChannelLink(key, json.path("salt").asText(), List.of(host + ":" + port));
                if (heard.add(key)) {
                    // a node just started: answer at once instead of making it wait a minute
                    timer.schedule(this::announce, 200, TimeUnit.MILLISECONDS);
                }
                found.accept(link);
            } catch (IllegalArgumentException | IOException e) {
                // a stranger's garbage or a malformed link: ignore it
                if (!closed) LOG.debug("ignoring a LAN packet: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("LAN discovery: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        socket.close();
    }
}
