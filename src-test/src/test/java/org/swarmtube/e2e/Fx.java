package org.swarmtube.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import org.swarmtube.media.player.VideoPlayer;
import org.testfx.util.WaitForAsyncUtils;

/** Calls onto the FX thread from a test, and waits on conditions that read FX state. */
final class Fx {
    private Fx() {
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static <T> T call(Callable<T> callable) throws Exception {
        return WaitForAsyncUtils.asyncFx(callable).get(10, TimeUnit.SECONDS);
    }

    static void run(Runnable action) throws Exception {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Polls {@code condition} every 10 ms on the test thread. */
    static void await(String what, Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s");
            Thread.sleep(10);
        }
    }

    /** The player's picture (its ImageView, found by the style class of the area around it). FX thread. */
    static ImageView picture(VideoPlayer player) {
        Region area = (Region) player.lookup(".picture-area");
        return (ImageView) area.getChildrenUnmodifiable().get(0);
    }

    /** Where the picture is drawn, in scene coordinates. FX thread. */
    static Bounds shown(VideoPlayer player) {
        ImageView view = picture(player);
        return view.localToScene(view.getLayoutBounds());
    }
}
