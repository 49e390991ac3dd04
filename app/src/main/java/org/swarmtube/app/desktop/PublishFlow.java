package org.swarmtube.app.desktop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.app.NodeApi;
import org.swarmtube.media.MediaInfo;
import org.swarmtube.media.MediaProbe;
import org.swarmtube.media.NotAVideoException;

/**
 * Publishing dropped or picked files, one after the other: each file is checked (a file that is not a
 * video is refused, saying why), then a dialog asks for its title, description and tags, then it is
 * checked again, thumbnailed and hashed by the node while a task shows the progress. FX thread.
 */
final class PublishFlow {
    private final Context context;
    private final Tasks tasks;
    private final java.util.function.Supplier<Window> owner;
    private final Deque<Path> queue = new ArrayDeque<>();
    private int batch;
    private int number;
    private boolean asking;

    private record Probed(Path file, MediaInfo info, long size) {
    }

    PublishFlow(Context context, Tasks tasks, java.util.function.Supplier<Window> owner) {
        this.context = context;
        this.tasks = tasks;
        this.owner = owner;
    }

    /** Publishes these files (each after its dialog). */
    void publish(List<File> files) {
        if (files.isEmpty()) return;
        if (!asking && queue.isEmpty()) {
            batch = 0;
            number = 0;
        }
        for (File f : files) queue.add(f.toPath().toAbsolutePath());
        batch += files.size();
        if (!asking) next();
    }

    private void next() {
        Path file = queue.poll();
        if (file == null) {
            asking = false;
            return;
        }
        asking = true;
        number++;
        context.bridge().run(() -> probe(file), probed -> ask(probed), e -> {
            context.messages().error(Sentences.of(e) + " It was not published.");
            next();
        });
    }

    /** Off the FX thread. */
    private static Probed probe(Path file) {
        try (MediaProbe probe = new MediaProbe()) {
            MediaInfo info = probe.probe(file);
            return new Probed(file, info, Files.size(file));
        } catch (NotAVideoException e) {
            // already a sentence naming the file
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("\u201c" + file.getFileName() + "\u201d could not be read (" + e.getMessage() + ")", e);
        }
    }

    private void ask(Probed probed) {
        PublishDialog dialog = new PublishDialog(owner.get(), probed.file(), probed.info(), probed.size(), number, batch);
        dialog.setOnHidden(e -> {
            PublishDialog.Details details = dialog.getResult();
            if (details != null) start(probed.file(), details);
            next();
        });
        dialog.show();
    }

    private void start(Path file, PublishDialog.Details details) {
        Tasks.Task task = tasks.add(details.title());
        task.setId("publish-task");
        task.progress("Checking the video and making its thumbnail…", -1);
        AtomicLong latest = new AtomicLong(-1);
        AtomicLong total = new AtomicLong(1);
        AtomicBoolean scheduled = new AtomicBoolean();
        NodeApi.PublishCommand command = new NodeApi.PublishCommand(file, details.title(), details.description(),
                details.tags(), List.of());
        context.bridge().run(() -> context.node().publish(command, (done, size) -> {
            latest.set(done);
            total.set(Math.max(1, size));
            // hand the newest figure to the FX thread, at most one update waiting at a time
            if (scheduled.compareAndSet(false, true)) {
                context.bridge().fx(() -> {
                    scheduled.set(false);
                    long d = latest.get();
                    long t = total.get();
                    if (d >= t) task.progress("Adding it to your channel…", -1);
                    else task.progress(String.format(Locale.ROOT, "Hashing · %d %% of %s", (int) (100.0 * d / t), Formats.bytes(t)),
                            (double) d / t);
                });
            }
        }), result -> {
            Button copy = Pages.button("Copy link", Feather.LINK, "flat", "small");
            copy.setId("task-copy-link");
            String magnet = withOwnPeers(result.magnet());
            copy.setOnAction(e -> context.copy(magnet, "The link of \u201c" + details.title() + "\u201d"));
            Button show = Pages.button("Show in My channel", Feather.USER, "flat", "small");
            show.setOnAction(e -> context.go().myChannel());
            task.done("Published: seeding from this computer.", copy, show);
            context.messages().info("\u201c" + details.title() + "\u201d is published on your channel.");
            context.go().catalogChanged();
        }, e -> {
            task.failed(Sentences.of(e));
            context.messages().error("\u201c" + file.getFileName() + "\u201d was not published: " + Sentences.clause(e));
        });
    }

    private String withOwnPeers(String magnet) {
        try {
            return context.magnetWithOwnPeers(org.swarmtube.catalog.MagnetLink.parse(magnet)).toUri();
        } catch (IllegalArgumentException e) {
            return magnet;
        }
    }
}
