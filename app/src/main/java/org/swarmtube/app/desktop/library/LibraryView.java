package org.swarmtube.app.desktop.library;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.swarmtube.app.Library;
import org.swarmtube.app.Node;
import org.swarmtube.app.desktop.FxBridge;
import org.swarmtube.app.desktop.Sentences;
import org.swarmtube.app.desktop.StatusLine;
import org.swarmtube.swarm.TorrentStatus;

/**
 * The Library: every torrent of the node with its progress, rates and peers, refreshed every
 * second while the view is in a window. Pause, resume, keep seeding (pinned: never evicted by the
 * storage quota nor stopped by the seeding policy) and remove, which first asks whether to delete
 * the file. Keyboard: Tab between the table and the buttons, Delete asks to remove the selected
 * video, Alt+P / Alt+R / Alt+K / Alt+M for the buttons; in the question Enter removes, Esc cancels.
 *
 * <p>Every node call runs through the {@link FxBridge}; nothing here blocks the FX thread.
 */
public final class LibraryView extends StackPane {
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final Node node;
    private final FxBridge bridge;

    /** One row; its line changes every refresh while the row (and the selection) stays. */
    private static final class Row {
        final ObjectProperty<LibraryModel.Line> line;

        Row(LibraryModel.Line line) {
            this.line = new SimpleObjectProperty<>(line);
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList(r -> new Observable[] {r.line});
    private final Map<String, Row> byHash = new HashMap<>();
    private final Set<String> removing = new HashSet<>();
    private final TableView<Row> table = new TableView<>();
    private final Label summary = new Label();
    private final Label quotaText = new Label();
    private final ProgressBar quotaBar = new ProgressBar(0);
    private final StatusLine status = new StatusLine("library");
    private final Button pause = new Button("_Pause");
    private final Button resume = new Button("_Resume");
    private final ToggleButton keep = new ToggleButton("_Keep seeding");
    private final Button remove = new Button("Re_move…");

    private final StackPane promptLayer = new StackPane();
    private final Label promptQuestion = new Label();
    private final Label promptDetail = new Label();
    private final CheckBox deleteFile = new CheckBox();
    private final Button confirmRemove = new Button("Remove");
    private final Button cancelRemove = new Button("Cancel");
    private final BorderPane content = new BorderPane();

    /** FX thread. */
    private FxBridge.Subscription refresh;
    private String promptFor;

    public LibraryView(Node node, FxBridge bridge) {
        this.node = Objects.requireNonNull(node, "node");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        getStyleClass().add("library-view");
        getStylesheets().add(STYLESHEET);

        Label title = new Label("Library");
        title.getStyleClass().add(Styles.TITLE_2);
        summary.setId("library-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        quotaText.setId("library-quota");
        quotaText.getStyleClass().add(Styles.TEXT_MUTED);
        quotaBar.setId("library-quota-bar");
        quotaBar.getStyleClass().addAll("library-quota-bar", Styles.SMALL);
        quotaBar.setFocusTraversable(false);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        VBox heading = new VBox(2, title, summary);
        HBox header = new HBox(12, heading, spring, quotaText, quotaBar);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("library-header");

        pause.setId("library-pause");
        pause.setGraphic(new FontIcon(Feather.PAUSE));
        pause.setOnAction(e -> act("pause", Library::pause));
        resume.setId("library-resume");
        resume.setGraphic(new FontIcon(Feather.PLAY));
        resume.setOnAction(e -> act("resume", Library::resume));
        keep.setId("library-keep");
        keep.setGraphic(new FontIcon(Feather.BOOKMARK));
        keep.setTooltip(new Tooltip("Keep seeding this video: the storage quota never removes it and the seeding"
                + " policy never stops it"));
        keep.setOnAction(e -> {
            // from the row, not the toggle: a mnemonic (Alt+K) fires the action without toggling
            Optional<LibraryModel.Line> line = selected();
            if (line.isEmpty()) return;
            boolean on = !line.get().kept();
            keep.setSelected(on);
            act(on ? "keep" : "stop keeping", (library, ih) -> library.keep(ih, on));
        });
        remove.setId("library-remove");
        remove.setGraphic(new FontIcon(Feather.TRASH_2));
        remove.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.DANGER);
        remove.setOnAction(e -> askRemove());
        for (var b : List.of(pause, resume, keep, remove)) b.setMnemonicParsing(true);
        HBox tools = new HBox(8, pause, resume, keep, remove);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("library-tools");

        buildTable();

        status.message().getStyleClass().add("library-message");
        HBox statusBar = new HBox(8, status.working(), status.message());
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("library-status");

        content.setTop(new VBox(header, tools));
        content.setCenter(table);
        content.setBottom(statusBar);
        BorderPane.setMargin(table, new Insets(0, 20, 0, 20));

        buildPrompt();
        getChildren().addAll(content, promptLayer);

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateButtons());
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE) {
                askRemove();
                e.consume();
            }
        });
        updateButtons();
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) activate();
            else deactivate();
        });
    }

    private void buildTable() {
        table.setId("library-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("Nothing here yet. Videos you publish, watch or keep a copy of appear here.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        SortedList<Row> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        TableColumn<Row, LibraryModel.Line> video = column("Video", 280, LibraryModel.Line::title,
                Comparator.comparing(LibraryModel.Line::title, String.CASE_INSENSITIVE_ORDER));
        video.setCellFactory(c -> new TextCell(LibraryModel.Line::title, l -> l.path().isBlank() ? null : l.path()));
        TableColumn<Row, LibraryModel.Line> kind = column("Kind", 120, LibraryModel.Line::kindText,
                Comparator.comparing(LibraryModel.Line::kindText));
        TableColumn<Row, LibraryModel.Line> size = column("Size", 85, LibraryModel.Line::sizeText,
                Comparator.comparingLong(LibraryModel.Line::sizeBytes));
        TableColumn<Row, LibraryModel.Line> progress = new TableColumn<>("Progress");
        progress.setPrefWidth(150);
        progress.setCellValueFactory(c -> c.getValue().line);
        progress.setCellFactory(c -> new ProgressCell());
        progress.setComparator(Comparator.comparingDouble(LibraryModel.Line::progress));
        TableColumn<Row, LibraryModel.Line> state = column("Status", 120, LibraryModel.Line::statusText,
                Comparator.comparing(LibraryModel.Line::statusText));
        TableColumn<Row, LibraryModel.Line> down = column("↓", 90, LibraryModel.Line::downText,
                Comparator.comparingLong(LibraryModel.Line::downloadRate));
        TableColumn<Row, LibraryModel.Line> up = column("↑", 90, LibraryModel.Line::upText,
                Comparator.comparingLong(LibraryModel.Line::uploadRate));
        TableColumn<Row, LibraryModel.Line> peers = column("Peers", 80, LibraryModel.Line::peersText,
                Comparator.comparingInt(LibraryModel.Line::peers));
        TableColumn<Row, LibraryModel.Line> watched = column("Last watched", 110, LibraryModel.Line::lastWatchedText,
                Comparator.comparing(LibraryModel.Line::lastWatched, Comparator.nullsFirst(Comparator.naturalOrder())));
        down.setId("column-down");
        up.setId("column-up");
        List.of(video, kind, size, progress, state, down, up, peers, watched).forEach(table.getColumns()::add);
    }

    private static TableColumn<Row, LibraryModel.Line> column(String name, double width,
                                                              Function<LibraryModel.Line, String> text,
                                                              Comparator<LibraryModel.Line> order) {
        TableColumn<Row, LibraryModel.Line> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> c.getValue().line);
        column.setCellFactory(c -> new TextCell(text, l -> null));
        column.setComparator(order);
        return column;
    }

    private static final class TextCell extends TableCell<Row, LibraryModel.Line> {
        private final Function<LibraryModel.Line, String> text;
        private final Function<LibraryModel.Line, String> tip;

        TextCell(Function<LibraryModel.Line, String> text, Function<LibraryModel.Line, String> tip) {
            this.text = text;
            this.tip = tip;
        }

        @Override
        protected void updateItem(LibraryModel.Line line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text.apply(line));
            String t = tip.apply(line);
            if (t == null) setTooltip(null);
            else if (getTooltip() == null || !t.equals(getTooltip().getText())) setTooltip(new Tooltip(t));
        }
    }

    private static final class ProgressCell extends TableCell<Row, LibraryModel.Line> {
        private final ProgressBar bar = new ProgressBar(0);

        ProgressCell() {
            bar.getStyleClass().add(Styles.SMALL);
            bar.setMaxWidth(Double.MAX_VALUE);
            setContentDisplay(ContentDisplay.LEFT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(LibraryModel.Line line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bar.setProgress(line.sizeBytes() > 0 ? line.progress() : ProgressBar.INDETERMINATE_PROGRESS);
            bar.setPrefWidth(Math.max(40, getTableColumn().getWidth() - 70));
            setGraphic(bar);
            setText(line.progressText());
        }
    }

    private void buildPrompt() {
        promptQuestion.setId("remove-question");
        promptQuestion.getStyleClass().add(Styles.TITLE_4);
        promptQuestion.setWrapText(true);
        promptDetail.setId("remove-detail");
        promptDetail.setWrapText(true);
        deleteFile.setId("remove-delete-file");
        deleteFile.setWrapText(true);
        deleteFile.setMnemonicParsing(false);
        confirmRemove.setId("remove-confirm");
        confirmRemove.getStyleClass().add(Styles.DANGER);
        confirmRemove.setOnAction(e -> confirmRemove());
        cancelRemove.setId("remove-cancel");
        cancelRemove.setOnAction(e -> closePrompt());
        confirmRemove.defaultButtonProperty().bind(promptLayer.visibleProperty());
        cancelRemove.cancelButtonProperty().bind(promptLayer.visibleProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(8, spring, cancelRemove, confirmRemove);
        VBox card = new VBox(12, promptQuestion, promptDetail, deleteFile, buttons);
        card.getStyleClass().add("library-prompt");
        card.setMaxSize(520, Region.USE_PREF_SIZE);
        Region shade = new Region();
        shade.getStyleClass().add("library-prompt-shade");
        promptLayer.setId("remove-prompt");
        promptLayer.getChildren().addAll(shade, card);
        promptLayer.setVisible(false);
        // before the focused control sees them: Esc cancels, Enter answers (Cancel if it has the focus)
        promptLayer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closePrompt();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                if (cancelRemove.isFocused()) closePrompt();
                else confirmRemove();
                e.consume();
            }
        });
    }

    /** Starts the refresh (done by itself when the view enters a scene). FX thread. */
    public void activate() {
        if (refresh != null) return;
        refresh = bridge.every(REFRESH, () -> node.library().snapshot(), this::show);
    }

    /** Stops the refresh (done by itself when the view leaves its scene). FX thread. */
    public void deactivate() {
        if (refresh == null) return;
        refresh.cancel();
        refresh = null;
    }

    /** The rows as shown, in table order (for tests). FX thread. */
    public List<LibraryModel.Line> lines() {
        return table.getItems().stream().map(r -> r.line.get()).toList();
    }

    /** Selects the row of a torrent and focuses the table; false if it is not shown. FX thread. */
    public boolean select(String infohash) {
        Row row = byHash.get(infohash);
        if (row == null) return false;
        table.getSelectionModel().select(row);
        table.scrollTo(row);
        table.requestFocus();
        return true;
    }

    private void show(Library.Snapshot snapshot) {
        Instant now = Instant.now();
        Set<String> seen = new HashSet<>();
        for (Library.Item item : snapshot.items()) {
            LibraryModel.Line line = LibraryModel.line(item, now);
            if (removing.contains(line.infohash())) line = line.withStatus("Removing…");
            seen.add(line.infohash());
            Row row = byHash.get(line.infohash());
            if (row == null) {
                row = new Row(line);
                byHash.put(line.infohash(), row);
                rows.add(row);
            } else if (!row.line.get().equals(line)) {
                row.line.set(line);
            }
        }
        rows.removeIf(r -> !seen.contains(r.line.get().infohash()));
        byHash.keySet().retainAll(seen);
        removing.retainAll(seen);
        summary.setText(LibraryModel.summary(snapshot));
        quotaText.setText(LibraryModel.quotaText(snapshot));
        quotaBar.setVisible(snapshot.quotaBytes() > 0);
        quotaBar.setManaged(snapshot.quotaBytes() > 0);
        quotaBar.setProgress(LibraryModel.quotaFraction(snapshot));
        Optional<String> evicted = LibraryModel.evictionNote(snapshot, now);
        if (status.quiet() && evicted.isPresent()) status.info(evicted.get());
        updateButtons();
        if (promptFor != null && !seen.contains(promptFor)) closePrompt();
    }

    private Optional<LibraryModel.Line> selected() {
        Row row = table.getSelectionModel().getSelectedItem();
        return row == null ? Optional.empty() : Optional.of(row.line.get());
    }

    private void updateButtons() {
        Optional<LibraryModel.Line> line = selected();
        boolean busy = line.map(l -> removing.contains(l.infohash())).orElse(true);
        boolean channel = line.map(l -> l.kind() == Library.Kind.CHANNEL).orElse(true);
        boolean paused = line.map(LibraryModel.Line::paused).orElse(false);
        pause.setDisable(busy || channel || paused || line.get().state() == TorrentStatus.State.ERROR);
        resume.setDisable(busy || channel || !paused);
        boolean watched = line.map(l -> l.kind() == Library.Kind.WATCHED).orElse(false);
        keep.setDisable(busy || !watched);
        keep.setSelected(line.map(LibraryModel.Line::pinned).orElse(false) && !channel);
        remove.setDisable(busy || !line.map(LibraryModel.Line::removable).orElse(false));
    }

    private interface Action {
        void apply(Library library, String infohash);
    }

    private void act(String verb, Action action) {
        Optional<LibraryModel.Line> selected = selected();
        if (selected.isEmpty()) return;
        LibraryModel.Line line = selected.get();
        status.started();
        bridge.run(() -> {
            action.apply(node.library(), line.infohash());
            return node.library().snapshot();
        }, snapshot -> {
            status.finished();
            clearMessage();
            show(snapshot);
        }, e -> {
            status.finished();
            status.error("Could not " + verb + " “" + line.title() + "”: " + Sentences.of(e));
            updateButtons();
        });
    }

    private void askRemove() {
        Optional<LibraryModel.Line> selected = selected();
        if (selected.isEmpty() || !selected.get().removable() || removing.contains(selected.get().infohash())) return;
        LibraryModel.Line line = selected.get();
        LibraryModel.RemovePrompt prompt = LibraryModel.prompt(line);
        promptFor = line.infohash();
        promptQuestion.setText(prompt.question());
        promptDetail.setText(prompt.detail());
        deleteFile.setText(prompt.deleteLabel());
        deleteFile.setSelected(prompt.deleteByDefault());
        content.setDisable(true);
        promptLayer.setVisible(true);
        deleteFile.requestFocus();
    }

    private void closePrompt() {
        promptFor = null;
        promptLayer.setVisible(false);
        content.setDisable(false);
        table.requestFocus();
    }

    private void confirmRemove() {
        if (promptFor == null) return;
        Row row = byHash.get(promptFor);
        String infohash = promptFor;
        boolean delete = deleteFile.isSelected();
        closePrompt();
        if (row == null) return;
        LibraryModel.Line line = row.line.get();
        removing.add(infohash);
        row.line.set(line.withStatus("Removing…"));
        updateButtons();
        status.started();
        status.info((delete ? "Removing “" + line.title() + "” and deleting its file…" : "Removing “" + line.title() + "”…"));
        bridge.run(() -> {
            node.library().remove(infohash, delete);
            return node.library().snapshot();
        }, snapshot -> {
            status.finished();
            removing.remove(infohash);
            status.info(delete ? "Removed “" + line.title() + "” and deleted its file."
                    : "Removed “" + line.title() + "”. The file stays at " + line.path() + ".");
            show(snapshot);
        }, e -> {
            status.finished();
            removing.remove(infohash);
            status.error("Could not remove “" + line.title() + "”: " + Sentences.of(e));
            updateButtons();
        });
    }


    private void clearMessage() {
        status.info("");
    }

    private static final String CSS = """
            .library-view .library-header { -fx-padding: 18 20 10 20; }
            .library-view .library-tools { -fx-padding: 0 20 12 20; }
            .library-view .library-status { -fx-padding: 8 20 12 20; -fx-min-height: 40; }
            .library-view .library-quota-bar { -fx-pref-width: 180; }
            .library-view .library-quota-bar > .track { -fx-background-color: -color-border-default; }
            .library-view .table-view .progress-bar > .track { -fx-background-color: -color-border-default; }
            .library-view .library-prompt-shade { -fx-background-color: rgba(0, 0, 0, 0.45); }
            .library-view .library-prompt {
                -fx-background-color: -color-bg-default;
                -fx-background-radius: 10;
                -fx-border-color: -color-border-default;
                -fx-border-radius: 10;
                -fx-padding: 20;
                -fx-effect: dropshadow(gaussian, rgba(0, 0, 0, 0.3), 24, 0, 0, 6);
            }
            """;

    private static final String STYLESHEET = "data:text/css;base64,"
            + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));
}
