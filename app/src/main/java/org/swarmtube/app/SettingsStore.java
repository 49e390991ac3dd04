package org.swarmtube.app;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's current {@link Settings}: read once at start, written to {@code settings.json} on
 * every change, and announced to listeners (the engine's limits, the library's quota and seeding
 * policy, the desktop window's theme). Thread-safe.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Home home;
    private final List<Consumer<Settings>> listeners = new CopyOnWriteArrayList<>();
    private volatile Settings current;

    /** A handle on a listener; closing it stops the calls. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    SettingsStore(Home home) {
        this.home = home;
        this.current = Settings.load(home);
    }

    public Settings current() {
        return current;
    }

    /**
     * Saves {@code settings} and tells every listener, on the calling thread. A listener that
     * throws is logged and does not stop the others.
     *
     * @throws IllegalStateException if the file cannot be written (nothing changes then)
     */
    public Settings update(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        synchronized (this) {
            settings.save(home);
            current = settings;
        }
        for (Consumer<Settings> listener : listeners) {
            try {
                listener.accept(settings);
            } catch (RuntimeException e) {
                LOG.warn("a settings listener failed: {}", e.toString());
            }
        }
        return settings;
    }

    /** Changes the current settings with {@code change} and saves them (see {@link #update}). */
    public Settings update(UnaryOperator<Settings> change) {
        Settings next;
        synchronized (this) {
            next = change.apply(current);
            if (next.equals(current)) return current;
            next.save(home);
            current = next;
        }
        for (Consumer<Settings> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("a settings listener failed: {}", e.toString());
            }
        }
        return next;
    }

    /** Calls {@code listener} after every change, on the thread that made it. */
    public Registration listen(Consumer<Settings> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }
}
