package org.swarmtube.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.app.desktop.DesktopApp;
import org.swarmtube.app.desktop.MainWindow;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.Jpeg;

/**
 * Screenshots of the desktop window's screens at 1280x800, from the real app ({@link DesktopApp#run}) with
 * real content: three nodes on a loopback DHT, two creators with published clips (thumbnails made by the
 * app), a viewer subscribed to one, with the other discovered, who published videos of their own. Not a
 * test; run it under Xvfb (see docs/desktop.md):
 *
 * <pre>
 * Xvfb :99 -screen 0 1280x800x24 &amp;
 * mvn -q -pl src-test dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * DISPLAY=:99 LD_PRELOAD=$JAVA_HOME/lib/libjsig.so java -Dprism.order=sw -Dswarmtube.mute=true \
 *     -cp src-test/target/test-classes:$(cat /tmp/cp.txt) org.swarmtube.e2e.DesktopScreenshots docs/screenshots
 * </pre>
 */
public final class DesktopScreenshots {
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private DesktopScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("swarmtube-screens");
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        fx.await();
        Platform.setImplicitExit(false);

        try (LoopbackDht dht = LoopbackDht.start(tmp, 3)) {
            NodeOptions options = NodeOptions.loopback(dht.bootstrap()).withPollInterval(POLL);

            // 1. the first start: a new data directory, nothing in it
            Path fresh = tmp.resolve("fresh");
            Running first = Running.start(Home.at(fresh), options);
            settle(first.window(), "#home-page", 0);
            shoot(out.resolve("first-start.png"));
            first.close();

            // 2. two creators and a viewer
            Node harbour = Node.start(Home.at(tmp.resolve("harbour")), options);
            Node kitchen = Node.start(Home.at(tmp.resolve("kitchen")), options);
            Node viewer = Node.start(Home.at(tmp.resolve("viewer")), options);
            dht.awaitJoined(2, WAIT);
            Await.until(WAIT, "the nodes in the DHT", () -> harbour.swarm().dhtNodes() >= 2 && kitchen.swarm().dhtNodes() >= 2
                    && viewer.swarm().dhtNodes() >= 2);
            harbour.setProfile(new ChannelProfile("Harbour Films", "Short films about the sea, boats and the people of the "
                    + "harbour. A new one every week.", Optional.of(Jpeg.of(ShowcaseClips.avatar(tmp.resolve("a.jpg"), "HF", 3))),
                    List.of()));
            kitchen.setProfile(new ChannelProfile("Kitchen Lab", "Bread, noodles and everything with a slow oven.",
                    Optional.of(Jpeg.of(ShowcaseClips.avatar(tmp.resolve("k.jpg"), "KL", 11))), List.of()));
            viewer.setProfile(new ChannelProfile("Sam's garden diary", "What grows, what doesn't.", Optional.empty(), List.of()));
            String[][] films = {
                    {"Sunrise over the bay", "The first light on the water, filmed from the old pier.", "sea, morning"},
                    {"Mending the nets", "Marta shows how a torn net is repaired by hand.", "craft, boats"},
                    {"Night ferry", "The last crossing of the day.", "ferry, night"},
                    {"Lighthouse keeper", "A day with the last keeper on the coast.", "lighthouse, people"},
                    {"Storm in October", "Waves over the breakwater.", "weather, sea"},
                    {"Fish market at six", "Before the town wakes up.", "market, morning"},
                    {"Boatyard winter", "Hulls on stilts, paint and patience.", "boats, winter"}};
            List<NodeApi.PublishResult> published = new ArrayList<>();
            for (int i = 0; i < films.length; i++) {
                Path clip = ShowcaseClips.clip(tmp.resolve("clips/harbour" + i + ".mp4"), films[i][0], 12 + 7 * i, 5 + i * 3);
                published.add(harbour.publish(new NodeApi.PublishCommand(clip, films[i][0], films[i][1],
                        List.of(films[i][2].split(", ")), List.of())));
            }
            String[] recipes = {"Sourdough in 24 hours", "Hand-pulled noodles", "Slow oven tomatoes", "Rye crackers"};
            for (int i = 0; i < recipes.length; i++) {
                Path clip = ShowcaseClips.clip(tmp.resolve("clips/kitchen" + i + ".mp4"), recipes[i], 15 + 11 * i, 40 + i * 7);
                kitchen.publish(new NodeApi.PublishCommand(clip, recipes[i], "Recipe " + (i + 1) + " of the winter series.",
                        List.of("bread", "cooking"), List.of()));
            }
            for (String title : List.of("Tomatoes in July", "Seed swap at the allotment")) {
                Path clip = ShowcaseClips.clip(tmp.resolve("clips/" + title.replace(' ', '_') + ".mp4"), title, 20, title.length());
                viewer.publish(new NodeApi.PublishCommand(clip, title, "", List.of("garden"), List.of()));
            }
            NodeApi.ChannelChange subscribed = viewer.subscribe(harbour.channel().link());
            if (!subscribed.found()) throw new IllegalStateException("subscribing failed: " + subscribed.message());
            NodeApi.ChannelChange discovered = viewer.openChannel(kitchen.channel().link()).get(90, TimeUnit.SECONDS);
            if (!discovered.found()) throw new IllegalStateException("opening the kitchen channel failed: " + discovered.message());
            // the viewer has watched two films already: they are on this computer and seeded from here
            String peer = "127.0.0.1:" + harbour.swarm().listenPort();
            for (int i : new int[] {0, 3}) {
                String magnet = MagnetLink.parse(published.get(i).magnet()).withPeer(peer).toUri();
                viewer.startFetch(magnet, tmp.resolve("viewer-downloads/film" + i + ".mp4"));
                String infohash = published.get(i).infohash();
                Await.until(WAIT, "film " + i + " fetched", () -> viewer.fetchProgress(infohash).done());
            }
            viewer.channelStore().markSeen(List.of(org.swarmtube.catalog.VideoId.parse(published.get(0).videoId()),
                    org.swarmtube.catalog.VideoId.parse(published.get(1).videoId())));
            String harbourLink = harbour.channel().link();
            String kitchenKey = kitchen.channel().publicKey();
            viewer.close();

            // 3. the viewer's window
            Running app = Running.start(Home.at(tmp.resolve("viewer")), options);
            MainWindow window = app.window();
            settle(window, "#home-page", 11);
            shoot(out.resolve("home.png"));

            onFx(() -> window.subscriptions());
            settle(window, "#subscriptions-page", 7);
            shoot(out.resolve("subscriptions.png"));

            // a click on a card of the feed plays it in the window
            onFx(() -> {
                javafx.scene.Node card = WindowProbe.card(window, "#subscriptions-page", films[3][0]).orElseThrow().node();
                javafx.event.Event.fireEvent(card, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                        10, 10, 10, 10, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                        true, false, true, null));
            });
            Await.until(WAIT, "8 s played", () -> call(() -> window.watchPage() != null
                    && window.watchPage().player().lastFrameTime().toMillis() >= 8000));
            pulses(5);
            shoot(out.resolve("watching.png"));
            onFx(window::back);

