package org.swarmtube.app.desktop.settings;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.swarmtube.app.DataDirectory;
import org.swarmtube.app.IdentityTransfer;
import org.swarmtube.app.Library;
import org.swarmtube.app.Node;
import org.swarmtube.app.NodeApi;
import org.swarmtube.app.Settings;
import org.swarmtube.app.desktop.FxBridge;
import org.swarmtube.app.desktop.Sentences;
import org.swarmtube.app.desktop.StatusLine;
import org.swarmtube.app.desktop.library.LibraryModel;

/**
 * Settings: data directory and storage quota, bandwidth limits, listen port and port mapping,
 * seeding policy, the channel identity's export and import, and the theme. Save applies the limits,
 * quota and seeding policy at once and writes {@code settings.json}; the port and port mapping, the
 * data directory and an imported identity apply after restart, and the view says so. The theme is
 * announced through {@link Node#onSettingsChanged}, where the main window listens.
 *
 * <p>Keyboard: Tab through the fields, Enter saves, Esc reverts unsaved edits. Every node call and
 * file operation runs through the {@link FxBridge}; nothing here blocks the FX thread.
 */
public final class SettingsView extends StackPane {
    private final Node node;
    private final FxBridge bridge;
    private final DataDirectory dataDirectory;

    private final TextField upload = field("settings-upload", "no limit");
    private final TextField download = field("settings-download", "no limit");
    private final TextField port = field("settings-port", "automatic");
    private final CheckBox portMapping = new CheckBox("Open the port on the router (UPnP and NAT-PMP)");
    private final TextField quota = field("settings-quota", "no limit");
    private final ToggleGroup seedingGroup = new ToggleGroup();
    private final RadioButton seedAlways = new RadioButton("Keep seeding what I watch");
    private final RadioButton seedRatio = new RadioButton("Stop after uploading");
    private final RadioButton seedNever = new RadioButton("Stop seeding a video once it is downloaded");
    private final TextField ratio = field("settings-ratio", "2");
    private final ToggleGroup themeGroup = new ToggleGroup();
    private final RadioButton light = new RadioButton("Light");
    private final RadioButton dark = new RadioButton("Dark");

    private final Label dataDir = new Label();
    private final Label dataNote = new Label();
    private final Label usage = new Label();
    private final ProgressBar usageBar = new ProgressBar(0);
    private final Label portNote = new Label();
    private final Label identityKey = new Label();
    private final Label identityNote = new Label();
    private final StatusLine status = new StatusLine("settings");
    private final Button save = new Button("_Save");
    private final Button revert = new Button("Re_vert");
    private final VBox form;
    private final ScrollPane scroll;
    private final javafx.beans.value.ChangeListener<javafx.scene.Node> focusFollower = (o, was, now) -> reveal(now);

    /** FX thread. */
    private Settings saved;
    private FxBridge.Subscription usageRefresh;

    public SettingsView(Node node, FxBridge bridge) {
        this(node, bridge, DataDirectory.user());
    }

    /** @param dataDirectory where the choice of data directory is kept (tests give a temporary one) */
    public SettingsView(Node node, FxBridge bridge, DataDirectory dataDirectory) {
        this.node = Objects.requireNonNull(node, "node");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        getStyleClass().add("settings-view");
        getStylesheets().add(STYLESHEET);

        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);

        // ---- storage
        dataDir.setId("settings-data-dir");
        dataDir.setWrapText(true);
        Button changeDir = new Button("Change…", new FontIcon(Feather.FOLDER));
        changeDir.setId("settings-data-change");
        changeDir.setOnAction(e -> pickDataDirectory());
        dataNote.setId("settings-data-note");
        usage.setId("settings-usage");
        usageBar.setId("settings-usage-bar");
        usageBar.getStyleClass().add(Styles.SMALL);
        usageBar.setMaxWidth(Double.MAX_VALUE);
        usageBar.setFocusTraversable(false);
        GridPane storage = grid();
        row(storage, 0, "Data directory", box(dataDir, changeDir), dataNote);
        usage.getStyleClass().add(Styles.TEXT_MUTED);
        usageBar.setPrefWidth(160);
        usageBar.setMaxWidth(160);
        usage.setMinWidth(Region.USE_PREF_SIZE);
        HBox quotaRow = new HBox(8, quota, muted("GB"), gap(), usageBar, usage);
        quotaRow.setAlignment(Pos.CENTER_LEFT);
        row(storage, 2, "Storage quota", quotaRow, hint("When downloaded videos take more, the ones watched longest ago"
                + " are removed first. Never removed: your own videos, kept copies of subscriptions, videos you keep"
                + " seeding in the Library, and the one playing. Empty for no limit."));

