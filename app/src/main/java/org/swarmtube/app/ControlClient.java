package org.swarmtube.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Talks to the node running on the same data directory through its control API. */
final class ControlClient implements NodeApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ControlEndpoint endpoint;

    private ControlClient(ControlEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** A client for the node running on {@code home}, if one answers. */
    static Optional<ControlClient> connect(Home home) {
        return ControlEndpoint.read(home).filter(ControlEndpoint::processAlive).map(ControlClient::new)
                .filter(ControlClient::answers);
    }

    private boolean answers() {
        try {
            call("GET", "/v1/ping", null, JsonNode.class);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public PublishResult publish(PublishCommand command) {
        PublishCommand absolute = new PublishCommand(command.file().toAbsolutePath(), command.title(),
                command.description(), command.tags(), command.trackers(), command.webSeeds(), command.anyFile());
        return call("POST", "/v1/publish", absolute, PublishResult.class);
    }

    @Override
    public FetchProgress startFetch(String link, Path out) {
        return call("POST", "/v1/fetch", Map.of("link", link, "out", out.toAbsolutePath().toString()), FetchProgress.class);
    }

    @Override
    public FetchProgress fetchProgress(String infohash) {
        return call("GET", "/v1/fetch?infohash=" + infohash, null, FetchProgress.class);
    }

    @Override
    public StreamUrl stream(String what) {
        return call("POST", "/v1/stream", Map.of("what", what), StreamUrl.class);
    }

    @Override
    public StatusReport status() {
        return call("GET", "/v1/status", null, StatusReport.class);
    }

    @Override
    public ChannelView channel() {
        return call("GET", "/v1/channel", null, ChannelView.class);
    }

    @Override
    public ChannelView editChannel(String name, String description, java.util.List<String> recommend) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (name != null) body.put("name", name);
        if (description != null) body.put("description", description);
        if (recommend != null) body.put("recommend", recommend);
        return call("POST", "/v1/channel", body, ChannelView.class);
    }

    @Override
    public ChannelChange subscribe(String link, boolean keepCopy) {
        return call("POST", "/v1/subscribe", Map.of("link", link, "keepCopy", keepCopy), ChannelChange.class);
    }

    @Override
    public ChannelChange unsubscribe(String link) {
        return call("POST", "/v1/unsubscribe", Map.of("link", link), ChannelChange.class);
    }

    @Override
    public ChannelChange block(String link) {
        return call("POST", "/v1/block", Map.of("link", link), ChannelChange.class);
    }

    @Override
    public VideoList feed() {
        return call("GET", "/v1/feed", null, VideoList.class);
    }

    @Override
    public VideoList search(String query) {
        return call("POST", "/v1/search", Map.of("query", query), VideoList.class);
    }

    @Override
    public ChannelList channels() {
        return call("GET", "/v1/channels", null, ChannelList.class);
    }

    @Override
    public UnpublishResult unpublish(String videoId) {
        return call("POST", "/v1/unpublish", Map.of("videoId", videoId), UnpublishResult.class);
    }

    private <T> T call(String method, String path, Object body, Class<T> type) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                    .header("Authorization", "Bearer " + endpoint.token())
                    .timeout(Duration.ofMinutes(30));
            if (body == null) request.method(method, HttpRequest.BodyPublishers.noBody());
            else request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                String error = Json.MAPPER.readTree(response.body()).path("error").asText("the node answered " + response.statusCode());
                throw new IllegalArgumentException(error);
            }
            return Json.MAPPER.readValue(response.body(), type);
        } catch (ConnectException e) {
            throw new IllegalStateException("the node on this data directory stopped answering");
        } catch (IOException e) {
            throw new IllegalStateException("cannot talk to the running node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
