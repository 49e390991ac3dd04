package org.swarmtube.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.ChannelStore;
import org.swarmtube.catalog.Subscription;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.ChannelLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the channels this node knows up to date: subscriptions every poll interval, channels only
 * heard of (recommended, on the LAN, opened by link) less often, on demand at once; stores the
 * pointers it holds again every hour; downloads new videos of "keep a copy" subscriptions.
 */
final class ChannelPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelPoller.class);
    static final Duration REPUT_INTERVAL = Duration.ofHours(1);
    /** Channels not subscribed to are looked up this many times less often. */
    private static final int DISCOVERED_FACTOR = 6;

    private final ChannelSync sync;
    private final ChannelStore store;
    private final OwnChannel own;
    private final java.util.function.BiConsumer<VideoSummary, List<String>> keepCopy;
    private final List<Consumer<NewVideos>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "channel-poll"));
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> daemon(r, "channel-sync"));
    private long rounds;
    private volatile boolean closed;

    ChannelPoller(ChannelSync sync, ChannelStore store, OwnChannel own, Duration interval,
                  java.util.function.BiConsumer<VideoSummary, List<String>> keepCopy) {
        this.sync = sync;
        this.store = store;
        this.own = own;
        this.keepCopy = keepCopy;
        timer.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::reput, REPUT_INTERVAL.toMillis(), REPUT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void onNewVideos(Consumer<NewVideos> listener) {
        listeners.add(listener);
    }

    /** Looks a channel up now, off the caller's thread. */
    CompletableFuture<ChannelSync.Result> pollNow(ChannelLink link) {
        return CompletableFuture.supplyAsync(() -> syncAndAct(link), workers);
    }

    private void round() {
        try {
            boolean everyone = rounds++ % DISCOVERED_FACTOR == 0;
            for (Subscription s : store.subscriptions()) workers.execute(() -> syncAndAct(s.link()));
            for (ChannelInfo c : store.channels()) {
                if (c.subscribed() || c.blocked() || c.publicKeyHex().equals(own.publicKeyHex())) continue;
                // a channel heard of but never fetched is tried every round until it is
                if (everyone || c.name().isEmpty()) c.link().ifPresent(link -> workers.execute(() -> syncAndAct(link)));
            }
        } catch (RuntimeException e) {
            LOG.warn("polling channels: {}", e.toString());
        }
    }

    private ChannelSync.Result syncAndAct(ChannelLink link) {
        try {
            return syncAndActOrThrow(link);
        } catch (RuntimeException e) {
            // the node may be closing under a sync (its database gone): nothing to report then
            if (closed) LOG.debug("sync of {} ended by the node stopping: {}", link.publicKeyHex(), e.toString());
            else LOG.warn("sync of {} failed: {}", link.publicKeyHex(), e.toString());
            return new ChannelSync.Result(ChannelSync.Result.Outcome.FAILED, 0, Verb.sentence(e));
        }
    }

    private ChannelSync.Result syncAndActOrThrow(ChannelLink link) {
        ChannelSync.Result result = sync.sync(link);
        if (result.outcome() == ChannelSync.Result.Outcome.UPDATED) {
            String key = link.publicKeyHex();
            // channels the catalog recommends are looked up at once, so they can be browsed
            store.channel(key).ifPresent(c -> c.recommended().forEach(r -> {
                boolean unknown = store.channel(r.publicKeyHex()).map(info -> info.name().isEmpty()).orElse(true);
                if (unknown && !r.publicKeyHex().equals(own.publicKeyHex())) workers.execute(() -> sync.sync(r));
            }));
            store.subscriptions().stream().filter(s -> s.link().publicKeyHex().equals(key)).findFirst().ifPresent(s -> {
                if (s.keepCopy()) {
                    List<String> peers = sync.peerHints(key);
                    store.channelVideos(key, 0, ChannelStore.MAX_PAGE).forEach(v -> keepCopy.accept(v, peers));
                }
                if (result.added() > 0) {
                    String name = store.channel(key).flatMap(ChannelInfo::name).orElse(key.substring(0, 8));
                    NewVideos event = new NewVideos(key, name, result.added());
                    listeners.forEach(l -> l.accept(event));
                }
            });
        }
        return result;
    }

    private void reput() {
        own.reput();
        sync.reputAll();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            // a sync in flight must end before the node closes the database and the engine
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) LOG.debug("channel syncs still running at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
