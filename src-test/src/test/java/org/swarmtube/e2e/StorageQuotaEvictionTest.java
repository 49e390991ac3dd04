package org.swarmtube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.app.DataDirectory;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.desktop.FxBridge;
import org.swarmtube.app.desktop.settings.SettingsView;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.WatchPosition;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The storage quota on a real viewer node that watched four clips from a creator (each streamed
 * whole into {@code library/<infohash>/}) and published one of its own. Lowering the quota in the
 * Settings view removes the least recently watched video that is not pinned, with its files; a
 * video the viewer keeps seeding and the viewer's own publication stay even when the library is
 * still over the quota.
 */
@ExtendWith(ApplicationExtension.class)
class StorageQuotaEvictionTest {
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
    void theQuotaEvictsTheLeastRecentlyWatchedUnpinnedVideoFirst(FxRobot robot) throws Exception {
        try (Node creator = LibraryFixture.node(tmp.resolve("a"));
             Node viewer = LibraryFixture.node(tmp.resolve("b"))) {
            List<String> clips = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                NodeApi.PublishResult p = LibraryFixture.publishClip(creator, tmp.resolve("clips/clip" + i + ".mp4"), "Clip " + i, 2 + i);
                clips.add(LibraryFixture.watchWhole(viewer, LibraryFixture.magnet(creator, p)));
            }
            Path ownFile = TestClips.mp4(tmp.resolve("mine/own.mp4"), 2, "300k");
            String own = viewer.publish(new NodeApi.PublishCommand(ownFile, "Own", "", List.of(), List.of())).infohash();

            // watched (oldest first): clip 1, clip 3, clip 0, clip 2; clip 1 is kept seeding
            for (int i : new int[] {1, 3, 0, 2}) watched(viewer, clips.get(i));
            viewer.library().keep(clips.get(1), true);
            long[] size = new long[4];
            for (int i = 0; i < 4; i++) size[i] = viewer.swarm().status(clips.get(i)).orElseThrow().sizeBytes();
            long total = size[0] + size[1] + size[2] + size[3];
            assertThat(viewer.library().snapshot().libraryBytes()).isEqualTo(total);

            SettingsView view = Fx.call(() -> {
                SettingsView v = new SettingsView(viewer, bridge, new DataDirectory(tmp.resolve("config/pointer")));
                stage.setScene(new Scene(v, 1280, 800));
                stage.show();
                return v;
            });
            Fx.await("the settings read", TIMEOUT, () -> Fx.call(() -> !view.lookup("#settings-save").isDisabled()));

            // one byte too many: clip 3 goes, the least recently watched that is not kept
            setQuota(robot, view, total - 1);
            Fx.await("saved", TIMEOUT, () -> message(view).startsWith("Saved."));
            Await.until(TIMEOUT, "clip 3 evicted", () -> viewer.swarm().status(clips.get(3)).isEmpty());
            assertThat(message(view)).isEqualTo("Saved. Removed 1 watched video (" + bytes(size[3])
                    + ") to stay within the storage quota.");
            assertThat(LibraryFixture.libraryDir(viewer, clips.get(3))).doesNotExist();
            for (int i : new int[] {0, 1, 2}) assertThat(LibraryFixture.libraryDir(viewer, clips.get(i))).exists();
            System.out.printf("quota %d of %d bytes: evicted clip 3 (%d bytes); %s%n", total - 1, total, size[3],
                    Fx.call(() -> ((Label) view.lookup("#settings-usage")).getText()));

            // room for clips 1 and 2 only: clip 0 goes next
            setQuota(robot, view, size[1] + size[2]);
            Await.until(TIMEOUT, "clip 0 evicted", () -> viewer.swarm().status(clips.get(0)).isEmpty());
            assertThat(viewer.swarm().status(clips.get(2))).isPresent();
            assertThat(LibraryFixture.libraryDir(viewer, clips.get(0))).doesNotExist();

            // a quota smaller than the kept video: everything unpinned goes, the kept one and the own video stay
            setQuota(robot, view, 1000);
            Await.until(TIMEOUT, "clip 2 evicted", () -> viewer.swarm().status(clips.get(2)).isEmpty());
            assertThat(viewer.swarm().status(clips.get(1))).as("kept seeding").isPresent();
            assertThat(LibraryFixture.libraryDir(viewer, clips.get(1))).exists();
            assertThat(viewer.swarm().status(own)).as("the own publication").isPresent();
            assertThat(ownFile).exists();
            assertThat(viewer.library().snapshot().libraryBytes()).isEqualTo(size[1]);
            assertThat(viewer.library().snapshot().evictions()).extracting(e -> e.infohash())
                    .containsExactly(clips.get(2), clips.get(0), clips.get(3));
            Fx.run(() -> stage.setScene(new Scene(new Label("closed"))));
        }
    }

    /** Records a watch of a video now, and waits for the clock to move on so the next one is later. */
    private static void watched(Node node, String infohash) {
        VideoId id = VideoId.ofInfohash(infohash);
        node.channelStore().recordPosition(id, Duration.ofSeconds(1), false);
        Instant at = node.channelStore().position(id).map(WatchPosition::watchedAt).orElseThrow();
        Await.until(Duration.ofSeconds(5), "the clock to move on", () -> Instant.now().isAfter(at.plusMillis(5)));
    }

    private static void setQuota(FxRobot robot, SettingsView view, long bytes) throws Exception {
        String gb = BigDecimal.valueOf(bytes).movePointLeft(9).toPlainString();
        Fx.run(() -> ((TextField) view.lookup("#settings-quota")).setText(gb));
        robot.clickOn("#settings-save");
    }

    private static String message(SettingsView view) throws Exception {
        return Fx.call(() -> ((Label) view.lookup("#settings-message")).getText());
    }

    private static String bytes(long n) {
        return org.swarmtube.app.desktop.library.LibraryModel.bytes(n);
    }
}
