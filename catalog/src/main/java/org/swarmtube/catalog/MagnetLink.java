package org.swarmtube.catalog;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A video's magnet link (BEP 9): {@code magnet:?xt=urn:btih:<infohash>&dn=<name>&tr=<tracker>&x.pe=<peer>}.
 * Parsing checks the form strictly and says what is wrong, so a person pasting a broken link gets
 * a sentence rather than a stack trace.
 *
 * @param infohash    v1 infohash, 40 lower-case hex digits
 * @param displayName the {@code dn} parameter, possibly empty
 * @param trackers    {@code tr} parameters in order
 * @param peers       {@code x.pe} peer hints ({@code host:port}) in order
 * @param webSeeds    {@code ws} parameters in order
 */
public record MagnetLink(String infohash, String displayName, List<String> trackers, List<String> peers,
                         List<String> webSeeds) {
    private static final String PREFIX = "magnet:?";
    private static final int MAX_LENGTH = 64 * 1024;

    public MagnetLink {
        infohash = Infohash.normalize(infohash);
        displayName = displayName == null ? "" : displayName;
        trackers = List.copyOf(trackers);
        peers = List.copyOf(peers);
        webSeeds = List.copyOf(webSeeds);
    }

    /** A link with just the infohash. */
    public static MagnetLink of(String infohash) {
        return new MagnetLink(infohash, "", List.of(), List.of(), List.of());
    }

    /**
     * Parses a magnet link, or a bare infohash (40 hex or 32 base32 digits).
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static MagnetLink parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the link is empty");
        String t = text.trim();
        if (Infohash.isInfohash(t)) return of(t);
        if (t.length() > MAX_LENGTH) throw new IllegalArgumentException("the link is too long");
        if (!t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not a magnet link or infohash: it must start with 'magnet:?'");
        }
        String infohash = null;
        String name = "";
        List<String> trackers = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        List<String> webSeeds = new ArrayList<>();
        for (String pair : t.substring(PREFIX.length()).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("malformed magnet link: parameter '" + pair + "' has no value");
            String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
            String value;
            try {
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed magnet link: bad escape in '" + pair + "'");
            }
            switch (key) {
                case "xt" -> {
                    String lower = value.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("urn:btih:")) {
                        String hash = value.substring("urn:btih:".length());
                        if (!Infohash.isInfohash(hash)) {
                            throw new IllegalArgumentException("malformed magnet link: the infohash '" + hash
                                    + "' is not 40 hex digits");
                        }
                        infohash = Infohash.normalize(hash);
                    }
                    // urn:btmh: (v2) is accepted alongside a btih and otherwise ignored
                }
                case "dn" -> name = value;
                case "tr" -> trackers.add(value);
                case "x.pe" -> peers.add(value);
                case "ws" -> webSeeds.add(value);
                default -> { /* other parameters are allowed and ignored */ }
            }
        }
        if (infohash == null) {
            throw new IllegalArgumentException("malformed magnet link: no 'xt=urn:btih:' infohash");
        }
        return new MagnetLink(infohash, name, trackers, peers, webSeeds);
    }

    /** This link with one more peer hint. */
    public MagnetLink withPeer(String hostPort) {
        List<String> more = new ArrayList<>(peers);
        more.add(hostPort);
        return new MagnetLink(infohash, displayName, trackers, more, webSeeds);
    }

    /** The link as text. */
    public String toUri() {
        StringBuilder b = new StringBuilder(PREFIX).append("xt=urn:btih:").append(infohash);
        if (!displayName.isEmpty()) b.append("&dn=").append(encode(displayName));
        for (String tracker : trackers) b.append("&tr=").append(encode(tracker));
        for (String seed : webSeeds) b.append("&ws=").append(encode(seed));
        for (String peer : peers) b.append("&x.pe=").append(encode(peer));
        return b.toString();
    }

    /** The video id of this link's torrent. */
    public VideoId videoId() {
        return VideoId.ofInfohash(infohash);
    }

    @Override
    public String toString() {
        return toUri();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
