package org.swarmtube.app.desktop;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.swarmtube.media.MediaInfo;

/** Asks for a video's title, description and tags, prefilled from the file. */
final class PublishDialog extends Dialog<PublishDialog.Details> {
    /** Folder names that say nothing about a video. */
    private static final Set<String> GENERIC_FOLDERS = Set.of("videos", "video", "downloads", "download", "desktop", "tmp",
            "temp", "home", "root", "documents", "movies", "media", "clips", "files", "camera", "dcim", "new folder");

    /** What the viewer entered. */
    record Details(String title, String description, List<String> tags) {
    }

    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final TextField tags = new TextField();

    PublishDialog(Window owner, Path file, MediaInfo info, long sizeBytes, int number, int of) {
        if (owner != null) initOwner(owner);
        setTitle("Publish a video");
        setHeaderText(of > 1 ? "Publish \u201c" + file.getFileName() + "\u201d (" + number + " of " + of + ")"
                : "Publish \u201c" + file.getFileName() + "\u201d");
        Forms.dress(this);
        ButtonType publish = new ButtonType("Publish", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(publish, ButtonType.CANCEL);

        title.setId("publish-title");
        title.setText(Formats.titleFromFileName(file.getFileName().toString()));
        description.setId("publish-description");
        description.setPromptText("What is it about? (optional)");
        description.setPrefRowCount(4);
        description.setWrapText(true);
        tags.setId("publish-tags");
        tags.setPromptText("holiday, sea, 2024");
        tags.setText(String.join(", ", suggestedTags(file)));
        Label about = new Label(Formats.duration(info.duration()) + "  ·  " + info.displayWidth() + "×" + info.height()
                + "  ·  " + info.videoCodec().toUpperCase(Locale.ROOT) + "  ·  " + Formats.bytes(sizeBytes));
        about.getStyleClass().add("publish-about");
        Label note = new Label("It is hashed on this computer and seeded from where it is: keep the file in place.");
        note.getStyleClass().add("publish-note");
        note.setWrapText(true);

        GridPane grid = Forms.grid(560);
        Forms.row(grid, 0, "Title", title);
        Forms.row(grid, 1, "Description", description);
        Forms.row(grid, 2, "Tags", tags);
        grid.add(about, 1, 3);
        grid.add(note, 1, 4);
        getDialogPane().setContent(grid);

        Button ok = (Button) getDialogPane().lookupButton(publish);
        ok.setId("publish-ok");
        ok.disableProperty().bind(title.textProperty().isEmpty());
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("publish-cancel");
        setResultConverter(button -> button == publish
                ? new Details(title.getText().strip(), description.getText().strip(), parseTags(tags.getText())) : null);
        setOnShown(e -> {
            title.requestFocus();
            title.selectAll();
        });
    }

    /** Tags typed as a comma-separated list. */
    static List<String> parseTags(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The file's folder as a tag, unless it is a folder every video could be in. */
    static List<String> suggestedTags(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || parent.getFileName() == null) return List.of();
        String folder = parent.getFileName().toString().replaceAll("[_.-]+", " ").strip().toLowerCase(Locale.ROOT);
        if (folder.isEmpty() || folder.length() > 40 || GENERIC_FOLDERS.contains(folder) || folder.startsWith("swarmtube")
                || folder.matches("[0-9a-f]{16,}|junit.*|tmp.*")) {
            return List.of();
        }
        return List.of(folder);
    }
}
