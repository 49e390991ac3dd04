package org.swarmtube.app.desktop;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The look shared by the window's form dialogs: the theme, and labelled rows in a grid. */
final class Forms {
    private Forms() {
    }

    /** Gives a dialog the window's theme and the form dialogs' style. */
    static void dress(Dialog<?> dialog) {
        dialog.getDialogPane().getStyleClass().add("publish-dialog");
        dialog.getDialogPane().getStylesheets().add(Theme.stylesheet());
        Theme.mark(dialog.getDialogPane());
    }

    /** A grid of labelled fields: labels right-aligned in the first column, fields growing in the second. */
    static GridPane grid(double prefWidth) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 4, 4, 4));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(labels, new ColumnConstraints());
        grid.setPrefWidth(prefWidth);
        return grid;
    }

    /** Adds a labelled field as the next row. */
    static void row(GridPane grid, int row, String label, javafx.scene.Node field) {
        Label text = new Label(label);
        text.setLabelFor(field);
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.getStyleClass().add("field-label");
        if (field instanceof TextArea) GridPane.setValignment(text, VPos.TOP);
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.addRow(row, text, field);
    }
}
