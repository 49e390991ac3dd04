package org.swarmtube.app.desktop;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * Short messages over the bottom of the window: a confirmation fades after a few seconds, an error
 * stays longer and can be closed. Errors are sentences. FX thread.
 */
final class Messages extends VBox {
    private static final int MAX = 4;

    Messages() {
        super(8);
        getStyleClass().add("messages");
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }

    void info(String text) {
        show(text, false, Duration.seconds(4));
    }

    void error(String text) {
        show(text, true, Duration.seconds(12));
    }

    private void show(String text, boolean error, Duration visible) {
        Label label = new Label(Sentences.capitalised(text));
        label.setWrapText(true);
        label.setMaxWidth(420);
        label.getStyleClass().add("message-text");
        label.setGraphic(Icons.of(error ? Feather.ALERT_CIRCLE : Feather.CHECK_CIRCLE, 18));
        Button close = new Button();
        close.setGraphic(Icons.of(Feather.X, 14));
        close.getStyleClass().addAll("flat", "button-icon", "message-close");
        close.setFocusTraversable(false);
        HBox box = new HBox(10, label, close);
        HBox.setHgrow(label, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll("message", error ? "error" : "info");
        box.setMaxWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> getChildren().remove(box));
        getChildren().add(box);
        while (getChildren().size() > MAX) getChildren().remove(0);
        PauseTransition wait = new PauseTransition(visible);
        wait.setOnFinished(e -> {
            FadeTransition fade = new FadeTransition(Duration.millis(300), box);
            fade.setToValue(0);
            fade.setOnFinished(f -> getChildren().remove(box));
            fade.play();
        });
        wait.play();
    }
}
