package org.swarmtube.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.ChannelLink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The grid with 10,000 videos under headless Monocle: only the rows on screen exist as nodes, scrolling
 * through all of it stays within a frame's budget, and the keyboard reaches every card.
 */
@ExtendWith(ApplicationExtension.class)
class VideoGridTest {
    private static final int VIDEOS = 10_000;
    private Stage stage;
    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
    }

    @Test
    void tenThousandVideosScrollWithOnlyTheVisibleCardsBuilt(FxRobot robot) throws Exception {
        List<VideoSummary> videos = new ArrayList<>(VIDEOS);
        Instant now = Instant.now();
        for (int i = 0; i < VIDEOS; i++) {
            byte[] hash = new byte[20];
            hash[0] = (byte) (i >> 8);
            hash[1] = (byte) i;
            hash[19] = 1;
            String infohash = HexFormat.of().formatHex(hash);
            videos.add(new VideoSummary(VideoId.ofInfohash(infohash), infohash, "Video " + i, "cd".repeat(32), "Channel " + (i % 40),
                    now.minusSeconds(60L * i), Duration.ofSeconds(30 + i % 600), 640, 360, 1_000_000, i % 3 == 0));
        }
        VideoGrid grid = fx(() -> {
            Context context = new Context(null, new FxBridge(), "ef".repeat(32), List.of(), navigator(), new Messages());
            VideoGrid g = new VideoGrid(context, Pages.actions(context), false, true);
            stage.setScene(new Scene(g, 1280, 800));
            stage.show();
            return g;
        });

        long began = System.nanoTime();
        fx(() -> {
            grid.setVideos(videos);
            grid.applyCss();
            grid.layout();
            return null;
        });
        double setMs = (System.nanoTime() - began) / 1e6;
        int columns = fx(grid::columns);
        int cards = fx(() -> grid.lookupAll(".video-card").size());
        int rowsOnScreen = fx(() -> (int) Math.ceil(grid.getHeight() / grid.list().getFixedCellSize()));
        System.out.printf("10,000 videos: %d columns, %d card nodes for %d rows on screen, set and laid out in %.1f ms%n",
                columns, cards, rowsOnScreen, setMs);
        assertThat(columns).isBetween(3, 5);
        assertThat(cards).as("cards built").isLessThanOrEqualTo((rowsOnScreen + 3) * columns);

        // scroll: like a mouse wheel (120 px a notch) and by whole screens through all 10,000
        VirtualFlow<?> flow = fx(() -> (VirtualFlow<?>) grid.list().lookup(".virtual-flow"));
        double total = fx(() -> grid.list().getFixedCellSize() * grid.list().getItems().size());
        double[] wheel = scroll(grid, flow, 400, 120);
        double[] pages = scroll(grid, flow, 300, total / 300);
        int cardsAfter = fx(() -> grid.lookupAll(".video-card").size());
        System.out.printf("scrolling 10,000 videos, per step: wheel (120 px) mean %.2f ms, p95 %.2f ms, max %.2f ms; "
                + "jumps of %.0f px (every card new) mean %.2f ms, p95 %.2f ms; %d card nodes%n", mean(wheel), p95(wheel),
                max(wheel), total / 300, mean(pages), p95(pages), cardsAfter);
        assertThat(cardsAfter).isLessThanOrEqualTo((rowsOnScreen + 3) * columns);
        // a loaded 2-core machine makes single steps slow now and then: the mean must fit in a frame
        assertThat(mean(wheel)).as("mean wheel step, ms (a frame is 16.7 ms)").isLessThan(16.7);
        assertThat(mean(pages)).as("mean jump of a screen, ms").isLessThan(33);

        // the keyboard reaches the last card and plays it
        fx(() -> {
            flow.scrollTo(0);
            grid.list().requestFocus();
            return null;
        });
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(grid::selected)).isEqualTo(VIDEOS - 1);
        assertThat(fx(() -> grid.lookupAll(".card-title").stream().map(n -> ((Label) n).getText()).toList()))
                .contains("Video " + (VIDEOS - 1));
        robot.type(KeyCode.UP, KeyCode.LEFT, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("Video " + (VIDEOS - 1 - columns - 1));
    }

    private static double[] scroll(VideoGrid grid, VirtualFlow<?> flow, int steps, double pixels) throws Exception {
        double[] times = new double[steps];
        for (int i = 0; i < steps; i++) {
            times[i] = fx(() -> {
                long t = System.nanoTime();
                flow.scrollPixels(pixels);
                grid.applyCss();
                grid.layout();
                return (System.nanoTime() - t) / 1e6;
            });
        }
        return times;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double p95(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.95)];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private Context.Navigator navigator() {
        return new Context.Navigator() {
            @Override
            public void watch(VideoSummary video) {
                opened.add(video.title());
            }

            @Override
            public void watchLink(MagnetLink magnet, String title) {
            }

            @Override
            public void channel(String channelKey) {
            }

            @Override
            public void channel(ChannelLink link) {
            }

            @Override
            public void myChannel() {
            }

            @Override
            public void subscriptions() {
            }

            @Override
            public void home() {
            }

            @Override
            public void publishFiles(List<File> files) {
            }

            @Override
            public void pickFiles() {
            }

            @Override
            public void addChannel() {
            }

            @Override
            public void catalogChanged() {
            }
        };
    }
}
