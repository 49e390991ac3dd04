package org.swarmtube.catalog.channel;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel's link, the BEP 46 magnet form
 * {@code magnet:?xs=urn:btpk:<64 hex public key>&s=<salt hex>&x.pe=<host:port>}.
 *
 * <p>The public key and salt name the channel's BEP 44 mutable DHT item; the salt may be empty
 * (BEP 46 makes {@code s} optional) and is at most 64 bytes (BEP 44's limit). {@code x.pe} peer
 * hints are optional and only help the first fetch. Parsing is strict and every refusal says what
 * is wrong, so a person pasting a broken link gets a sentence, not a stack trace.
 *
 * @param publicKeyHex the channel's Ed25519 public key, 64 lower-case hex digits
 * @param saltHex      the BEP 44 salt in lower-case hex, possibly empty
 * @param peers        peer hints as {@code host:port} or {@code [v6]:port}, in order
 */
public record ChannelLink(String publicKeyHex, String saltHex, List<String> peers) {
    /** Most salt bytes BEP 44 allows. */
    public static final int MAX_SALT_BYTES = 64;
    private static final String PREFIX = "magnet:?";
    private static final String BTPK = "urn:btpk:";
    private static final int MAX_LENGTH = 8 * 1024;
    private static final int MAX_PEERS = 50;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2})*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]");

    /**
     * @throws IllegalArgumentException saying which part is malformed
     */
    public ChannelLink {
        publicKeyHex = Objects.requireNonNull(publicKeyHex, "publicKeyHex").toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(publicKeyHex).matches()) {
            throw new IllegalArgumentException("malformed channel link: the public key '" + publicKeyHex
                    + "' is not 64 hex digits (32 bytes)");
        }
        saltHex = saltHex == null ? "" : saltHex.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(saltHex).matches()) {
            throw new IllegalArgumentException("malformed channel link: the salt '" + saltHex
                    + "' is not an even number of hex digits");
        }
        if (saltHex.length() > 2 * MAX_SALT_BYTES) {
            throw new IllegalArgumentException("malformed channel link: the salt is longer than "
                    + MAX_SALT_BYTES + " bytes");
        }
        peers = List.copyOf(peers);
        if (peers.size() > MAX_PEERS) {
            throw new IllegalArgumentException("malformed channel link: more than " + MAX_PEERS + " peer hints");
        }
        for (String peer : peers) checkPeer(peer);
    }

    /** The link for a raw 32-byte public key and a salt (possibly empty), without peer hints. */
    public static ChannelLink of(byte[] publicKey, byte[] salt) {
        if (publicKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("a channel's public key has 32 bytes, not " + publicKey.length);
        }
        return new ChannelLink(HexFormat.of().formatHex(publicKey), HexFormat.of().formatHex(salt), List.of());
    }

    /**
     * Parses a channel link. Parameters other than {@code xs}, {@code s} and {@code x.pe} are
     * ignored, as magnet readers do.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static ChannelLink parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the channel link is empty");
        String t = text.strip();
        if (t.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the channel link is too long (over " + MAX_LENGTH + " characters)");
        }
        if (!t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not a channel link: it must start with 'magnet:?xs=urn:btpk:'");
        }
        String key = null;
        String salt = null;
        boolean videoLink = false;
        List<String> peers = new ArrayList<>();
        for (String pair : t.substring(PREFIX.length()).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("malformed channel link: parameter '" + pair + "' has no value");
            }
            String name = pair.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = decode(pair.substring(eq + 1), pair);
            switch (name) {
                case "xs" -> {
                    if (!value.regionMatches(true, 0, BTPK, 0, BTPK.length())) {
                        throw new IllegalArgumentException("malformed channel link: 'xs' must be 'urn:btpk:' and a"
                                + " public key, not '" + value + "'");
                    }
                    if (key != null) {
                        throw new IllegalArgumentException("malformed channel link: it names two public keys");
                    }
                    key = value.substring(BTPK.length());
                }
                case "s" -> {
                    if (salt != null) throw new IllegalArgumentException("malformed channel link: it has two salts");
                    salt = value;
                }
                case "x.pe" -> peers.add(value);
                case "xt" -> videoLink |= value.regionMatches(true, 0, "urn:btih:", 0, 9);
                default -> { /* other magnet parameters are allowed and ignored */ }
            }
        }
        if (key == null) {
            throw new IllegalArgumentException(videoLink
                    ? "this is a video link (xt=urn:btih:…), not a channel link (xs=urn:btpk:…)"
                    : "malformed channel link: no 'xs=urn:btpk:' public key");
        }
        return new ChannelLink(key, salt == null ? "" : salt, peers);
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return HexFormat.of().parseHex(publicKeyHex);
    }

    /** The raw salt, possibly empty. */
    public byte[] salt() {
        return HexFormat.of().parseHex(saltHex);
    }

    /** This link with one more peer hint. */
    public ChannelLink withPeer(String hostPort) {
        List<String> more = new ArrayList<>(peers);
        more.add(hostPort);
        return new ChannelLink(publicKeyHex, saltHex, more);
    }

    /** This link without peer hints: the channel's lasting address. */
    public ChannelLink withoutPeers() {
        return peers.isEmpty() ? this : new ChannelLink(publicKeyHex, saltHex, List.of());
    }

    /** The link as text; {@code s} is left out when the salt is empty. */
    public String toUri() {
        StringBuilder b = new StringBuilder(PREFIX).append("xs=").append(BTPK).append(publicKeyHex);
        if (!saltHex.isEmpty()) b.append("&s=").append(saltHex);
        // a checked peer hint holds only letters, digits, '.', '-', ':' and brackets: nothing to escape
        for (String peer : peers) b.append("&x.pe=").append(peer);
        return b.toString();
    }

    @Override
    public String toString() {
        return toUri();
    }

    private static String decode(String value, String pair) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed channel link: bad %-escape in '" + pair + "'");
        }
    }

    private static void checkPeer(String peer) {
        int colon = peer == null ? -1 : peer.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("malformed channel link: the peer hint '" + peer
                    + "' is not host:port");
        }
        String host = peer.substring(0, colon);
        String port = peer.substring(colon + 1);
        if (!(HOST.matcher(host).matches() || IPV6.matcher(host).matches())) {
            throw new IllegalArgumentException("malformed channel link: the peer hint '" + peer
                    + "' has no valid host (an IPv6 address goes in brackets: [::1]:6881)");
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("malformed channel link: the peer hint '" + peer
                    + "' has no port between 1 and 65535");
        }
    }
}
