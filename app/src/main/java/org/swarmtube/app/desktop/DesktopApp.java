package org.swarmtube.app.desktop;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeOptions;

/**
 * The desktop application: the window and the node in one process. The node starts on a background
 * thread while JavaFX opens the window, so the window is there at once and usable as soon as the node
 * is. The command line keeps working through the control API the caller starts on the node, and links
 * handed over by a second launch ({@link Node#openLink}) open in this window.
 *
 * <p>{@link #run} does not extend {@code Application}: with JavaFX on the class path a main class that
 * extends it cannot start.
 */
public final class DesktopApp {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    /** Prints the time from JVM start to a usable window on stdout (the start-up benchmark). */
    static final String REPORT_PROPERTY = "swarmtube.startup.report";
    /** Closes the window once it is usable (the start-up benchmark). */
    static final String EXIT_PROPERTY = "swarmtube.startup.exit";

    private DesktopApp() {
    }

    /** What the caller runs on the started node for as long as the window is open (the control API). */
    @FunctionalInterface
    public interface Services {
        AutoCloseable start(Node node) throws Exception;
    }

    private record Started(Node node, AutoCloseable services, MainWindow.Identity identity) {
    }

    /**
     * Opens the window, starts the node, and returns once the window is closed and the node stopped.
     *
     * @param link a link to open once the window is ready
     * @return the exit code: 0, or 1 if the node could not start
     * @throws Node.NodeBusyException if another process runs a node on the data directory
     * @throws IllegalStateException  with a sentence if there is no display
     */
    public static int run(Home home, NodeOptions options, Optional<String> link, Services services) throws InterruptedException {
        Handover handover = new Handover();
        CompletableFuture<Started> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                Node node = Node.start(home, options);
                mark("node");
                try {
                    node.onOpenLink(handover::accept);
                    AutoCloseable running = services.start(node);
                    mark("services");
                    starting.complete(new Started(node, running, MainWindow.Identity.of(node)));
                } catch (Exception | Error e) {
                    node.close();
                    throw e;
                }
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "node-start");
        starter.start();

