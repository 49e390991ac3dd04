package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.DataDirectory;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.Settings;
import org.swarmtube.app.desktop.FxBridge;
import org.swarmtube.app.desktop.settings.SettingsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Settings view under headless Monocle with real nodes on loopback: an upload limit typed in
 * holds the engine to it at once and again after the node restarts (measured by another node's
 * download), the theme is announced to listeners, bad input is a sentence, and the identity and
 * data directory changes wait for the next start.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long LIMIT = 250_000;
    private static final int FILE_BYTES = 1_500_000;

    @TempDir
    Path tmp;

    private Stage stage;
    private final FxBridge bridge = new FxBridge();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LibraryFixture.theme();
    }

    @AfterEach
    void closeBridge() {
        bridge.close();
    }

    @Test
    void anUploadLimitIsAppliedAtOnceAndSurvivesARestart(FxRobot robot) throws Exception {
        Path home = tmp.resolve("b");
        List<Settings.Theme> themes = new CopyOnWriteArrayList<>();
        try (Node fetcher = LibraryFixture.node(tmp.resolve("a"))) {
            try (Node node = LibraryFixture.node(home)) {
                node.onSettingsChanged(s -> themes.add(s.theme()));
                SettingsView view = show(node);
                awaitLoaded(view);

                // a bad value is refused with a sentence and nothing is saved
                robot.clickOn("#settings-upload").write("fast").type(KeyCode.ENTER);
                Fx.await("the refusal", TIMEOUT, () -> message(view).equals(
                        "The upload limit must be a number of KB/s, like 500, or empty for none."));
                assertThat(node.settings().uploadLimit()).isZero();

                Fx.run(() -> ((TextField) view.lookup("#settings-upload")).clear());
                robot.clickOn("#settings-upload").write(String.valueOf(LIMIT / 1000));
                // the theme is below the fold: the keyboard gets there and the view scrolls to it
                Fx.run(() -> view.lookup("#settings-theme-light").requestFocus());
                robot.type(KeyCode.SPACE);
                Fx.await("light selected", TIMEOUT, () -> Fx.call(() -> ((RadioButton) view.lookup("#settings-theme-light")).isSelected()));
                Fx.run(() -> view.lookup("#settings-upload").requestFocus());
                robot.type(KeyCode.ENTER);
                Fx.await("saved", TIMEOUT, () -> message(view).startsWith("Saved."));
                assertThat(node.settings().uploadLimit()).isEqualTo(LIMIT);
                assertThat(node.settings().theme()).isEqualTo(Settings.Theme.LIGHT);
                assertThat(themes).containsExactly(Settings.Theme.LIGHT);
                String json = Files.readString(home.resolve("settings.json"));
                assertThat(json).contains("\"uploadLimit\" : " + LIMIT, "\"theme\" : \"light\"");
                System.out.println("settings.json after saving:\n" + json);

                double seconds = fetchFrom(node, fetcher, "first.bin");
                System.out.printf("upload limit %d B/s, applied at once: %d bytes fetched in %.2f s (%.0f B/s)%n", LIMIT,
                        FILE_BYTES, seconds, FILE_BYTES / seconds);
                assertThat(seconds).as("a 1.5 MB fetch held to 250 KB/s").isGreaterThan(4.0);
                Fx.run(() -> stage.setScene(new Scene(new Label("closed"))));
            }

            // a restart with the command line's defaults (no limits given): the saved limit holds again
            try (Node node = LibraryFixture.node(home)) {
                SettingsView view = show(node);
                awaitLoaded(view);
                assertThat(Fx.call(() -> ((TextField) view.lookup("#settings-upload")).getText())).isEqualTo("250");
                assertThat(Fx.call(() -> ((RadioButton) view.lookup("#settings-theme-light")).isSelected())).isTrue();
                double seconds = fetchFrom(node, fetcher, "second.bin");
                System.out.printf("after the restart: %d bytes fetched in %.2f s (%.0f B/s)%n", FILE_BYTES, seconds,
                        FILE_BYTES / seconds);
                assertThat(seconds).isGreaterThan(4.0);

                // no limit: the same fetch takes a moment
                Fx.run(() -> ((TextField) view.lookup("#settings-upload")).clear());
                robot.clickOn("#settings-save");
                Fx.await("saved", TIMEOUT, () -> message(view).startsWith("Saved."));
                assertThat(node.settings().uploadLimit()).isZero();
                double unlimited = fetchFrom(node, fetcher, "third.bin");
                System.out.printf("without a limit: %.2f s%n", unlimited);
                assertThat(unlimited).isLessThan(seconds / 2);
                Fx.run(() -> stage.setScene(new Scene(new Label("closed"))));
            }
        }
    }

    @Test
    void identityAndDataDirectoryChangesWaitForTheNextStart(FxRobot robot) throws Exception {
        Path exported = tmp.resolve("usb/identity.json");
        Path pointer = tmp.resolve("config/data-directory");
        String keyA;
        try (Node a = LibraryFixture.node(tmp.resolve("a"))) {
            keyA = a.channel().publicKey();
            SettingsView view = show(a, pointer);
            awaitLoaded(view);
            Fx.run(() -> view.exportIdentity(exported));
            Fx.await("exported", TIMEOUT, () -> message(view).startsWith("Exported the identity of channel "
                    + keyA.substring(0, 16)));
            Fx.run(() -> stage.setScene(new Scene(new Label("closed"))));
        }
        Path homeB = tmp.resolve("b");
        String keyB;
        try (Node b = LibraryFixture.node(homeB)) {
            keyB = b.channel().publicKey();
            SettingsView view = show(b, pointer);
            awaitLoaded(view);
            Fx.run(() -> view.importIdentity(exported));
            Fx.await("imported", TIMEOUT, () -> message(view).startsWith("Imported channel " + keyA.substring(0, 16)
                    + "…; it applies after restart."));
            assertThat(text(view, "#settings-identity-note")).contains("From the next start", keyA.substring(0, 16));
            assertThat(b.channel().publicKey()).as("the running node keeps its identity").isEqualTo(keyB);

            Path elsewhere = tmp.resolve("videos/swarmtube");
            Fx.run(() -> view.chooseDataDirectory(elsewhere));
            Fx.await("the new directory noted", TIMEOUT, () -> text(view, "#settings-data-note")
                    .equals("From the next start Swarmtube uses " + elsewhere + ". Nothing is moved: this directory stays as it is."));
            assertThat(new DataDirectory(pointer).preferred()).isEqualTo(elsewhere);
            Path docs = Files.createDirectories(tmp.resolve("docs"));
            Files.writeString(docs.resolve("letter.txt"), "not a data directory");
            Fx.run(() -> view.chooseDataDirectory(docs));
            Fx.await("a refusal", TIMEOUT, () -> message(view).startsWith("Could not choose " + docs + ": " + docs
                    + " already holds other files"));
            assertThat(new DataDirectory(pointer).preferred()).isEqualTo(elsewhere);
            Fx.run(() -> stage.setScene(new Scene(new Label("closed"))));
        }
        try (Node b = LibraryFixture.node(homeB)) {
            assertThat(b.channel().publicKey()).as("after the restart").isEqualTo(keyA);
        }
        try (var files = Files.list(homeB)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("identity-" + keyB.substring(0, 16)));
        }
    }

    /** Publishes random bytes on {@code seeder} and times {@code fetcher}'s download of them. */
    private double fetchFrom(Node seeder, Node fetcher, String name) throws Exception {
        byte[] bytes = new byte[FILE_BYTES];
        new Random(name.hashCode()).nextBytes(bytes);
        Path file = Files.write(Files.createDirectories(tmp.resolve("seeded")).resolve(name), bytes);
        NodeApi.PublishResult published = seeder.publish(new NodeApi.PublishCommand(file, name, "", List.of(), List.of())
                .allowingAnyFile());
        long began = System.nanoTime();
        fetcher.startFetch(LibraryFixture.magnet(seeder, published), tmp.resolve("fetched").resolve(name));
        Await.until(Duration.ofSeconds(60), "the fetch of " + name, () -> fetcher.fetchProgress(published.infohash()).done());
        return (System.nanoTime() - began) / 1e9;
    }

    private SettingsView show(Node node) throws Exception {
        return show(node, tmp.resolve("config/data-directory"));
    }

    private SettingsView show(Node node, Path pointer) throws Exception {
        return Fx.call(() -> {
            SettingsView view = new SettingsView(node, bridge, new DataDirectory(pointer));
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
            return view;
        });
    }

    private static void awaitLoaded(SettingsView view) throws Exception {
        Fx.await("the settings read", TIMEOUT, () -> Fx.call(() -> !view.lookup("#settings-save").isDisabled()));
    }

    private static String message(SettingsView view) throws Exception {
        return text(view, "#settings-message");
    }

    private static String text(SettingsView view, String id) throws Exception {
        return Fx.call(() -> ((Label) view.lookup(id)).getText());
    }
}
