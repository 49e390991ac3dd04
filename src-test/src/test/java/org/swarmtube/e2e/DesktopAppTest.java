package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Home;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.NodeOptions;
import org.swarmtube.app.Swarmtube;
import org.swarmtube.app.desktop.FxBridge;
import org.swarmtube.app.desktop.MainWindow;
import org.swarmtube.catalog.MagnetLink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The desktop window under headless Monocle with real nodes on loopback: publishing a dropped file,
 * following a channel by pasting its link, playing from the feed, searching, refusing bad input, and the
 * real launcher ({@code swarmtube} with no verb) serving the command line and taking links handed over.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopAppTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Stage stage;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<MainWindow> windows = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        for (MainWindow w : windows) Fx.call(w::dispose).get(30, TimeUnit.SECONDS);
        for (int i = running.size() - 1; i >= 0; i--) running.get(i).close();
    }

    private Node node(String name, NodeOptions options) {
        Node node = Node.start(Home.at(tmp.resolve(name)), options);
        running.add(node);
        return node;
    }

    private MainWindow show(Node node) throws Exception {
        FxBridge bridge = new FxBridge();
        running.add(bridge);
        MainWindow window = Fx.call(() -> {
            MainWindow w = new MainWindow(node, bridge);
            stage.setScene(new Scene(w, 1280, 800));
            stage.show();
            return w;
        });
        windows.add(window);
        return window;
    }

    @Test
    void aDroppedFileAppearsInMyChannelWithItsThumbnailAndAFileThatIsNoVideoIsRefused(FxRobot robot) throws Exception {
        Node node = node("a", NodeOptions.loopback(List.of()));
        MainWindow window = show(node);
        Path clip = TestClips.mp4(tmp.resolve("Harbour/harbour_at-dawn.mp4"), 4, "300k");
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "shopping list: bread, milk\n".repeat(50));

        // what the window's drop handler does with the dropped files
        Fx.run(() -> window.publishFiles(List.of(clip.toFile(), notes.toFile())));
        Fx.await("the publish dialog", TIMEOUT, () -> Fx.call(() -> WindowProbe.inDialog("#publish-title").isPresent()));
        TextInputControl title = Fx.call(() -> (TextInputControl) WindowProbe.inDialog("#publish-title").orElseThrow());
        assertThat(Fx.<String>call(title::getText)).as("title prefilled from the file name").isEqualTo("Harbour at dawn");
        assertThat(Fx.call(() -> ((TextInputControl) WindowProbe.inDialog("#publish-tags").orElseThrow()).getText()))
                .as("tags prefilled from the folder").isEqualTo("harbour");
        Fx.run(() -> {
            title.setText("The harbour at dawn");
            ((TextInputControl) WindowProbe.inDialog("#publish-description").orElseThrow()).setText("Boats leaving at six.");
            ((Button) WindowProbe.inDialog("#publish-ok").orElseThrow()).fire();
        });

        // the text file is refused with the reason
        Fx.await("the refusal", TIMEOUT, () -> Fx.call(() -> !WindowProbe.messages(window, true).isEmpty()));
        String refusal = Fx.call(() -> WindowProbe.messages(window, true).get(0));
        System.out.println("refused: " + refusal);
        assertThat(refusal).contains("notes.txt").contains("text, not a video").doesNotContain("Exception");

        // the task shows the progress, then the video is in My channel with its thumbnail
        Fx.await("the publishing task", TIMEOUT, () -> Fx.call(() -> window.lookup("#publish-task") != null));
        Fx.run(window::myChannel);
        Fx.await("the video in My channel", TIMEOUT, () -> Fx.call(() -> WindowProbe.card(window, "#my-channel-page",
                "The harbour at dawn").map(WindowProbe.Card::thumbnail).orElse(false)));
        Fx.await("its seeding line", TIMEOUT, () -> Fx.call(() -> WindowProbe.card(window, "#my-channel-page",
                "The harbour at dawn").orElseThrow().meta().contains("seeded from here")));
        WindowProbe.Card card = Fx.call(() -> WindowProbe.card(window, "#my-channel-page", "The harbour at dawn").orElseThrow());
        assertThat(card.width()).isEqualTo(320);
        assertThat(card.height()).isEqualTo(180);
        assertThat(Fx.call(() -> WindowProbe.text(window.lookup("#publish-task"), ".task-status"))).startsWith("Published");

        // its 'copy link' puts the video's magnet link on the clipboard
        Fx.run(() -> ((Button) card.node().lookup(".copy-link")).fire());
        String copied = Fx.call(() -> Clipboard.getSystemClipboard().getString());
        assertThat(MagnetLink.parse(copied).infohash()).isEqualTo(node.status().torrents().stream()
                .filter(t -> t.name().equals("harbour_at-dawn.mp4")).findFirst().orElseThrow().infohash());
        assertThat(MagnetLink.parse(copied).peers()).containsExactly("127.0.0.1:" + node.swarm().listenPort());

        // the channel is renamed from its page: a new signed version with the new profile
        long seqBefore = node.channelStore().channel(node.channel().publicKey()).orElseThrow().seq().getAsLong();
        // not waited for: the button opens a modal dialog, whose nested event loop returns only when it closes
        javafx.application.Platform.runLater(() -> ((Button) window.lookup("#edit-channel")).fire());
        Fx.await("the channel dialog", TIMEOUT, () -> Fx.call(() -> WindowProbe.inDialog("#channel-edit-name").isPresent()));
        Fx.run(() -> {
            ((TextInputControl) WindowProbe.inDialog("#channel-edit-name").orElseThrow()).setText("Harbour films");
            ((TextInputControl) WindowProbe.inDialog("#channel-edit-description").orElseThrow()).setText("Boats, mostly.");
            ((Button) WindowProbe.inDialog("#channel-edit-save").orElseThrow()).fire();
        });
        Fx.await("the new name on the page", TIMEOUT, () -> Fx.call(() ->
                "Harbour films".equals(((javafx.scene.control.Label) window.lookup("#my-channel-page #channel-name")).getText())));
        assertThat(node.profile().description()).isEqualTo("Boats, mostly.");
        assertThat(node.channelStore().channel(node.channel().publicKey()).orElseThrow().seq().getAsLong()).isGreaterThan(seqBefore);
    }

    @Test
    void aSecondNodeFollowsByPastedLinkSeesTheVideoInItsFeedPlaysItAndFindsIt(FxRobot robot) throws Exception {
        LoopbackDht dht = LoopbackDht.start(tmp, 3);
        running.add(dht);
        NodeOptions options = NodeOptions.loopback(dht.bootstrap()).withPollInterval(Duration.ofSeconds(3));
        Node creator = node("creator", options);
        Node viewer = node("viewer", options);
        dht.awaitJoined(2, TIMEOUT);
        Await.until(TIMEOUT, "both nodes in the DHT", () -> creator.swarm().dhtNodes() >= 2 && viewer.swarm().dhtNodes() >= 2);
        Path clip = TestClips.mp4(tmp.resolve("clips/keeper.mp4"), 20, "400k");
        creator.publish(new NodeApi.PublishCommand(clip, "The lighthouse keeper", "A day on the coast.", List.of("sea"), List.of()));
        String link = creator.channel().link();
        MainWindow window = show(viewer);
        AtomicInteger notified = new AtomicInteger();
        viewer.onNewVideos(n -> notified.incrementAndGet());

        // Ctrl+V anywhere (not in a text field) opens the pasted channel link
        Fx.run(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(link);
            Clipboard.getSystemClipboard().setContent(content);
            window.lookup("#nav-home").requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        Fx.await("the channel page", TIMEOUT, () -> Fx.call(() -> "channel".equals(window.screen())));
        Fx.await("the channel's video", TIMEOUT, () -> Fx.call(() ->
                WindowProbe.card(window, "#channel-page", "The lighthouse keeper").isPresent()));
        assertThat(Fx.call(() -> WindowProbe.text(window, "#channel-link"))).startsWith("magnet:?xs=urn:btpk:");

        // Subscribe: the video enters the feed, marked new, with the unseen count on the navigation
        robot.clickOn("#subscribe");
        Fx.await("subscribed", TIMEOUT, () -> Fx.call(() -> ((Button) window.lookup("#subscribe")).getText().equals("Subscribed")));
        robot.clickOn("#nav-subscriptions");
        Fx.await("the video in the feed", TIMEOUT, () -> Fx.call(() ->
                WindowProbe.card(window, "#subscriptions-page", "The lighthouse keeper").map(WindowProbe.Card::thumbnail).orElse(false)));
        assertThat(Fx.call(() -> WindowProbe.card(window, "#subscriptions-page", "The lighthouse keeper").orElseThrow()
                .node().lookup(".new-badge").isVisible())).isTrue();
        Fx.await("the unseen count", TIMEOUT, () -> Fx.call(() -> WindowProbe.text(window, "#unseen-badge").equals("1")));

        // clicking the card plays it: frames arrive from the creator
        robot.clickOn(Fx.call(() -> WindowProbe.card(window, "#subscriptions-page", "The lighthouse keeper").orElseThrow().node()));
        Fx.await("the watch page", TIMEOUT, () -> Fx.call(() -> "watch".equals(window.screen())));
        Fx.await("25 frames played", TIMEOUT, () -> window.watchPage() != null && window.watchPage().player().renderedFrames() >= 25);
        System.out.println("frames played: " + window.watchPage().player().renderedFrames());
        Fx.await("the video marked seen", TIMEOUT, () -> Fx.call(() -> !WindowProbe.text(window, "#unseen-badge").equals("1")
                || !window.lookup("#unseen-badge").isVisible()));

        // search finds it by a word of its title, as it is typed
        robot.clickOn("#search").write("lightho");
        Fx.await("a search result", TIMEOUT, () -> Fx.call(() ->
                WindowProbe.card(window, "#search-page", "The lighthouse keeper").isPresent()));
        assertThat(Fx.call(window::screen)).isEqualTo("search");
        robot.type(KeyCode.ESCAPE);
        Fx.await("back from the search", TIMEOUT, () -> Fx.call(() -> !"search".equals(window.screen())));

        // a bad link is answered with a sentence
        Fx.run(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("magnet:?xs=urn:btpk:not-a-key&s=00");
            Clipboard.getSystemClipboard().setContent(content);
            window.lookup("#nav-home").requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        Fx.await("the error message", TIMEOUT, () -> Fx.call(() -> !WindowProbe.messages(window, true).isEmpty()));
        String error = Fx.call(() -> WindowProbe.messages(window, true).get(0));
        System.out.println("bad link: " + error);
        assertThat(error).startsWith("That link cannot be opened: malformed channel link").doesNotContain("Exception");

        // a new video of the channel raises a notification (and subscribing itself raised none)
        // (the "Subscribed to …: its new videos appear in Subscriptions." message may still be shown)
        assertThat(Fx.call(() -> WindowProbe.messages(window, false)).stream().anyMatch(m -> m.matches("\\d+ new videos? from .*")))
                .as("no notification for the videos that came with subscribing").isFalse();
        Path second = TestClips.mp4(tmp.resolve("clips/storm.mp4"), 3, "300k");
        creator.publish(new NodeApi.PublishCommand(second, "Storm in October", "", List.of(), List.of()));
        Fx.await("the notification", TIMEOUT, () -> Fx.call(() -> WindowProbe.messages(window, false)).stream()
                .anyMatch(m -> m.equals("1 new video from " + creator.profile().name() + ".")));
        assertThat(notified.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theLauncherServesTheCommandLineAndTakesLinksFromASecondLaunch() throws Exception {
        Path home = tmp.resolve("desktop");
        AtomicReference<Integer> exit = new AtomicReference<>();
        StringWriter launchErr = new StringWriter();
        Thread app = new Thread(() -> exit.set(Swarmtube.run(new String[] {"--home", home.toString(), "--listen", "127.0.0.1:0",
                "--dht-bootstrap", "", "--no-upnp", "--no-natpmp", "--no-lsd"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(launchErr, true))), "swarmtube-launch");
        app.start();
        Fx.await("the window", TIMEOUT, () -> exit.get() == null && Fx.call(() -> WindowProbe.mainWindow().isPresent())
                || exit.get() != null);
        assertThat(exit.get()).as("the launcher ended early: %s", launchErr).isNull();
        MainWindow window = Fx.call(() -> WindowProbe.mainWindow().orElseThrow());
        Fx.await("the control API", TIMEOUT, () -> Files.exists(home.resolve("control.json")));

        // the verbs talk to the node inside the window
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Swarmtube.run(new String[] {"--home", home.toString(), "--json", "status"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"listenPort\"");

        // a second launch with a channel link hands it over and exits 0; the window opens the channel
        String key = "ab".repeat(32);
        out = new StringWriter();
        err = new StringWriter();
        int handed = Swarmtube.run(new String[] {"--home", home.toString(), "magnet:?xs=urn:btpk:" + key + "&s=00"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(handed).as(err.toString()).isZero();
        assertThat(err.toString()).contains("opened in the window already running");
        Fx.await("the channel page", TIMEOUT, () -> Fx.call(() -> "channel".equals(window.screen())));

        // a word that is no verb and no link is still a usage error
        err = new StringWriter();
        int unknown = Swarmtube.run(new String[] {"--home", home.toString(), "frobnicate"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString()).contains("unknown verb or extra argument 'frobnicate'");

        // closing the window stops the node and the launcher returns 0
        Fx.run(() -> window.getScene().getWindow().hide());
        app.join(TIMEOUT.toMillis());
        assertThat(exit.get()).as(launchErr.toString()).isZero();
        assertThat(home.resolve("control.json")).doesNotExist();
        assertThat(Optional.ofNullable(launchErr.toString()).orElse("")).doesNotContain("Exception");
    }
}
