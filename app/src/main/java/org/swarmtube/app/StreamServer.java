package org.swarmtube.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.swarm.FileStream;
import org.swarmtube.swarm.SwarmEngine;
import org.swarmtube.swarm.SwarmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the files of the node's torrents over HTTP on 127.0.0.1, while they download, to a
 * player: {@code GET /<secret>/<infohash>[/<name>]} with byte ranges. Every request opens its own
 * reader, so a player's several connections each move their own piece window. The per-run secret
 * in the path keeps other local users and web pages out.
 */
final class StreamServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);
    private static final Pattern PATH = Pattern.compile("/([0-9a-f]{64})/([0-9a-fA-F]{40})(?:/[^/]*)?");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Map<String, String> TYPES = Map.of("mp4", "video/mp4", "m4v", "video/mp4", "webm", "video/webm",
            "mkv", "video/x-matroska", "mov", "video/quicktime", "avi", "video/x-msvideo", "ts", "video/mp2t",
            "ogv", "video/ogg", "mp3", "audio/mpeg", "ogg", "audio/ogg");

    private final SwarmEngine swarm;
    private final HttpServer server;
    private final ExecutorService workers;
    private final String secret;
    private final HoldBack holdBack;

    private StreamServer(SwarmEngine swarm, HoldBack holdBack, HttpServer server, ExecutorService workers, String secret) {
        this.swarm = swarm;
        this.holdBack = holdBack;
        this.server = server;
        this.workers = workers;
        this.secret = secret;
    }

    static StreamServer start(SwarmEngine swarm, HoldBack holdBack) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        // one thread per connection: a read may wait for a piece for a long time
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stream-http");
            t.setDaemon(true);
            return t;
        });
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        StreamServer stream = new StreamServer(swarm, holdBack, server, workers, HexFormat.of().formatHex(random));
        server.createContext("/", stream::handle);
        server.setExecutor(workers);
        server.start();
        return stream;
    }

    /** The URL of a torrent's largest file; {@code name} only helps players guess the format. */
    String url(String infohash, String name) {
        String tail = name == null || name.isEmpty() ? "" : "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + secret + "/" + Infohash.normalize(infohash) + tail;
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            serve(exchange);
        } catch (IOException e) {
            // the player went away mid-answer: normal when it seeks
            LOG.debug("stream client left: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("stream request failed", e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            empty(exchange, 405);
            return;
        }
        Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
        if (!path.matches() || !MessageDigest.isEqual(path.group(1).getBytes(StandardCharsets.US_ASCII),
                secret.getBytes(StandardCharsets.US_ASCII))) {
            empty(exchange, 404);
            return;
        }
        LOG.debug("stream: {} {}", method, exchange.getRequestHeaders().getFirst("Range"));
        FileStream stream;
        try {
            stream = swarm.openStream(path.group(2).toLowerCase(Locale.ROOT), Duration.ofSeconds(30));
        } catch (SwarmException e) {
            empty(exchange, 404);
            return;
        }
        try (stream) {
            long length = stream.length();
            long start = 0;
            long end = length; // exclusive
            String range = exchange.getRequestHeaders().getFirst("Range");
            boolean partial = range != null;
            if (partial) {
                long[] parsed = parseRange(range, length);
                if (parsed == null) {
                    empty(exchange, 400);
                    return;
                }
                if (parsed.length == 0) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + length);
                    empty(exchange, 416);
                    return;
                }
                start = parsed[0];
                end = parsed[1];
                exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (end - 1) + "/" + length);
            }
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            exchange.getResponseHeaders().set("Content-Type", contentType(stream.name()));
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(end - start));
                exchange.sendResponseHeaders(partial ? 206 : 200, -1);
                return;
            }
            exchange.sendResponseHeaders(partial ? 206 : 200, end - start);
            LOG.debug("stream: answering {}-{}", start, end);
            byte[] buffer = new byte[256 * 1024];
            String infohash = path.group(2).toLowerCase(Locale.ROOT);
            long at = start;
            try (OutputStream out = exchange.getResponseBody()) {
                while (at < end) {
                    long allowed = Math.min(end, holdBack.allowedEnd(infohash, stream, at));
                    int n = stream.read(at, buffer, 0, (int) Math.min(buffer.length, allowed - at));
                    if (n < 0) break;
                    if (at == start) LOG.debug("stream: first {} bytes at {} sent", n, start);
                    out.write(buffer, 0, n);
                    at += n;
                }
            } finally {
                LOG.debug("stream: answer from {} ended after {} bytes", start, at - start);
            }
        }
    }

    /**
     * Parses one {@code bytes=} range: null if malformed, an empty array if it cannot be
     * satisfied (past the end, or several ranges, which players never need), else
     * {@code [start, endExclusive]}.
     */
    static long[] parseRange(String header, long length) {
        String value = header.trim();
        if (value.contains(",")) return new long[0];
        Matcher m = RANGE.matcher(value);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return null;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) return new long[0];
                return new long[] {Math.max(0, length - suffix), length};
            }
            long start = Long.parseLong(m.group(1));
            if (start >= length) return new long[0];
            long last = m.group(2).isEmpty() ? length - 1 : Long.parseLong(m.group(2));
            if (last < start) return null;
            return new long[] {start, Math.min(last, length - 1) + 1};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
