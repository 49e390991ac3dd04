package org.swarmtube.app.desktop;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.swarmtube.catalog.channel.CatalogLimits;

/** Asks for the own channel's name and description. */
final class ChannelEditDialog extends Dialog<ChannelEditDialog.Details> {
    /** What the creator entered. */
    record Details(String name, String description) {
    }

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();

    ChannelEditDialog(Window owner, String currentName, String currentDescription) {
        if (owner != null) initOwner(owner);
        setTitle("Edit your channel");
        setHeaderText("Your channel's name and description");
        Forms.dress(this);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);

        name.setId("channel-edit-name");
        name.setText(currentName);
        name.setTextFormatter(limit(CatalogLimits.MAX_CHANNEL_NAME));
        description.setId("channel-edit-description");
        description.setText(currentDescription);
        description.setPromptText("What do you publish? (optional)");
        description.setPrefRowCount(5);
        description.setWrapText(true);
        description.setTextFormatter(limit(CatalogLimits.MAX_CHANNEL_DESCRIPTION));
        Label note = new Label("Subscribers see the change the next time their node looks the channel up.");
        note.getStyleClass().add("publish-note");
        note.setWrapText(true);

        GridPane grid = Forms.grid(520);
        Forms.row(grid, 0, "Name", name);
        Forms.row(grid, 1, "Description", description);
        grid.add(note, 1, 2);
        getDialogPane().setContent(grid);

        Button ok = (Button) getDialogPane().lookupButton(save);
        ok.setId("channel-edit-save");
        ok.disableProperty().bind(name.textProperty().map(String::isBlank));
        setResultConverter(button -> button == save ? new Details(name.getText().strip(), description.getText().strip()) : null);
        setOnShown(e -> {
            name.requestFocus();
            name.selectAll();
        });
    }

    /** Refuses typing past the catalog's limit, rather than failing on Save. */
    private static TextFormatter<String> limit(int max) {
        return new TextFormatter<>(change -> change.getControlNewText().length() <= max ? change : null);
    }
}
