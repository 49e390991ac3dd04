package org.swarmtube.app.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications through the freedesktop notification service ({@code notify-send}, package
 * libnotify-bin), when the desktop has it. The window shows the same news itself either way.
 */
final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private final Optional<Path> notifySend = find();
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "desktop-notification");
        t.setDaemon(true);
        return t;
    });

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null || System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) return Optional.empty();
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, "notify-send");
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** Raises a desktop notification, if the desktop can; never blocks the caller. */
    void notify(String title, String body) {
        notifySend.ifPresent(exe -> worker.execute(() -> {
            try {
                Process p = new ProcessBuilder(List.of(exe.toString(), "--app-name=Swarmtube", "--icon=video-x-generic", title, body))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) p.destroy();
            } catch (java.io.IOException e) {
                LOG.debug("no desktop notification: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    void close() {
        worker.shutdownNow();
    }
}
