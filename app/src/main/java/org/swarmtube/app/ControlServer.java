package org.swarmtube.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local control API of a running node: HTTP on 127.0.0.1 only, every request carrying the
 * per-run secret as {@code Authorization: Bearer <token>}. Bodies are JSON; errors are
 * {@code {"error": "<sentence>"}} with a 4xx status.
 */
final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final int MAX_BODY = 64 * 1024;

    private final NodeApi node;
    private final Home home;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ControlEndpoint endpoint;

    private ControlServer(NodeApi node, Home home, HttpServer server, ExecutorService workers, ControlEndpoint endpoint) {
        this.node = node;
        this.home = home;
        this.server = server;
        this.workers = workers;
        this.endpoint = endpoint;
    }

    /** Starts serving {@code node} and writes {@code control.json} so other commands find it. */
    static ControlServer start(NodeApi node, Home home) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "control-api");
            t.setDaemon(true);
            return t;
        });
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        ControlEndpoint endpoint = new ControlEndpoint(server.getAddress().getPort(), HexFormat.of().formatHex(secret),
                ProcessHandle.current().pid());
        ControlServer control = new ControlServer(node, home, server, workers, endpoint);
        server.createContext("/v1/", control::handle);
        server.setExecutor(workers);
        server.start();
        endpoint.write(home);
        return control;
    }

    int port() {
        return endpoint.port();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) {
        if (!authorised(exchange)) {
            reply(exchange, 401, Map.of("error", "missing or wrong control token"));
            return;
        }
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try {
            Object answer = switch (route) {
                case "GET /v1/ping" -> Map.of("ok", true);
                case "GET /v1/status" -> node.status();
                case "POST /v1/publish" -> node.publish(Json.MAPPER.treeToValue(body(exchange), NodeApi.PublishCommand.class));
                case "POST /v1/fetch" -> {
                    JsonNode body = body(exchange);
                    yield node.startFetch(body.path("link").asText(), Path.of(body.path("out").asText()));
                }
                case "GET /v1/fetch" -> node.fetchProgress(query(exchange, "infohash"));
                case "POST /v1/stream" -> node.stream(body(exchange).path("what").asText());
                case "GET /v1/channel" -> node.channel();
                case "POST /v1/channel" -> {
                    JsonNode body = body(exchange);
                    List<String> recommend = null;
                    if (body.has("recommend")) {
                        recommend = new ArrayList<>();
                        for (JsonNode link : body.path("recommend")) recommend.add(link.asText());
                    }
                    yield node.editChannel(body.has("name") ? body.path("name").asText() : null,
                            body.has("description") ? body.path("description").asText() : null, recommend);
                }
                case "POST /v1/subscribe" -> {
                    JsonNode body = body(exchange);
                    yield node.subscribe(body.path("link").asText(), body.path("keepCopy").asBoolean(false));
                }
                case "POST /v1/unsubscribe" -> node.unsubscribe(body(exchange).path("link").asText());
                case "POST /v1/block" -> node.block(body(exchange).path("link").asText());
                case "GET /v1/feed" -> node.feed();
                case "POST /v1/search" -> node.search(body(exchange).path("query").asText());
                case "GET /v1/channels" -> node.channels();
                case "POST /v1/unpublish" -> node.unpublish(body(exchange).path("videoId").asText());
                case "POST /v1/open" -> open(body(exchange).path("link").asText(""));
                default -> null;
            };
            if (answer == null) reply(exchange, 404, Map.of("error", "no such request: " + route));
            else reply(exchange, 200, answer);
        } catch (IOException e) {
            reply(exchange, 400, Map.of("error", "malformed request: " + e.getMessage()));
        } catch (RuntimeException e) {
            // a person's mistake or the node's refusal: the message is the answer
            LOG.debug("{} refused: {}", route, e.toString());
            reply(exchange, 400, Map.of("error", Verb.sentence(e)));
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Bearer " + endpoint.token();
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    /** A second launch hands its link (or "" to raise the window) to this process's window. */
    private Object open(String link) {
        if (!(node instanceof Node n) || !n.openLink(link)) {
            throw new IllegalStateException("the node on " + home + " runs without a window ('swarmtube node'); stop it"
                    + " to open the window there, or use the command line");
        }
        return Map.of("opened", true);
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] data = in.readNBytes(MAX_BODY + 1);
            if (data.length > MAX_BODY) throw new IllegalArgumentException("request body too large");
            return Json.MAPPER.readTree(data);
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getQuery();
        List<String> values = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) values.add(pair.substring(name.length() + 1));
            }
        }
        if (values.size() != 1) throw new IllegalArgumentException("expected one '" + name + "' parameter");
        return values.get(0);
    }

    private static void reply(HttpExchange exchange, int status, Object body) {
        try {
            byte[] data = Json.MAPPER.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, data.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(data);
            }
        } catch (IOException e) {
            LOG.debug("cannot answer the control client: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        ControlEndpoint.delete(home, endpoint);
        server.stop(0);
        workers.shutdownNow();
    }
}
