package org.swarmtube.app.desktop;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A page's busy indicator and its one message line, for work that runs off the FX thread: shown
 * busy while any such work is in flight, the last outcome as information or as an error. FX thread.
 */
public final class StatusLine {
    private final Label message = new Label();
    private final ProgressIndicator working = new ProgressIndicator();
    private int inFlight;
    private boolean showingError;

    /** @param idPrefix the message is {@code <prefix>-message}, the indicator {@code <prefix>-working} */
    public StatusLine(String idPrefix) {
        message.setId(idPrefix + "-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        working.setId(idPrefix + "-working");
        working.setPrefSize(16, 16);
        working.setMaxSize(16, 16);
        working.setVisible(false);
    }

    public Label message() {
        return message;
    }

    public ProgressIndicator working() {
        return working;
    }

    /** Some work began. */
    public void started() {
        inFlight++;
        working.setVisible(true);
    }

    /** Some work ended (say how with {@link #info} or {@link #error}). */
    public void finished() {
        inFlight = Math.max(0, inFlight - 1);
        working.setVisible(inFlight > 0);
    }

    public void info(String text) {
        showingError = false;
        message.getStyleClass().remove(Styles.DANGER);
        message.setText(text);
    }

    public void error(String text) {
        showingError = true;
        if (!message.getStyleClass().contains(Styles.DANGER)) message.getStyleClass().add(Styles.DANGER);
        message.setText(text);
    }

    /** No work in flight and no message shown: room for a passing note. */
    public boolean quiet() {
        return inFlight == 0 && !showingError && message.getText().isEmpty();
    }
}