            onFx(() -> window.openLink(harbourLink));
            settle(window, "#channel-page", 7);
            shoot(out.resolve("channel.png"));

            onFx(() -> window.search("morning"));
            Await.until(WAIT, "search results", () -> call(() -> WindowProbe.cards(window, "#search-page").size() == 2));
            settle(window, "#search-page", 2);
            shoot(out.resolve("search.png"));
            onFx(() -> window.search(""));

            // a link that is no link
            onFx(() -> window.home());
            settle(window, "#home-page", 11);
            onFx(() -> window.openLink("magnet:?xs=urn:btpk:12345&s=00"));
            Await.until(WAIT, "the error", () -> call(() -> !WindowProbe.messages(window, true).isEmpty()));
            pulses(3);
            shoot(out.resolve("bad-link.png"));
            dismissMessages(window);

            // publishing: the dialog, then the video in My channel with the finished task
            Path newClip = ShowcaseClips.clip(tmp.resolve("Garden/Bean_harvest-2024.mp4"), "Bean harvest", 30, 17);
            onFx(() -> window.myChannel());
            settle(window, "#my-channel-page", 2);
            onFx(() -> window.publishFiles(List.of(newClip.toFile())));
            Await.until(WAIT, "the publish dialog", () -> call(() -> WindowProbe.inDialog("#publish-title").isPresent()));
            onFx(() -> {
                ((TextInputControl) WindowProbe.inDialog("#publish-title").orElseThrow()).setText("Bean harvest");
                TextInputControl description = (TextInputControl) WindowProbe.inDialog("#publish-description").orElseThrow();
                description.setText("Three rows of runner beans, picked on a wet morning. The small ones are the sweetest.");
            });
            pulses(3);
            shoot(out.resolve("publish.png"));
            onFx(() -> ((Button) WindowProbe.inDialog("#publish-ok").orElseThrow()).fire());
            Await.until(WAIT, "the published video", () -> call(() -> WindowProbe.card(window, "#my-channel-page", "Bean harvest")
                    .map(WindowProbe.Card::thumbnail).orElse(false)));
            settle(window, "#my-channel-page", 3);
            shoot(out.resolve("my-channel.png"));