        mark("run");
        boolean ownToolkit;
        try {
            ownToolkit = prestart().join();
            mark("fx");
        } catch (java.util.concurrent.CompletionException e) {
            synchronized (DesktopApp.class) {
                toolkit = null;
            }
            // no display: stop the node again, and say what to do instead
            starting.thenAccept(s -> close(s, null));
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("there is no display to open the window on (" + cause.getMessage()
                    + "); run 'swarmtube node' for a node without a window, or 'swarmtube --help' for the commands");
        }
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        Platform.runLater(() -> open(starting, handover, link, closed));
        try {
            return closed.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            synchronized (DesktopApp.class) {
                toolkit = null;
            }
            if (ownToolkit) Platform.exit();
        }
    }

    private static CompletableFuture<Boolean> toolkit;

    /**
     * Starts JavaFX in the background (or joins it if this process runs it already, as in tests), so that
     * it starts while the caller does other work; {@link #run} waits for it. Any thread.
     *
     * @return completes with true if the toolkit was started here, or with the failure (no display)
     */
    public static synchronized CompletableFuture<Boolean> prestart() {
        if (toolkit != null) return toolkit;
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        toolkit = started;
        Thread starter = new Thread(() -> {
            try {
                started.complete(startToolkit());
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "fx-start");
        starter.setDaemon(true);
        starter.start();
        return started;
    }

    /** JavaFX warns on every start that it runs from the class path, which is how the app is built to run. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /** True if the toolkit was started here (and is to be stopped here). */
    private static boolean startToolkit() throws InterruptedException {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        CountDownLatch ready = new CountDownLatch(1);
        boolean own;
        try {
            Platform.startup(ready::countDown);
            own = true;
        } catch (IllegalStateException already) {
            Platform.runLater(ready::countDown);
            own = false;
        }
        ready.await();
        Platform.setImplicitExit(false);
        return own;
    }

    /** Links handed over before the window is ready wait here. Any thread. */
    private static final class Handover {
        private final List<String> pending = new ArrayList<>();
        private MainWindow window;
        private Stage stage;

        synchronized void accept(String link) {
            if (window == null) pending.add(link);
            else deliver(window, stage, link);
        }

        synchronized void ready(MainWindow w, Stage s) {
            window = w;
            stage = s;
            pending.forEach(link -> deliver(w, s, link));
            pending.clear();
        }

        private static void deliver(MainWindow w, Stage s, String link) {
            Platform.runLater(() -> {
                if (s.isIconified()) s.setIconified(false);
                s.toFront();
                if (link != null && !link.isBlank()) w.openLink(link);
            });
        }
    }

    private static void open(CompletableFuture<Started> starting, Handover handover, Optional<String> link,
                             CompletableFuture<Integer> closed) {
        // the first frame is kept cheap (no theme, no icon font): the theme is read while the node starts
        Stage stage = new Stage();
        stage.setTitle("Swarmtube");
        var icon = DesktopApp.class.getResourceAsStream("swarmtube.png");
        Image logo = icon == null ? null : new Image(icon);
        if (logo != null) stage.getIcons().add(logo);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1280, screen.getWidth());
        double height = Math.min(800, screen.getHeight());
        javafx.scene.image.ImageView mark = new javafx.scene.image.ImageView(logo);
        mark.setFitWidth(36);
        mark.setFitHeight(36);
        Label title = new Label("Swarmtube", mark);
        title.getStyleClass().add("splash-title");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        Label text = new Label("Starting your node…");
        text.getStyleClass().add("splash-text");
        VBox box = new VBox(16, title, spinner, text);
        box.setAlignment(Pos.CENTER);
        StackPane splash = new StackPane(box);
        splash.getStyleClass().add("splash");
        splash.getStylesheets().add(Theme.stylesheet());
        Scene scene = new Scene(splash, width, height, Color.web("#0f0f0f"));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(880, width));
        stage.setMinHeight(Math.min(560, height));

        FxBridge bridge = new FxBridge();
        MainWindow[] window = new MainWindow[1];
        boolean[] closing = new boolean[1];
        stage.setOnHidden(e -> {
            closing[0] = true;
            CompletableFuture<Void> disposed = window[0] == null ? CompletableFuture.completedFuture(null) : window[0].dispose();
            disposed.handle((v, x) -> null).thenCompose(v -> starting.handle((s, x) -> s)).thenAcceptAsync(s -> {
                close(s, bridge);
                closed.complete(starting.isCompletedExceptionally() ? 1 : 0);
            });
        });
        stage.show();
        mark("window");
        // while the node starts: the theme, and the window's classes and icon font (after the first frame)
        javafx.animation.PauseTransition afterFirstFrame = new javafx.animation.PauseTransition(javafx.util.Duration.millis(50));
        afterFirstFrame.setOnFinished(e -> warmUp());
        afterFirstFrame.play();

        starting.whenComplete((started, error) -> Platform.runLater(() -> {
            if (closing[0]) return;
            if (error != null) {
                if (error instanceof Node.NodeBusyException busy) {
                    // another launch won the race for the data directory: the caller hands the link over
                    closing[0] = true;
                    stage.setOnHidden(null);
                    stage.hide();
                    bridge.close();
                    closed.completeExceptionally(busy);
                    return;
                }
                LOG.error("the node did not start", error);
                spinner.setVisible(false);
                text.setText("Swarmtube could not start: " + Sentences.clause(error));
                text.getStyleClass().setAll("label", "splash-error");
                text.setWrapText(true);
                text.setMaxWidth(560);
                Button quit = new Button("Close");
                quit.setOnAction(e -> stage.close());
                box.getChildren().add(quit);
                return;
            }
            MainWindow main = new MainWindow(started.node(), bridge, started.identity());
            window[0] = main;
            scene.setRoot(main);
            mark("built");
            reportWhenUsable(main, scene, stage);
            handover.ready(main, stage);
            link.ifPresent(main::openLink);
        }));
    }

    /** Work the window needs anyway, done while the node starts rather than after. FX thread. */
    private static void warmUp() {
        Theme.apply();
        Icons.of(org.kordamp.ikonli.feather.Feather.HOME);
        for (Class<?> c : List.of(MainWindow.class, HomePage.class, VideoGrid.class, VideoCard.class, SubscriptionsPage.class,
                ChannelPage.class, SearchPage.class, WatchView.class, Messages.class, Tasks.class, Thumbnails.class,
                atlantafx.base.controls.CustomTextField.class)) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        mark("warm");
    }

    private static final java.util.Map<String, Long> MARKS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Milliseconds since the JVM started, for the start-up report. */
    private static void mark(String what) {
        MARKS.put(what, System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private static void close(Started started, FxBridge bridge) {
        // first the window's background work, so that nothing reads the node while it closes
        if (bridge != null) bridge.close();
        if (started != null) {
            try {
                started.services().close();
            } catch (Exception e) {
                LOG.warn("stopping the control API: {}", e.toString());
            }
            started.node().close();
        }
    }

    /** For the start-up benchmark: once Home shows what it loaded and is drawn, print the time since the JVM started. */
    private static void reportWhenUsable(MainWindow main, Scene scene, Stage stage) {
        String report = System.getProperty(REPORT_PROPERTY);
        if (report == null) return;
        main.onHomeLoaded(videos -> {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("swarmtube-startup usable-ms=" + ms + " videos=" + videos + " marks=" + new java.util.TreeMap<>(MARKS));
                System.out.flush();
                if (Boolean.getBoolean(EXIT_PROPERTY)) Platform.runLater(stage::close);
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
    }
}
