package org.swarmtube.app.desktop;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/** Long work in progress (publishing), each with its progress bar, in the window's lower right corner. FX thread. */
final class Tasks extends VBox {
    Tasks() {
        super(8);
        getStyleClass().add("tasks");
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }

    /** One piece of work. */
    final class Task extends VBox {
        private final Label title = new Label();
        private final Label status = new Label();
        private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        private final HBox actions = new HBox(6);

        Task(String name) {
            super(6);
            getStyleClass().add("task");
            title.setText(name);
            title.getStyleClass().add("task-title");
            title.setGraphic(Icons.of(Feather.UPLOAD_CLOUD, 16));
            status.getStyleClass().add("task-status");
            status.setWrapText(true);
            bar.setMaxWidth(Double.MAX_VALUE);
            Button close = new Button();
            close.setGraphic(Icons.of(Feather.X, 14));
            close.getStyleClass().addAll("flat", "button-icon");
            close.setFocusTraversable(false);
            close.setOnAction(e -> Tasks.this.getChildren().remove(this));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox head = new HBox(6, title, spacer, close);
            head.setAlignment(Pos.CENTER_LEFT);
            actions.managedProperty().bind(actions.visibleProperty());
            actions.setVisible(false);
            getChildren().addAll(head, status, bar, actions);
            setPrefWidth(340);
            setMaxWidth(340);
        }

        void progress(String text, double fraction) {
            status.setText(text);
            bar.setProgress(fraction);
        }

        void done(String text, Button... buttons) {
            getStyleClass().add("done");
            status.setText(text);
            bar.setVisible(false);
            bar.setManaged(false);
            actions.getChildren().setAll(buttons);
            actions.setVisible(buttons.length > 0);
            title.setGraphic(Icons.of(Feather.CHECK_CIRCLE, 16));
            fadeAfter(Duration.seconds(20));
        }

        void failed(String text) {
            getStyleClass().add("failed");
            status.setText(Sentences.capitalised(text));
            bar.setVisible(false);
            bar.setManaged(false);
            title.setGraphic(Icons.of(Feather.ALERT_CIRCLE, 16));
            fadeAfter(Duration.seconds(30));
        }

        private void fadeAfter(Duration delay) {
            PauseTransition wait = new PauseTransition(delay);
            wait.setOnFinished(e -> {
                FadeTransition fade = new FadeTransition(Duration.millis(400), this);
                fade.setToValue(0);
                fade.setOnFinished(f -> Tasks.this.getChildren().remove(this));
                fade.play();
            });
            wait.play();
        }
    }

    Task add(String name) {
        Task task = new Task(name);
        getChildren().add(task);
        return task;
    }
}
