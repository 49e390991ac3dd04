package org.swarmtube.app.desktop;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.swarmtube.app.Node;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.Jpeg;

/**
 * Thumbnails and avatars for the cards, read from the catalog and decoded in the background, newest
 * request first (while scrolling fast, the cards on screen win over those already gone), kept in a
 * small cache. FX thread only, except the work handed to the bridge.
 */
final class Thumbnails {
    private static final int CACHE = 400;
    private static final int IN_FLIGHT = 2;
    private static final int QUEUE = 80;
    /** A decoded image, or none: the catalog has no thumbnail. */
    private static final Image NONE = new javafx.scene.image.WritableImage(1, 1);

    private final Node node;
    private final FxBridge bridge;
    private final Map<String, Image> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHE;
        }
    };
    private final Deque<Request> queue = new ArrayDeque<>();
    private final Map<String, Request> queued = new java.util.HashMap<>();
    private int inFlight;

    private record Request(String key, java.util.function.Supplier<Optional<Jpeg>> read, double width,
                           java.util.List<Consumer<Image>> waiting) {
    }

    Thumbnails(Node node, FxBridge bridge) {
        this.node = node;
        this.bridge = bridge;
    }

    /** Calls {@code show} on the FX thread with the video's thumbnail, or with null when it has none. */
    void thumbnail(VideoSummary video, Consumer<Image> show) {
        String key = "v:" + video.channelKey() + "/" + video.videoId();
        load(key, () -> node.channelStore().video(video.channelKey(), video.videoId()).flatMap(e -> e.thumbnail()), 320, show);
    }

    /** Calls {@code show} on the FX thread with the channel's avatar, or with null when it has none. */
    void avatar(String channelKey, Consumer<Image> show) {
        load("a:" + channelKey, () -> node.channelStore().avatar(channelKey), 160, show);
    }

    private void load(String key, java.util.function.Supplier<Optional<Jpeg>> read, double width, Consumer<Image> show) {
        Image cached = cache.get(key);
        if (cached != null) {
            show.accept(cached == NONE ? null : cached);
            return;
        }
        Request pending = queued.get(key);
        if (pending != null) {
            pending.waiting().add(show);
            queue.remove(pending);
            queue.addFirst(pending);
            return;
        }
        Request request = new Request(key, read, width, new java.util.ArrayList<>(java.util.List.of(show)));
        queued.put(key, request);
        queue.addFirst(request);
        while (queue.size() > QUEUE) queued.remove(queue.removeLast().key());
        pump();
    }

    private void pump() {
        while (inFlight < IN_FLIGHT && !queue.isEmpty()) {
            Request next = queue.removeFirst();
            inFlight++;
            bridge.run(() -> next.read().get().map(jpeg -> decode(jpeg, next.width())).orElse(NONE), image -> {
                done(next, image);
            }, error -> done(next, NONE));
        }
    }

    private void done(Request request, Image image) {
        inFlight--;
        queued.remove(request.key());
        cache.put(request.key(), image);
        for (Consumer<Image> show : request.waiting()) show.accept(image == NONE ? null : image);
        pump();
    }

    private static Image decode(Jpeg jpeg, double width) {
        Image image = new Image(new ByteArrayInputStream(jpeg.bytes()), width, 0, true, true);
        return image.isError() ? NONE : image;
    }
}