            // editing the channel's profile from its page (the dialog is modal: opened without waiting)
            dismissMessages(window);
            Platform.runLater(() -> ((Button) window.lookup("#edit-channel")).fire());
            Await.until(WAIT, "the channel dialog", () -> call(() -> WindowProbe.inDialog("#channel-edit-name").isPresent()));
            pulses(3);
            shoot(out.resolve("channel-edit.png"));
            onFx(() -> ((Button) WindowProbe.inDialog("#channel-edit-save").orElseThrow()).fire());

            onFx(() -> window.library());
            pulses(20);
            Thread.sleep(1500); // the library refreshes every second; let it show its rows
            if (!Files.exists(out.resolve("library.png")) || Boolean.getBoolean("screens.library")) shoot(out.resolve("library.png"));
            app.close();
            harbour.close();
            kitchen.close();
            System.out.println("channel " + ChannelLink.parse(harbourLink).publicKeyHex().substring(0, 8) + ", kitchen "
                    + kitchenKey.substring(0, 8) + "; screenshots in " + out);
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /** The real app on a data directory, run by {@link DesktopApp#run} on a thread of its own. */
    private record Running(Thread thread, AtomicReference<Throwable> failure) {
        static Running start(Home home, NodeOptions options) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    DesktopApp.run(home, options, Optional.empty(), node -> () -> { });
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "desktop-app");
            thread.start();
            Await.until(WAIT, "the window", () -> failure.get() != null || call(() -> WindowProbe.mainWindow().isPresent()));
            if (failure.get() != null) throw new IllegalStateException(failure.get());
            return new Running(thread, failure);
        }

        MainWindow window() {
            return call(() -> WindowProbe.mainWindow().orElseThrow());
        }

        void close() throws Exception {
            onFx(() -> WindowProbe.mainWindow().ifPresent(w -> w.getScene().getWindow().hide()));
            thread.join(60_000);
        }
    }

    /** Waits until the screen shows at least {@code cards} cards, each with its thumbnail, then a few frames more. */
    private static void settle(MainWindow window, String screen, int cards) throws Exception {
        Await.until(WAIT, screen + " with " + cards + " cards", () -> call(() -> {
            if (window.getScene() == null || window.lookup(screen) == null) return false;
            List<WindowProbe.Card> shown = WindowProbe.cards(window, screen);
            boolean own = screen.equals("#my-channel-page");
            return shown.size() >= Math.min(cards, 8) && shown.stream().allMatch(WindowProbe.Card::thumbnail)
                    && WindowProbe.text(window, "#network-status").startsWith("Online")
                    && (!own || shown.stream().allMatch(c -> c.meta().contains("seeded")));
        }));
        pulses(10);
    }

    private static void dismissMessages(MainWindow window) throws Exception {
        onFx(() -> window.lookupAll(".message-close").forEach(n -> ((Button) n).fire()));
    }

    private static void pulses(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            CountDownLatch pulse = new CountDownLatch(1);
            Platform.runLater(() -> {
                Platform.requestNextPulse();
                javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        stop();
                        pulse.countDown();
                    }
                };
                timer.start();
            });
            pulse.await(5, TimeUnit.SECONDS);
        }
        Thread.sleep(150);
    }

    private static void shoot(Path file) throws Exception {
        try (ChildProcess importing = ChildProcess.start(List.of("import", "-window", "root", file.toString()), null)) {
            int exit = importing.waitFor(Duration.ofSeconds(30));
            if (exit != 0) throw new IllegalStateException("import failed: " + importing.stderr);
        }
        System.out.println("saved " + file);
    }

    private static void onFx(Runnable action) throws Exception {
        FutureTask<Void> task = new FutureTask<>(action, null);
        Platform.runLater(task);
        task.get(20, TimeUnit.SECONDS);
    }

    private static <T> T call(Callable<T> callable) {
        FutureTask<T> task = new FutureTask<>(callable);
        Platform.runLater(task);
        try {
            return task.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
