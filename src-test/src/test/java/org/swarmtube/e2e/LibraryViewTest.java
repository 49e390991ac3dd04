package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.Library;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.desktop.FxBridge;
import org.swarmtube.app.desktop.library.LibraryModel;
import org.swarmtube.app.desktop.library.LibraryView;
import org.swarmtube.swarm.RateLimits;
import org.swarmtube.swarm.TorrentStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Library view under headless Monocle with real nodes on loopback: a viewer that watched videos
 * from a creator and published one of its own. Removing asks first (Esc cancels), then removes the
 * torrent and deletes the file; pause, resume and keep seeding reach the engine and the settings;
 * the rows show progress, rates and peers of a download in progress.
 */
@ExtendWith(ApplicationExtension.class)
class LibraryViewTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
    void removingAsksAndThenDeletesTheFile(FxRobot robot) throws Exception {
        try (Node creator = LibraryFixture.node(tmp.resolve("a"));
             Node viewer = LibraryFixture.node(tmp.resolve("b"))) {
            NodeApi.PublishResult holiday = LibraryFixture.publishClip(creator, tmp.resolve("clips/holiday.mp4"), "Holiday", 3);
            NodeApi.PublishResult concert = LibraryFixture.publishClip(creator, tmp.resolve("clips/concert.mp4"), "Concert", 3);
            String watched = LibraryFixture.watchWhole(viewer, LibraryFixture.magnet(creator, holiday));
            LibraryFixture.watchWhole(viewer, LibraryFixture.magnet(creator, concert));
            Path mine = TestClips.mp4(tmp.resolve("mine/talk.mp4"), 3, "300k");
            NodeApi.PublishResult talk = viewer.publish(new NodeApi.PublishCommand(mine, "My talk", "", List.of(), List.of()));
            Path watchedFile = Path.of(viewer.swarm().status(watched).orElseThrow().path());
            assertThat(watchedFile).exists().startsWith(LibraryFixture.libraryDir(viewer, watched));

            LibraryView view = show(viewer);
            Fx.await("three rows", TIMEOUT, () -> Fx.call(() -> line(view, watched).isPresent()
                    && line(view, talk.infohash()).isPresent() && line(view, concert.infohash()).isPresent()));
            LibraryModel.Line row = Fx.call(() -> line(view, watched)).orElseThrow();
            assertThat(row.kindText()).isEqualTo("Watched");
            assertThat(row.progressText()).isEqualTo("100 %");
            assertThat(row.statusText()).isEqualTo("Seeding");
            assertThat(Fx.call(() -> line(view, talk.infohash())).orElseThrow().kindText()).isEqualTo("My video");
            String summary = Fx.call(() -> ((Label) view.lookup("#library-summary")).getText());
            assertThat(summary).startsWith("3 videos");
            System.out.println("library: " + summary + "; " + Fx.call(() -> ((Label) view.lookup("#library-quota")).getText()));

            // Delete asks; Esc takes the question back and nothing happens
            assertThat(Fx.call(() -> view.select(watched))).isTrue();
            robot.type(KeyCode.DELETE);
            Fx.await("the question", TIMEOUT, () -> Fx.call(() -> view.lookup("#remove-prompt").isVisible()));
            assertThat(Fx.call(() -> ((Label) view.lookup("#remove-question")).getText()))
                    .isEqualTo("Remove “holiday.mp4” from Swarmtube?");
            CheckBox delete = (CheckBox) view.lookup("#remove-delete-file");
            assertThat(Fx.call(delete::isSelected)).as("the library's own copy: delete by default").isTrue();
            robot.type(KeyCode.ESCAPE);
            Fx.await("the question gone", TIMEOUT, () -> Fx.call(() -> !view.lookup("#remove-prompt").isVisible()));
            assertThat(viewer.swarm().status(watched)).isPresent();
            assertThat(watchedFile).exists();

            // asked again and confirmed: the torrent goes, the file and its library directory too
            robot.type(KeyCode.DELETE);
            Fx.await("the question", TIMEOUT, () -> Fx.call(() -> view.lookup("#remove-prompt").isVisible()));
            assertThat(viewer.swarm().status(watched)).as("nothing removed before the answer").isPresent();
            robot.clickOn("#remove-confirm");
            Await.until(TIMEOUT, "the torrent removed", () -> viewer.swarm().status(watched).isEmpty());
            Await.until(TIMEOUT, "the file deleted", () -> !Files.exists(watchedFile));
            Fx.await("the row gone", TIMEOUT, () -> Fx.call(() -> line(view, watched).isEmpty()));
            assertThat(LibraryFixture.libraryDir(viewer, watched)).doesNotExist();
            Fx.await("the message", TIMEOUT, () -> Fx.call(() -> message(view)).equals("Removed “holiday.mp4” and deleted its file."));

            // the viewer's own video: the question leaves the original alone unless ticked
            Fx.call(() -> view.select(talk.infohash()));
            robot.clickOn("#library-remove");
            Fx.await("the question", TIMEOUT, () -> Fx.call(() -> view.lookup("#remove-prompt").isVisible()));
            assertThat(Fx.call(delete::isSelected)).isFalse();
            assertThat(Fx.call(delete::getText)).contains("your original file", mine.toString());
            robot.type(KeyCode.ENTER);
            Await.until(TIMEOUT, "the publication removed", () -> viewer.swarm().status(talk.infohash()).isEmpty());
            Fx.await("the message", TIMEOUT, () -> Fx.call(() -> message(view)).startsWith("Removed “My talk”. The file stays at"));
            assertThat(mine).exists();
            assertThat(Fx.call(() -> view.lines().stream().filter(l -> l.kind() != Library.Kind.CHANNEL)
                    .map(LibraryModel.Line::title).toList())).containsExactly("concert.mp4");
            assertThat(Fx.call(() -> view.lines().get(view.lines().size() - 1).title()))
                    .as("the own channel's catalog, last").startsWith("Catalog of “").endsWith("(your channel)");
        }
    }

    @Test
    void showsADownloadAndPausesResumesAndKeepsIt(FxRobot robot) throws Exception {
        try (Node creator = LibraryFixture.node(tmp.resolve("a"));
             Node viewer = LibraryFixture.node(tmp.resolve("b"))) {
            NodeApi.PublishResult film = LibraryFixture.publishClip(creator, tmp.resolve("clips/film.mp4"), "Film", 12);
            long size = Files.size(tmp.resolve("clips/film.mp4"));
            // the creator uploads slowly, so the viewer's row shows a download in progress for a while
            creator.swarm().setLimits(film.infohash(), new RateLimits(size / 8, 0));
            LibraryView view = show(viewer);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread watching = new Thread(() -> {
                try {
                    LibraryFixture.watchWhole(viewer, LibraryFixture.magnet(creator, film));
                } catch (Throwable e) {
                    failed.set(e);
                }
            }, "watching");
            watching.start();

            Fx.await("a download with rate and peer", TIMEOUT, () -> Fx.call(() -> line(view, film.infohash())
                    .map(l -> l.state() == TorrentStatus.State.DOWNLOADING && !l.downText().equals("–")
                            && l.peersText().equals("1 (1 seed)") && l.progress() > 0 && l.progress() < 1).orElse(false)));
            LibraryModel.Line downloading = Fx.call(() -> line(view, film.infohash())).orElseThrow();
            System.out.printf("downloading: %s %s, ↓ %s, peers %s%n", downloading.progressText(), downloading.statusText(),
                    downloading.downText(), downloading.peersText());

            Fx.call(() -> view.select(film.infohash()));
            // the keyboard: Alt+P pauses the selected video
            robot.press(KeyCode.ALT).type(KeyCode.P).release(KeyCode.ALT);
            Await.until(TIMEOUT, "paused in the engine", () -> state(viewer, film.infohash()) == TorrentStatus.State.PAUSED);
            Fx.await("the row paused", TIMEOUT, () -> Fx.call(() -> line(view, film.infohash()).orElseThrow().statusText()).equals("Paused"));
            robot.press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT);
            Await.until(TIMEOUT, "resumed", () -> state(viewer, film.infohash()) != TorrentStatus.State.PAUSED);

            robot.press(KeyCode.ALT).type(KeyCode.K).release(KeyCode.ALT);
            Await.until(TIMEOUT, "kept in the settings", () -> viewer.settings().isKept(film.infohash()));
            Fx.await("the row kept", TIMEOUT, () -> Fx.call(() -> line(view, film.infohash()).orElseThrow().kindText())
                    .equals("Watched · kept"));

            creator.swarm().setLimits(film.infohash(), RateLimits.UNLIMITED);
            watching.join(TIMEOUT.toMillis());
            assertThat(failed.get()).isNull();
            Fx.await("seeding", TIMEOUT, () -> Fx.call(() -> line(view, film.infohash()).orElseThrow().statusText()).equals("Seeding"));
        }
    }

    private static TorrentStatus.State state(Node node, String infohash) {
        return node.swarm().status(infohash).map(TorrentStatus::state).orElse(null);
    }

    private LibraryView show(Node node) throws Exception {
        return Fx.call(() -> {
            LibraryView view = new LibraryView(node, bridge);
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
            return view;
        });
    }

    private static Optional<LibraryModel.Line> line(LibraryView view, String infohash) {
        return view.lines().stream().filter(l -> l.infohash().equals(infohash)).findFirst();
    }

    private static String message(LibraryView view) {
        return ((Label) view.lookup("#library-message")).getText();
    }
}