        // ---- network
        portMapping.setId("settings-port-mapping");
        portNote.setId("settings-port-note");
        GridPane network = grid();
        Label up = new Label("Upload");
        up.setMinWidth(Region.USE_PREF_SIZE);
        up.setLabelFor(upload);
        Label downLabel = new Label("Download");
        downLabel.setMinWidth(Region.USE_PREF_SIZE);
        downLabel.setLabelFor(download);
        HBox limits = new HBox(8, up, upload, muted("KB/s"), gap(), downLabel, download, muted("KB/s"));
        limits.setAlignment(Pos.CENTER_LEFT);
        row(network, 0, "Bandwidth limits", limits,
                hint("Empty for no limit. Applies at once, to peers on the local network too."));
        port.setPrefColumnCount(6);
        HBox portRow = new HBox(16, port, portMapping);
        portRow.setAlignment(Pos.CENTER_LEFT);
        row(network, 2, "Listen port", portRow, portNote);

        // ---- sharing
        seedAlways.setId("settings-seeding-always");
        seedRatio.setId("settings-seeding-ratio");
        seedNever.setId("settings-seeding-never");
        for (RadioButton b : new RadioButton[] {seedAlways, seedRatio, seedNever}) b.setToggleGroup(seedingGroup);
        seedAlways.setUserData(Settings.Seeding.ALWAYS);
        seedRatio.setUserData(Settings.Seeding.RATIO);
        seedNever.setUserData(Settings.Seeding.NEVER);
        ratio.setPrefColumnCount(4);
        ratio.disableProperty().bind(seedRatio.selectedProperty().not());
        HBox ratioRow = new HBox(8, seedRatio, ratio, new Label("× a video's size"));
        ratioRow.setAlignment(Pos.CENTER_LEFT);
        GridPane sharing = grid();
        row(sharing, 0, "Seeding", new VBox(8, seedAlways, ratioRow, seedNever), hint("For videos you watched. Your own"
                + " videos, kept copies and videos you keep seeding are always seeded. Uploads are counted across restarts."));

        // ---- identity
        identityKey.setId("settings-identity-key");
        identityKey.setWrapText(true);
        identityNote.setId("settings-identity-note");
        Button export = new Button("Export…", new FontIcon(Feather.UPLOAD));
        export.setId("settings-identity-export");
        export.setOnAction(e -> pickExport());
        Button importing = new Button("Import…", new FontIcon(Feather.DOWNLOAD));
        importing.setId("settings-identity-import");
        importing.setOnAction(e -> pickImport());
        GridPane identity = grid();
        row(identity, 0, "Channel", identityKey, null);
        row(identity, 2, "Identity", new HBox(8, export, importing), identityNote);

        // ---- appearance
        light.setId("settings-theme-light");
        dark.setId("settings-theme-dark");
        light.setToggleGroup(themeGroup);
        dark.setToggleGroup(themeGroup);
        light.setUserData(Settings.Theme.LIGHT);
        dark.setUserData(Settings.Theme.DARK);
        GridPane appearance = grid();
        row(appearance, 0, "Theme", new HBox(16, light, dark), null);

        form = new VBox(14, title, section("Storage", Feather.HARD_DRIVE, storage), section("Network", Feather.ACTIVITY, network),
                section("Sharing", Feather.SHARE_2, sharing), section("Channel identity", Feather.KEY, identity),
                section("Appearance", Feather.SUN, appearance));
        form.getStyleClass().add("settings-form");
        form.setMaxWidth(860);
        StackPane centred = new StackPane(form);
        StackPane.setAlignment(form, Pos.TOP_CENTER);
        scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");

