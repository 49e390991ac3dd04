package org.swarmtube.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.swarmtube.app.DataDirectory;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.app.desktop.FxBridge;
import org.swarmtube.app.desktop.library.LibraryModel;
import org.swarmtube.app.desktop.library.LibraryView;
import org.swarmtube.app.desktop.settings.SettingsView;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.swarm.HostPort;
import org.swarmtube.swarm.RateLimits;

/**
 * Takes the Library and Settings screenshots on a real window: a creator node publishes five clips,
 * a viewer subscribes to its channel, watches three to the end, is streaming a fourth from the
 * creator (held to 300 KB/s), has paused one, keeps one, and publishes its own video, which a third
 * node is downloading from it. Both views at 1280x800 in the window's theme (AtlantaFX Primer Dark
 * with Swarmtube's stylesheet). Not a test; run it under Xvfb:
 *
 * <pre>
 * Xvfb :99 -screen 0 1280x800x24 &amp;
 * mvn -q -pl src-test dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * DISPLAY=:99 LD_PRELOAD=$JAVA_HOME/lib/libjsig.so java -Dprism.order=sw \
 *     -cp src-test/target/test-classes:$(cat /tmp/cp.txt) org.swarmtube.e2e.LibrarySettingsScreenshot docs/screenshots
 * </pre>
 */
public final class LibrarySettingsScreenshot {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Node viewer;
    private static Path pointer;
    private static volatile Stage stage;
    private static volatile LibraryView library;
    private static final FxBridge BRIDGE = new FxBridge();

    private LibrarySettingsScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Path tmp = Files.createTempDirectory("swarmtube-screenshot");
        pointer = tmp.resolve("config/data-directory");
        try (Node creator = Node.start(Home.at(tmp.resolve("a")), NodeOptions.loopback(List.of()));
             Node watcher = Node.start(Home.at(tmp.resolve("b")),
                     NodeOptions.loopback(List.of(new HostPort("127.0.0.1", creator.swarm().listenPort()))));
             Node neighbour = Node.start(Home.at(tmp.resolve("c")), NodeOptions.loopback(List.of()))) {
            viewer = watcher;
            creator.setProfile(ChannelProfile.named("Open Kitchen"));
            watcher.setProfile(ChannelProfile.named("Ana's garden"));
            String[] titles = {"Sunrise over the bay", "Sourdough from scratch", "Bike repair basics",
                "City at night, a timelapse", "Piano practice, week 3"};
            int[] seconds = {24, 40, 30, 90, 20};
            List<NodeApi.PublishResult> published = new ArrayList<>();
            for (int i = 0; i < titles.length; i++) {
                Path clip = TestClips.mp4(tmp.resolve("clips/clip" + i + ".mp4"), seconds[i], i == 3 ? "2400k" : "1500k");
                published.add(creator.publish(new NodeApi.PublishCommand(clip, titles[i], "", List.of(), List.of())));
            }
            NodeApi.ChannelChange subscribed = watcher.subscribe(creator.channel().link());
            System.out.println("subscribed: " + subscribed.found() + " (" + subscribed.message() + ")");

            for (int i : new int[] {0, 2, 1, 4}) {
                String ih = LibraryFixture.watchWhole(watcher, LibraryFixture.magnet(creator, published.get(i)));
                watcher.channelStore().recordPosition(VideoId.ofInfohash(ih), Duration.ofSeconds(seconds[i] / 2), i != 2);
            }
            watcher.library().keep(published.get(1).infohash(), true);
            watcher.library().pause(published.get(4).infohash());

            // a stream in progress: the creator uploads the timelapse at 300 KB/s
            creator.swarm().setLimits(published.get(3).infohash(), new RateLimits(300_000, 0));
            NodeApi.StreamUrl streaming = watcher.stream(LibraryFixture.magnet(creator, published.get(3)));
            Thread reader = new Thread(() -> {
                try {
                    HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(streaming.url())).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = r.body()) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                } catch (Exception e) {
                    // ends with the node
                }
            }, "reader");
            reader.setDaemon(true);
            reader.start();

            // the viewer's own video, which a neighbour downloads from it at 200 KB/s
            Path own = TestClips.mp4(tmp.resolve("mine/garden.mp4"), 45, "2000k");
            NodeApi.PublishResult garden = watcher.publish(new NodeApi.PublishCommand(own, "Tomatoes in May", "", List.of(), List.of()));
            watcher.swarm().setLimits(garden.infohash(), new RateLimits(200_000, 0));
            neighbour.startFetch(LibraryFixture.magnet(watcher, garden), tmp.resolve("c-out/garden.mp4"));

            watcher.updateSettings(watcher.settings().withStorageQuota(5_000_000_000L).withLimits(1_000_000, 0)
                    .withSeeding(org.swarmtube.app.Settings.Seeding.RATIO, 3));

            Thread ui = new Thread(() -> Application.launch(App.class), "fx-launcher");
            ui.start();
            Await.until(Duration.ofSeconds(30), "the library view", () -> library != null);
            Await.until(Duration.ofSeconds(60), "rows with transfers", () -> {
                List<LibraryModel.Line> lines = call(() -> library.lines());
                return lines.stream().anyMatch(l -> l.title().equals("City at night, a timelapse") && !l.downText().equals("–")
                        && l.progress() > 0.15)
                        && lines.stream().anyMatch(l -> l.title().equals("Tomatoes in May") && !l.upText().equals("–"));
            });
            call(() -> library.select(published.get(1).infohash()));
            screenshot(out.resolve("library.png"));

            SettingsView settings = call(() -> {
                SettingsView view = new SettingsView(viewer, BRIDGE, new DataDirectory(pointer));
                stage.getScene().setRoot(themed(view));
                return view;
            });
            Await.until(Duration.ofSeconds(30), "the settings read",
                    () -> call(() -> !settings.lookup("#settings-save").isDisabled()));
            call(() -> {
                settings.lookup("#settings-quota").getParent().requestFocus();
                return null;
            });
            screenshot(out.resolve("settings.png"));
            Platform.exit();
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void screenshot(Path file) throws Exception {
        // two refreshes of the view (one a second) after the last change
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
        Await.until(Duration.ofSeconds(5), "the view to settle", () -> System.nanoTime() > until);
        Files.createDirectories(file.getParent());
        try (ChildProcess importing = ChildProcess.start(List.of("import", "-window", "root", file.toString()), null)) {
            int exit = importing.waitFor(Duration.ofSeconds(30));
            if (exit != 0) throw new IllegalStateException("import failed: " + importing.stderr);
        }
        System.out.println("saved " + file);
    }

    /** The view inside what the main window gives it: its style class and stylesheet. */
    private static StackPane themed(javafx.scene.Parent view) {
        StackPane root = new StackPane(view);
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(Objects.requireNonNull(
                LibrarySettingsScreenshot.class.getResource("/org/swarmtube/app/desktop/swarmtube.css")).toExternalForm());
        return root;
    }

    private static <T> T call(java.util.concurrent.Callable<T> callable) {
        try {
            FutureTask<T> task = new FutureTask<>(callable);
            Platform.runLater(task);
            return task.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JavaFX application behind {@link LibrarySettingsScreenshot}. */
    public static final class App extends Application {
        @Override
        public void start(Stage primary) {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            LibraryView view = new LibraryView(viewer, BRIDGE);
            primary.setTitle("Swarmtube");
            primary.setScene(new Scene(themed(view), 1280, 800));
            primary.setX(0);
            primary.setY(0);
            primary.show();
            stage = primary;
            library = view;
        }
    }
}
