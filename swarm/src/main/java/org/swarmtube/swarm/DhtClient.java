package org.swarmtube.swarm;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a signed BEP 44 item on the DHT nodes closest to its target, speaking KRPC over its own
 * UDP socket. libtorrent can only put an item it signs itself; a subscriber keeping a channel
 * alive holds the creator's signature but not the key, so this client does the iterative
 * {@code get} (for the nodes' write tokens) and the {@code put} on its own, read-only (BEP 43):
 * it answers no queries and joins no routing table.
 */
final class DhtClient {
    private static final Logger LOG = LoggerFactory.getLogger(DhtClient.class);
    static final int K = 8;
    private static final int MAX_ROUNDS = 8;
    private static final int ROUND_MILLIS = 400;
    private static final int MAX_PACKET = 1500;

    /** A DHT node: its id if known (null otherwise) and its UDP address. */
    record Contact(byte[] id, InetSocketAddress address) {
    }

    private record Responder(Contact contact, byte[] token, long seq) {
    }

    private final String bindHost;
    private final SecureRandom random = new SecureRandom();
    private final byte[] ownId = new byte[20];

    DhtClient(String bindHost) {
        this.bindHost = bindHost;
        random.nextBytes(ownId);
    }

    /**
     * Stores {@code pointer} on the closest nodes found from {@code start}.
     *
     * @return how many nodes acknowledged the put (0 if none was found or every one holds a newer item)
     */
    synchronized int put(ChannelPointer pointer, List<Contact> start) throws IOException {
        byte[] target = sha1(concat(pointer.publicKey(), pointer.salt()));
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bindHost, 0))) {
            List<Responder> closest = lookup(socket, target, start);
            int acknowledged = 0;
            Map<String, Contact> pending = new HashMap<>();
            for (Responder r : closest) {
                if (r.seq() > pointer.seq()) {
                    LOG.debug("{} holds a newer item (seq {} > {})", r.contact().address(), r.seq(), pointer.seq());
                    continue;
                }
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("id", ownId);
                args.put("k", pointer.publicKey());
                if (pointer.salt().length > 0) args.put("salt", pointer.salt());
                args.put("seq", pointer.seq());
                args.put("sig", pointer.signature());
                args.put("token", r.token());
                args.put("v", new Bencode.Raw(pointer.value()));
                pending.put(send(socket, r.contact().address(), "put", args), r.contact());
            }
            long deadline = System.nanoTime() + ROUND_MILLIS * 2_000_000L;
            while (!pending.isEmpty()) {
                Map<String, Object> reply = receive(socket, deadline);
                if (reply == null) break;
                Contact from = pending.remove(transaction(reply));
                if (from == null) continue;
                if (bytesEqual(reply.get("y"), "r")) acknowledged++;
                else LOG.debug("put refused by {}: {}", from.address(), describeError(reply));
            }
            return acknowledged;
        }
    }

    /** An iterative {@code get}: the K closest nodes that answered, with their write tokens. */
    private List<Responder> lookup(DatagramSocket socket, byte[] target, List<Contact> start) throws IOException {
        Map<InetSocketAddress, Contact> candidates = new LinkedHashMap<>();
        for (Contact c : start) candidates.putIfAbsent(c.address(), c);
        Set<InetSocketAddress> queried = new HashSet<>();
        Map<InetSocketAddress, Responder> responders = new HashMap<>();
        Comparator<Contact> byDistance = (a, b) -> compareDistance(a.id(), b.id(), target);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Contact> next = candidates.values().stream().filter(c -> !queried.contains(c.address()))
                    .sorted(byDistance).limit(K).toList();
            if (next.isEmpty()) break;
            byte[] bestBefore = closestId(responders.values(), target);
            Map<String, Contact> pending = new HashMap<>();
            for (Contact c : next) {
                queried.add(c.address());
                pending.put(send(socket, c.address(), "get", Map.of("id", ownId, "target", target)), c);
            }
            long deadline = System.nanoTime() + ROUND_MILLIS * 1_000_000L;
            while (!pending.isEmpty()) {
                Map<String, Object> reply = receive(socket, deadline);
                if (reply == null) break;
                Contact asked = pending.remove(transaction(reply));
                if (asked == null || !(reply.get("r") instanceof Map<?, ?> r)) continue;
                byte[] id = r.get("id") instanceof byte[] b && b.length == 20 ? b : asked.id();
                Contact known = new Contact(id, asked.address());
                if (r.get("token") instanceof byte[] token) {
                    long seq = r.get("seq") instanceof Long s ? s : -1;
                    responders.put(asked.address(), new Responder(known, token, seq));
                }
                if (r.get("nodes") instanceof byte[] nodes) {
                    for (Contact c : compactNodes(nodes)) candidates.putIfAbsent(c.address(), c);
                }
            }
            byte[] bestAfter = closestId(responders.values(), target);
            if (round > 0 && bestBefore != null && bestAfter != null && compareDistance(bestAfter, bestBefore, target) >= 0
                    && responders.size() >= K) {
                break; // no closer node answered this round
            }
        }
        return responders.values().stream().sorted((a, b) -> byDistance.compare(a.contact(), b.contact()))
                .limit(K).toList();
    }

    private String send(DatagramSocket socket, InetSocketAddress to, String query, Map<String, Object> args)
            throws IOException {
        byte[] tid = new byte[4];
        random.nextBytes(tid);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("t", tid);
        message.put("y", "q");
        message.put("q", query);
        message.put("a", args);
        message.put("ro", 1L);
        byte[] bytes = Bencode.encode(message);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
        return Arrays.toString(tid);
    }

    /** The next well-formed reply, or null once the deadline passed. Garbage is skipped. */
    private static Map<String, Object> receive(DatagramSocket socket, long deadlineNanos) throws IOException {
        byte[] buffer = new byte[MAX_PACKET];
        while (true) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (left <= 0) return null;
            socket.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            try {
                Object decoded = Bencode.decode(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (decoded instanceof Map<?, ?> map && map.get("t") instanceof byte[]) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> reply = (Map<String, Object>) map;
                    return reply;
                }
            } catch (Bencode.MalformedException e) {
                LOG.debug("ignoring a malformed DHT packet from {}: {}", packet.getSocketAddress(), e.getMessage());
            }
        }
    }

    private static String transaction(Map<String, Object> reply) {
        return Arrays.toString((byte[]) reply.get("t"));
    }

    private static List<Contact> compactNodes(byte[] nodes) {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i + 26 <= nodes.length; i += 26) {
            try {
                InetAddress ip = InetAddress.getByAddress(Arrays.copyOfRange(nodes, i + 20, i + 24));
                int port = ((nodes[i + 24] & 0xff) << 8) | (nodes[i + 25] & 0xff);
                if (port == 0) continue;
                out.add(new Contact(Arrays.copyOfRange(nodes, i, i + 20), new InetSocketAddress(ip, port)));
            } catch (IOException e) {
                // four bytes are always an IPv4 address
            }
        }
        return out;
    }

    private static byte[] closestId(Iterable<Responder> responders, byte[] target) {
        byte[] best = null;
        for (Responder r : responders) {
            byte[] id = r.contact().id();
            if (id != null && (best == null || compareDistance(id, best, target) < 0)) best = id;
        }
        return best;
    }

    /** XOR distance order; unknown ids come last. */
    static int compareDistance(byte[] a, byte[] b, byte[] target) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        for (int i = 0; i < target.length; i++) {
            int da = (a[i] ^ target[i]) & 0xff;
            int db = (b[i] ^ target[i]) & 0xff;
            if (da != db) return Integer.compare(da, db);
        }
        return 0;
    }

    private static String describeError(Map<String, Object> reply) {
        if (reply.get("e") instanceof List<?> e && !e.isEmpty()) {
            return e.stream().map(x -> x instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                    : String.valueOf(x)).toList().toString();
        }
        return "no reason given";
    }

    private static boolean bytesEqual(Object value, String expected) {
        return value instanceof byte[] b && Arrays.equals(b, expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