        save.setId("settings-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        revert.setId("settings-revert");
        revert.setCancelButton(true);
        revert.setOnAction(e -> {
            if (saved != null) fill(saved);
            status.info("");
        });
        HBox bar = new HBox(8, status.working(), status.message(), revert, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("settings-bar");

        BorderPane page = new BorderPane(scroll);
        page.setBottom(bar);
        getChildren().add(page);
        setDisable(false);
        form.setDisable(true); // until the settings are read
        save.setDisable(true);

        sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.focusOwnerProperty().removeListener(focusFollower);
            if (now != null) {
                now.focusOwnerProperty().addListener(focusFollower);
                activate();
            } else {
                deactivate();
            }
        });
    }

    /** Scrolls a field reached with the keyboard into view. */
    private void reveal(javafx.scene.Node focused) {
        javafx.scene.Node content = scroll.getContent();
        boolean inside = false;
        for (javafx.scene.Node n = focused; n != null; n = n.getParent()) {
            if (n == content) {
                inside = true;
                break;
            }
        }
        if (!inside) return;
        javafx.geometry.Bounds b = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double total = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (b == null || total <= viewport) return;
        double top = scroll.getVvalue() * (total - viewport);
        double y;
        if (b.getMinY() - 24 < top) y = b.getMinY() - 24;
        else if (b.getMaxY() + 24 > top + viewport) y = b.getMaxY() + 24 - viewport;
        else return;
        scroll.setVvalue(Math.max(0, Math.min(1, y / (total - viewport))));
    }

    private record Loaded(Settings settings, int listenPort, NodeApi.ChannelView channel, Optional<String> keyOnDisk,
                          Path dataDir, Optional<Path> chosenDir, Library.Snapshot library) {
    }

    /** Reads the settings into the fields and starts the usage refresh (done when the view enters a scene). FX thread. */
    public void activate() {
        if (usageRefresh != null) return;
        reload();
        usageRefresh = bridge.every(Duration.ofSeconds(2), () -> node.library().snapshot(), this::showUsage);
    }

    /** Stops the usage refresh. FX thread. */
    public void deactivate() {
        if (usageRefresh == null) return;
        usageRefresh.cancel();
        usageRefresh = null;
    }

    private void reload() {
        status.started();
        bridge.run(() -> new Loaded(node.settings(), node.status().listenPort(), node.channel(),
                        IdentityTransfer.onDisk(node.home()), node.home().dir(), dataDirectory.chosen(),
                        node.library().snapshot()),
                loaded -> {
                    status.finished();
                    saved = loaded.settings();
                    fill(saved);
                    portNote.setText("Now listening on port " + loaded.listenPort() + ". Port mapping lets peers outside"
                            + " your network reach you. Both apply after restart; an empty port lets Swarmtube choose one.");
                    showIdentity(loaded.channel(), loaded.keyOnDisk());
                    dataDir.setText(loaded.dataDir().toString());
                    showDataNote(loaded.dataDir(), loaded.chosenDir());
                    showUsage(loaded.library());
                    form.setDisable(false);
                    save.setDisable(false);
                },
                e -> {
                    status.finished();
                    status.error("Could not read the settings: " + Sentences.of(e));
                });
    }

    private void fill(Settings s) {
        SettingsForm.Fields f = SettingsForm.fields(s);
        upload.setText(f.uploadKBps());
        download.setText(f.downloadKBps());
        port.setText(f.listenPort());
        portMapping.setSelected(f.portMapping());
        quota.setText(f.quotaGB());
        ratio.setText(f.ratio());
        seedingGroup.selectToggle(switch (f.seeding()) {
            case ALWAYS -> seedAlways;
            case RATIO -> seedRatio;
            case NEVER -> seedNever;
        });
        themeGroup.selectToggle(f.theme() == Settings.Theme.DARK ? dark : light);
    }

    private SettingsForm.Fields fields() {
        Settings.Seeding seeding = seedingGroup.getSelectedToggle() == null ? Settings.Seeding.ALWAYS
                : (Settings.Seeding) seedingGroup.getSelectedToggle().getUserData();
        Settings.Theme theme = themeGroup.getSelectedToggle() == null ? Settings.Theme.DARK
                : (Settings.Theme) themeGroup.getSelectedToggle().getUserData();
        return new SettingsForm.Fields(upload.getText(), download.getText(), port.getText(), portMapping.isSelected(),
                quota.getText(), seeding, ratio.getText(), theme);
    }

    private record Outcome(Settings settings, String note, Library.Snapshot library) {
    }

    /** Checks the fields, saves and applies them. FX thread. */
    public void save() {
        if (saved == null) return;
        SettingsForm.Fields fields = fields();
        try {
            SettingsForm.parse(fields, saved);
        } catch (IllegalArgumentException e) {
            status.error(e.getMessage());
            return;
        }
        status.started();
        save.setDisable(true);
        status.info("Saving and checking the storage quota…");
        bridge.run(() -> {
            Settings before = node.settings();
            java.time.Instant began = java.time.Instant.now();
            Settings after = node.updateSettings(SettingsForm.parse(fields, before));
            Library.Enforcement enforced = node.library().enforce();
            // the library's own check, started by the change, may have been first: count its evictions too
            Library.Snapshot library = node.library().snapshot();
            java.util.List<Library.Eviction> evicted = library.evictions().stream()
                    .filter(e -> !e.at().isBefore(began)).toList();
            return new Outcome(after, SettingsForm.savedNote(before, after,
                    new Library.Enforcement(evicted, enforced.stoppedSeeding())), library);
        }, outcome -> {
            status.finished();
            save.setDisable(false);
            saved = outcome.settings();
            fill(saved);
            showUsage(outcome.library());
            status.info(outcome.note());
        }, e -> {
            status.finished();
            save.setDisable(false);
            status.error("Could not save the settings: " + Sentences.of(e));
        });
    }

    private void showUsage(Library.Snapshot snapshot) {
        usage.setText(LibraryModel.quotaText(snapshot) + ".");
        usageBar.setProgress(LibraryModel.quotaFraction(snapshot));
        usageBar.setVisible(snapshot.quotaBytes() > 0);
    }

    private void showIdentity(NodeApi.ChannelView channel, Optional<String> onDisk) {
        String name = channel.name() == null || channel.name().isBlank() ? "Your channel" : "“" + channel.name() + "”";
        identityKey.setText(name + " · key " + shortKey(channel.publicKey()));
        if (onDisk.isPresent() && !onDisk.get().equals(channel.publicKey())) {
            identityNote.setText("From the next start this node publishes as the channel with key " + shortKey(onDisk.get())
                    + " (imported). Restart Swarmtube to switch.");
        } else {
            identityNote.setText("Export makes a copy of the key that signs your channel: keep it private, whoever has it"
                    + " can publish as you. Importing a key replaces this channel's at the next start; the current key"
                    + " is kept in the data directory.");
        }
    }

    private static String shortKey(String key) {
        return key.length() > 16 ? key.substring(0, 16) + "…" : key;
    }

    /** @param next the directory of the next start, if one was chosen (the default is then meant by none) */
    private void showDataNote(Path current, Optional<Path> next) {
        if (next.isEmpty() || next.get().toAbsolutePath().normalize().equals(current.toAbsolutePath().normalize())) {
            dataNote.setText("Videos you watch, the database and your channel's key live here.");
        } else {
            dataNote.setText("From the next start Swarmtube uses " + next.get() + ". Nothing is moved: this directory"
                    + " stays as it is.");
        }
    }

    private void pickDataDirectory() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the data directory");
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) chooseDataDirectory(dir.toPath());
    }

    /** Chooses the data directory for the next start (what "Change…" does after its dialog). FX thread. */
    public void chooseDataDirectory(Path dir) {
        status.started();
        bridge.run(() -> {
            dataDirectory.choose(dir);
            return dataDirectory.preferred();
        }, preferred -> {
            status.finished();
            showDataNote(node.home().dir(), Optional.of(preferred));
            status.info(preferred.equals(node.home().dir()) ? "Swarmtube keeps using this data directory."
                    : "The data directory changes at the next start.");
        }, e -> {
            status.finished();
            status.error("Could not choose " + dir + ": " + Sentences.of(e));
        });
    }

    private void pickExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the channel identity");
        chooser.setInitialFileName("swarmtube-identity.json");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) exportIdentity(file.toPath());
    }

    /** Exports the channel identity to a new file (what "Export…" does after its dialog). FX thread. */
    public void exportIdentity(Path file) {
        status.started();
        bridge.run(() -> IdentityTransfer.exportTo(node.home(), file), key -> {
            status.finished();
            status.info("Exported the identity of channel " + shortKey(key) + " to " + file + ". Keep it private.");
        }, e -> {
            status.finished();
            status.error("Could not export the identity: " + Sentences.of(e));
        });
    }

    private void pickImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a channel identity");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Identity files", "*.json"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) importIdentity(file.toPath());
    }

    private record ImportDone(IdentityTransfer.Imported imported, NodeApi.ChannelView running) {
    }

    /** Installs an exported identity for the next start (what "Import…" does after its dialog). FX thread. */
    public void importIdentity(Path file) {
        status.started();
        bridge.run(() -> new ImportDone(IdentityTransfer.importFrom(node.home(), file), node.channel()), result -> {
            status.finished();
            IdentityTransfer.Imported imported = result.imported();
            showIdentity(result.running(), Optional.of(imported.publicKeyHex()));
            if (!imported.changed()) status.info("That is already this node's identity; nothing changed.");
            else status.info("Imported channel " + shortKey(imported.publicKeyHex()) + "; it applies after restart."
                    + imported.previous().map(p -> " The replaced key is kept in " + p + ".").orElse(""));
        }, e -> {
            status.finished();
            status.error("Could not import the identity: " + Sentences.of(e));
        });
    }


    // ---- layout helpers

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(8);
        return f;
    }

    private static HBox box(Region grow, javafx.scene.Node fixed) {
        HBox.setHgrow(grow, Priority.ALWAYS);
        grow.setMaxWidth(Double.MAX_VALUE);
        HBox box = new HBox(12, grow, fixed);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label hint(String text) {
        return new Label(text);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setMinWidth(16);
        return gap;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(3);
        ColumnConstraints labels = new ColumnConstraints(150);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
        return grid;
    }

    private static void row(GridPane grid, int at, String name, javafx.scene.Node control, Label note) {
        Label label = new Label(name);
        label.getStyleClass().add("settings-field-name");
        label.setLabelFor(control);
        GridPane.setValignment(label, VPos.TOP);
        label.setMinHeight(Region.USE_PREF_SIZE);
        grid.add(label, 0, at);
        grid.add(control, 1, at);
        if (note != null) {
            note.getStyleClass().addAll(Styles.TEXT_MUTED, "settings-note");
            note.setWrapText(true);
            grid.add(note, 1, at + 1);
        }
        if (at > 0) {
            for (javafx.scene.Node n : new javafx.scene.Node[] {label, control}) GridPane.setMargin(n, new javafx.geometry.Insets(8, 0, 0, 0));
        }
    }

    private static VBox section(String name, Feather icon, GridPane grid) {
        Label title = new Label(name, new FontIcon(icon));
        title.getStyleClass().addAll(Styles.TITLE_4, "settings-section-title");
        VBox section = new VBox(10, title, grid);
        section.getStyleClass().add("settings-section");
        return section;
    }

    private static final String CSS = """
            .settings-view .settings-form { -fx-padding: 18 24 24 24; }
            .settings-view .settings-section {
                -fx-background-color: -color-bg-subtle;
                -fx-background-radius: 8;
                -fx-border-color: -color-border-muted;
                -fx-border-radius: 8;
                -fx-padding: 12 18 14 18;
            }
            .settings-view .settings-section-title { -fx-graphic-text-gap: 8; }
            .settings-view .settings-field-name { -fx-padding: 5 0 0 0; }
            .settings-view .settings-note { -fx-font-size: 0.9em; }
            .settings-view .progress-bar > .track { -fx-background-color: -color-border-default; }
            .settings-view .radio-button, .settings-view .check-box { -fx-background-color: transparent; }
            .settings-view .settings-bar {
                -fx-padding: 10 24 12 24;
                -fx-border-color: -color-border-muted transparent transparent transparent;
            }
            """;

    private static final String STYLESHEET = "data:text/css;base64,"
            + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));
}
