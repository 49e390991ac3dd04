package org.swarmtube.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of {@link StartupBenchmark}: a bare JavaFX window (one label), started the way the app
 * starts its window ({@code Platform.startup}, no {@code Application} subclass), that prints when its
 * first frame is laid out and exits.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        Platform.startup(ready::countDown);
        ready.await();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(new Label("Hello")), 1280, 800);
            stage.setScene(scene);
            stage.setTitle("Bare");
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("bare-startup usable-ms=" + ms);
                System.out.flush();
                shown.countDown();
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.show();
        });
        shown.await();
        Platform.exit();
        System.exit(0);
    }
}
