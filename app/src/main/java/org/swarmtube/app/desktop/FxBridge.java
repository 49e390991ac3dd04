package org.swarmtube.app.desktop;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way between the node and the JavaFX thread: work runs on background threads, results
 * and periodic snapshots are handed to the FX thread. Views never block the FX thread.
 */
public final class FxBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxBridge.class);
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "ui-work-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ui-snapshots");
        t.setDaemon(true);
        return t;
    });

    /** A periodic snapshot that can be stopped (when its view is hidden). */
    public interface Subscription {
        void cancel();
    }

    /**
     * Runs {@code work} in the background, then {@code onResult} on the FX thread; a failure goes
     * to {@code onError} on the FX thread.
     */
    public <T> void run(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        workers.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> onResult.accept(result));
            } catch (RuntimeException e) {
                LOG.debug("background work failed", e);
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    /** Takes a snapshot every {@code period} in the background and shows it on the FX thread. */
    public <T> Subscription every(Duration period, Supplier<T> snapshot, Consumer<T> show) {
        ScheduledFuture<?> task = ticker.scheduleWithFixedDelay(() -> {
            try {
                T value = snapshot.get();
                Platform.runLater(() -> show.accept(value));
            } catch (RuntimeException e) {
                LOG.debug("snapshot failed: {}", e.toString());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    /** Runs on the FX thread (at once if already there). */
    public void fx(Runnable action) {
        if (Platform.isFxApplicationThread()) action.run();
        else Platform.runLater(action);
    }

    /**
     * Stops the snapshots and the background work, and waits (a few seconds at most) for what is running
     * to return: call it before the node closes, so no snapshot reads an engine that is being torn down.
     */
    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        try {
            if (!ticker.awaitTermination(5, TimeUnit.SECONDS) || !workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("background work still running after 5 s while closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
