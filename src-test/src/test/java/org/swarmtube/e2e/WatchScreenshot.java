package org.swarmtube.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.app.desktop.watch.WatchPage;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.media.BufferView;
import org.swarmtube.swarm.RateLimits;

/**
 * Takes the watch page's screenshot on a real window: two nodes on loopback, the seeder held to 1.5
 * times the video's bitrate so the buffer bar is partly filled, the page at 1280x800, and a picture of
 * the whole screen with ImageMagick once 8 s have played. Not a test; run it under Xvfb:
 *
 * <pre>
 * Xvfb :99 -screen 0 1280x800x24 &amp;
 * mvn -q -pl src-test dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * DISPLAY=:99 LD_PRELOAD=$JAVA_HOME/lib/libjsig.so java -Dprism.order=sw \
 *     -cp src-test/target/test-classes:$(cat /tmp/cp.txt) org.swarmtube.e2e.WatchScreenshot docs/screenshots/watch.png
 * </pre>
 */
public final class WatchScreenshot {
    private static final int SECONDS = 60;
    private static Node viewer;
    private static String magnet;
    private static volatile WatchPage page;

    private WatchScreenshot() {
    }

    /**
     * @param args the PNG to write (default {@code docs/screenshots/watch.png}), then optionally
     *             {@code --resume-at=SECONDS} to have watched the video that far before, so the page offers
     *             to resume
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots/watch.png").toAbsolutePath();
        long resumeAt = args.length > 1 && args[1].startsWith("--resume-at=") ? Long.parseLong(args[1].substring(12)) : 0;
        Path tmp = Files.createTempDirectory("swarmtube-screenshot");
        Path clip = clip(tmp.resolve("creator/gradients.mp4"));
        double bytesPerSecond = Files.size(clip) / (double) SECONDS;
        try (Node creator = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()));
             Node watcher = Node.start(Home.at(tmp.resolve("b")), NodeOptions.loopback(List.of()))) {
            NodeApi.PublishResult published = creator.publish(new NodeApi.PublishCommand(clip, "Gradients", "", List.of(), List.of()));
            creator.swarm().setLimits(published.infohash(), new RateLimits((long) (1.5 * bytesPerSecond), 0));
            viewer = watcher;
            if (resumeAt > 0) {
                watcher.videos().channels().recordPosition(VideoId.ofInfohash(published.infohash()),
                        Duration.ofSeconds(resumeAt), false);
            }
            magnet = MagnetLink.parse(published.magnet()).withPeer("127.0.0.1:" + creator.swarm().listenPort()).toUri();
            Thread ui = new Thread(() -> Application.launch(App.class), "fx-launcher");
            ui.start();
            Await.until(Duration.ofSeconds(30), "the page", () -> page != null);
            Await.until(Duration.ofSeconds(90), "8 s of playback", () -> page.player().lastFrameTime().toMillis() >= 8000);
            Await.until(Duration.ofSeconds(30), "a partly filled buffer bar", () -> {
                BufferView view = bufferView();
                return view.length() > 0 && view.localBytes() < view.length() && !view.arriving().isEmpty();
            });
            // the slider follows the picture; let one more swarm refresh (every second) reach the panel
            long frames = page.player().renderedFrames();
            Await.until(Duration.ofSeconds(5), "25 more pictures", () -> page.player().renderedFrames() > frames + 25);
            Files.createDirectories(out.getParent());
            List<String> command = new ArrayList<>(List.of("import", "-window", "root", out.toString()));
            try (ChildProcess importing = ChildProcess.start(command, null)) {
                int exit = importing.waitFor(Duration.ofSeconds(30));
                if (exit != 0) throw new IllegalStateException("import failed: " + importing.stderr);
            }
            System.out.println("saved " + out + " at " + page.player().lastFrameTime().toMillis() + " ms, "
                    + onFx(() -> page.player().bufferViewProperty().get().localBytes()) + " of " + Files.size(clip) + " bytes local");
            onFx(() -> page.dispose()).get(20, TimeUnit.SECONDS);
            Platform.exit();
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** 60 s, 1280x720, H.264 + AAC: a colourful moving picture rather than a test card. */
    private static Path clip(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        List<String> command = List.of("/usr/bin/ffmpeg", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "gradients=size=1280x720:rate=25:speed=0.02:n=5:duration=" + SECONDS,
                "-f", "lavfi", "-i", "sine=frequency=220:duration=" + SECONDS,
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "2000k", "-maxrate", "2000k", "-bufsize", "2000k",
                "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", file.toString());
        try (ChildProcess ffmpeg = ChildProcess.start(command, file.getParent())) {
            int exit = ffmpeg.waitFor(Duration.ofSeconds(300));
            if (exit != 0) throw new AssertionError("ffmpeg failed: " + ffmpeg.stderr);
        }
        return file;
    }

    private static BufferView bufferView() {
        try {
            return onFx(() -> page.player().bufferViewProperty().get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        Platform.runLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }

    /** The JavaFX application behind {@link WatchScreenshot}. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            WatchPage created = new WatchPage(viewer, false);
            stage.setTitle("Swarmtube");
            stage.setScene(new Scene(created, 1280, 800));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            created.open(magnet, "Slow colour gradients (a 60 s test clip)",
                    "A minute of drifting colour gradients made with ffmpeg. One node on loopback published it; this one "
                            + "streams it while the seeder is held to 1.5 times the video's bitrate, so the buffer bar "
                            + "shows what is here, what is arriving and what only the peer has.\n\n"
                            + "Every viewer shares what they watch.",
                    "Swarmtube test channel");
            page = created;
        }
    }
}
