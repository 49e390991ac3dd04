package org.swarmtube.app.desktop;

import atlantafx.base.controls.CustomTextField;
import java.io.File;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.app.NewVideos;
import org.swarmtube.app.Node;
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.swarm.TorrentStatus;

/**
 * The main window's content: navigation on the left (Home, Subscriptions with its unseen count, My
 * channel, Library, Settings, and the channels followed), a search box and the publish and add-channel
 * buttons on top, the current screen in the middle. Files dropped anywhere are published; a channel or
 * video link pasted anywhere (Ctrl+V) is opened.
 *
 * <p>Keyboard: Ctrl+F or / search, Ctrl+V open a pasted link, Ctrl+O publish files, Ctrl+L add a channel,
 * Alt+1…5 the sections, Alt+Left or Escape back, F5 reload; in a grid the arrows move and Enter plays.
 *
 * <p>Build it on the FX thread once the node runs; every node call goes through the {@link FxBridge}.
 */
public final class MainWindow extends StackPane implements Context.Navigator {
    private static final Duration TORRENTS_EVERY = Duration.ofSeconds(2);
    private static final Duration CATALOG_EVERY = Duration.ofSeconds(3);
    private static final int CHANNEL_PAGES = 8;
    private static final int SIDEBAR_CHANNELS = 12;

    private final Node node;
    private final FxBridge bridge;
    private final Context context;
    private final Messages messages = new Messages();
    private final Tasks tasks = new Tasks();
    private final Notifier notifier = new Notifier();
    private final PublishFlow publishFlow;
    private final StackPane pageHolder = new StackPane();
    private final StackPane dropOverlay = new StackPane();
    private final CustomTextField search = new CustomTextField();
    private final ToggleGroup nav = new ToggleGroup();
    private final Map<String, ToggleButton> navButtons = new HashMap<>();
    private final Label unseenBadge = new Label();
    private final VBox sidebarChannels = new VBox(2);
    private final Label sidebarChannelsTitle = new Label("SUBSCRIPTIONS");
    private final Label networkStatus = new Label("Starting…");
    private final Button back = new Button();

    private final HomePage home;
    private final SubscriptionsPage subscriptions;
    private final ChannelPage myChannel;
    private final SearchPage searchPage;
    private final WatchView watch;
    private final Page library;
    private final Page settings;
    private final Map<String, ChannelPage> channelPages = new LinkedHashMap<>(16, 0.75f, true);
    private final Deque<Page> history = new ArrayDeque<>();
    private final List<FxBridge.Subscription> snapshots = new ArrayList<>();
    private Page current;
    private volatile String catalogFingerprint;
    private boolean disposed;
    private final org.swarmtube.app.SettingsStore.Registration settingsListener;

    /** What the three-second snapshot of the catalog holds. */
    private record CatalogState(List<ChannelInfo> subscribed, int unseen, Map<String, Integer> unseenByChannel,
                                String fingerprint, long dhtNodes, int listenPort) {
    }

    /**
     * @param node   the running node of this process
     * @param bridge the bridge to it
     */
    public MainWindow(Node node, FxBridge bridge) {
        this(node, bridge, Identity.of(node));
    }

    /** @param identity read off the FX thread by the launcher */
    MainWindow(Node node, FxBridge bridge, Identity identity) {
        this.node = Objects.requireNonNull(node, "node");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        Theme.apply();
        getStylesheets().add(Theme.stylesheet());
        getStyleClass().add("main-window");
        this.context = new Context(node, bridge, identity.key(), identity.peers(), this, messages);
        this.publishFlow = new PublishFlow(context, tasks, this::window);

        home = new HomePage(context);
        subscriptions = new SubscriptionsPage(context);
        myChannel = new ChannelPage(context, identity.key(), Optional.empty());
        searchPage = new SearchPage(context);
        watch = new WatchView(context, this::back);
        library = Sections.library(node, bridge);
        settings = Sections.settings(node, bridge);

        BorderPane frame = new BorderPane();
        frame.setLeft(sidebar());
        pageHolder.getStyleClass().add("page-holder");
        dropOverlay.getStyleClass().add("drop-overlay");
        dropOverlay.getChildren().add(Pages.empty(Feather.UPLOAD_CLOUD, "Drop to publish",
                "The files are published on your channel after you give them a title."));
        dropOverlay.setVisible(false);
        dropOverlay.setMouseTransparent(true);
        VBox corner = new VBox(8, messages, tasks);
        corner.setAlignment(Pos.BOTTOM_RIGHT);
        corner.setPickOnBounds(false);
        corner.getStyleClass().add("corner");
        corner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(corner, Pos.BOTTOM_RIGHT);
        StackPane content = new StackPane(pageHolder, dropOverlay, corner);
        content.getStyleClass().add("content");
        BorderPane main = new BorderPane(content);
        main.setTop(topBar());
        frame.setCenter(main);
        getChildren().add(frame);

        setOnDragOver(this::dragOver);
        setOnDragExited(e -> dropOverlay.setVisible(false));
        setOnDragDropped(this::dropped);
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);

        node.onNewVideos(news -> bridge.fx(() -> newVideos(news)));
        bridge.run(() -> node.settings().theme(), this::theme, e -> { });
        settingsListener = node.onSettingsChanged(s -> bridge.fx(() -> theme(s.theme())));
        snapshots.add(bridge.every(TORRENTS_EVERY, this::torrents, map -> context.torrents().set(map)));
        snapshots.add(bridge.every(CATALOG_EVERY, this::catalogState, this::showCatalogState));
        show(home, false);
    }

    /** This node's channel key and its address as a peer hint: read once, before the window is built. */
    record Identity(String key, List<String> peers) {
        static Identity of(Node node) {
            ChannelLink link = node.shareableLink();
            return new Identity(link.publicKeyHex(), link.peers());
        }
    }

    // ---- the frame

    private VBox sidebar() {
        Label brand = new Label("Swarmtube", Icons.of(Feather.PLAY_CIRCLE, 22));
        brand.getStyleClass().add("brand");
        VBox items = new VBox(2,
                navButton("home", "Home", Feather.HOME, "Alt+1", this::home),
                navButton("subscriptions", "Subscriptions", Feather.RSS, "Alt+2", this::subscriptions),
                navButton("my-channel", "My channel", Feather.USER, "Alt+3", this::myChannel),
                navButton("library", "Library", Feather.FOLDER, "Alt+4", this::library),
                navButton("settings", "Settings", Feather.SETTINGS, "Alt+5", this::settings));
        unseenBadge.getStyleClass().add("count-badge");
        unseenBadge.setId("unseen-badge");
        unseenBadge.setVisible(false);
        ToggleButton subs = navButtons.get("subscriptions");
        HBox subsGraphic = new HBox(12, Icons.of(Feather.RSS, 18), new Label("Subscriptions"), unseenBadge);
        subsGraphic.setAlignment(Pos.CENTER_LEFT);
        subs.setText(null);
        subs.setGraphic(subsGraphic);

        sidebarChannelsTitle.getStyleClass().add("sidebar-section");
        sidebarChannelsTitle.setVisible(false);
        sidebarChannelsTitle.managedProperty().bind(sidebarChannelsTitle.visibleProperty());
        ScrollPane channels = new ScrollPane(sidebarChannels);
        channels.setFitToWidth(true);
        channels.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        channels.getStyleClass().add("sidebar-scroll");
        VBox.setVgrow(channels, Priority.ALWAYS);
        networkStatus.getStyleClass().add("network-status");
        networkStatus.setId("network-status");
        networkStatus.setWrapText(true);
        VBox sidebar = new VBox(4, brand, items, sidebarChannelsTitle, channels, networkStatus);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPrefWidth(232);
        sidebar.setMinWidth(232);
        return sidebar;
    }

    private ToggleButton navButton(String section, String text, Feather icon, String keys, Runnable action) {
        ToggleButton b = new ToggleButton(text, Icons.of(icon, 18));
        b.setToggleGroup(nav);
        b.setId("nav-" + section);
        b.getStyleClass().add("nav-item");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setGraphicTextGap(12);
        b.setTooltip(new Tooltip(text + " (" + keys + ")"));
        b.setOnAction(e -> {
            action.run();
            markSection(current == null ? "" : current.section());
        });
        navButtons.put(section, b);
        return b;
    }

    private HBox topBar() {
        back.setGraphic(Icons.of(Feather.ARROW_LEFT, 18));
        back.getStyleClass().addAll("flat", "button-icon");
        back.setId("back");
        back.setTooltip(new Tooltip("Back (Alt+Left)"));
        back.setOnAction(e -> back());
        back.setDisable(true);
        search.setId("search");
        search.setPromptText("Search every video this computer knows  (Ctrl+F)");
        search.setLeft(Icons.of(Feather.SEARCH, 16));
        Button clear = new Button();
        clear.setGraphic(Icons.of(Feather.X, 14));
        clear.getStyleClass().addAll("flat", "button-icon", "search-clear");
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> search.clear());
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);
        search.setPrefWidth(520);
        search.setMaxWidth(640);
        HBox.setHgrow(search, Priority.ALWAYS);
        search.textProperty().addListener((o, old, text) -> searchTyped(text));
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                e.consume();
            } else if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) && current == searchPage) {
                searchPage.focus();
                searchPage.grid().list().requestFocus();
                e.consume();
            }
        });
        Button addChannel = Pages.button("Add channel", Feather.USER_PLUS, "flat");
        addChannel.setId("add-channel");
        addChannel.setTooltip(new Tooltip("Open a channel by its link (Ctrl+L, or paste it anywhere with Ctrl+V)"));
        addChannel.setOnAction(e -> addChannel());
        Button publish = Pages.button("Publish", Feather.UPLOAD, "accent");
        publish.setId("publish");
        publish.setTooltip(new Tooltip("Publish video files (Ctrl+O, or drop them anywhere on the window)"));
        publish.setOnAction(e -> pickFiles());
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.SOMETIMES);
        HBox.setHgrow(right, Priority.SOMETIMES);
        HBox bar = new HBox(10, back, left, search, right, addChannel, publish);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- navigation

    private void show(Page page, boolean remember) {
        if (page == current) {
            page.reload();
            return;
        }
        if (current != null) {
            current.deactivate();
            if (remember) {
                history.push(current);
                while (history.size() > 50) history.removeLast();
            }
        }
        current = page;
        pageHolder.getChildren().setAll(page.view());
        markSection(page.section());
        back.setDisable(history.isEmpty());
        page.activate();
        Platform.runLater(() -> {
            if (current == page && !(getScene() != null && getScene().getFocusOwner() == search)) page.focus();
        });
    }

    private void markSection(String section) {
        ToggleButton b = navButtons.get(section);
        if (b != null) nav.selectToggle(b);
        else {
            Toggle selected = nav.getSelectedToggle();
            if (selected != null) selected.setSelected(false);
        }
    }

    /** Back to the screen before. */
    public void back() {
        if (history.isEmpty()) {
            if (current != home) show(home, false);
            return;
        }
        Page previous = history.pop();
        if (current == searchPage && !search.getText().isEmpty()) {
            current.deactivate();
            current = null;
            search.clear();
        }
        show(previous, false);
        back.setDisable(history.isEmpty());
    }

    @Override
    public void home() {
        show(home, true);
    }

    @Override
    public void subscriptions() {
        show(subscriptions, true);
    }

    @Override
    public void myChannel() {
        show(myChannel, true);
    }

    @Override
    public void watch(VideoSummary video) {
        watch.open(video);
        show(watch, true);
    }

    @Override
    public void watchLink(MagnetLink magnet, String title) {
        watch.open(magnet, title);
        show(watch, true);
    }

    @Override
    public void channel(String channelKey) {
        if (context.isOwn(channelKey)) {
            myChannel();
            return;
        }
        show(channelPage(channelKey, Optional.empty()), true);
    }

    @Override
    public void channel(ChannelLink link) {
        if (context.isOwn(link.publicKeyHex())) {
            myChannel();
            return;
        }
        ChannelPage existing = channelPages.get(link.publicKeyHex());
        if (existing != null) {
            existing.openedBy(link);
            show(existing, true);
        } else {
            show(channelPage(link.publicKeyHex(), Optional.of(link)), true);
        }
    }

    private ChannelPage channelPage(String key, Optional<ChannelLink> link) {
        ChannelPage page = channelPages.computeIfAbsent(key, k -> new ChannelPage(context, k, link));
        while (channelPages.size() > CHANNEL_PAGES) {
            String eldest = channelPages.keySet().iterator().next();
            if (channelPages.get(eldest) == current) break;
            channelPages.remove(eldest);
        }
        return page;
    }

    @Override
    public void catalogChanged() {
        catalogFingerprint = null;
        if (current != null) current.reload();
    }

    private void searchTyped(String text) {
        if (text == null || text.isBlank()) {
            if (current == searchPage) back();
            return;
        }
        searchPage.search(text);
        if (current != searchPage) show(searchPage, true);
    }

    // ---- publishing and links

    @Override
    public void publishFiles(List<File> files) {
        publishFlow.publish(files);
    }

    @Override
    public void pickFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Publish videos");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Videos", "*.mp4", "*.m4v", "*.mkv", "*.webm", "*.mov", "*.avi", "*.ogv",
                        "*.ts", "*.mpg", "*.mpeg", "*.wmv", "*.flv", "*.3gp"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) publishFiles(files);
    }

    @Override
    public void addChannel() {
        TextInputDialog dialog = new TextInputDialog();
        if (window() != null) dialog.initOwner(window());
        dialog.setTitle("Add a channel");
        dialog.getDialogPane().getStylesheets().add(Theme.stylesheet());
        Theme.mark(dialog.getDialogPane());
        dialog.setHeaderText("Open a channel by its link");
        dialog.setContentText("Link:");
        dialog.getEditor().setId("add-channel-link");
        dialog.getEditor().setPromptText("magnet:?xs=urn:btpk:…");
        dialog.getEditor().setPrefColumnCount(44);
        String clip = Clipboard.getSystemClipboard().hasString() ? Clipboard.getSystemClipboard().getString() : null;
        if (clip != null && Links.looksLikeLink(clip)) dialog.getEditor().setText(clip.strip());
        dialog.setOnHidden(e -> {
            String result = dialog.getResult();
            if (result != null && !result.isBlank()) openLink(result);
        });
        dialog.show();
    }

    /**
     * Opens a channel link, a video's magnet link or a .torrent file (path or file:// URI); a text that
     * is none of these is answered with an error message. FX thread.
     */
    public void openLink(String text) {
        bridge.run(() -> Links.parse(text), target -> {
            if (target instanceof Links.ChannelTarget channel) channel(channel.link());
            else if (target instanceof Links.VideoTarget video) watchLink(video.magnet(), video.title());
        }, e -> messages.error("That link cannot be opened: " + Sentences.clause(e)));
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
            e.acceptTransferModes(TransferMode.COPY);
            dropOverlay.setVisible(e.getDragboard().hasFiles());
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        dropOverlay.setVisible(false);
        boolean done = false;
        if (e.getDragboard().hasFiles()) {
            List<File> files = e.getDragboard().getFiles();
            List<File> torrents = files.stream().filter(f -> f.getName().endsWith(".torrent")).toList();
            torrents.forEach(f -> openLink(f.getAbsolutePath()));
            List<File> videos = files.stream().filter(f -> !f.getName().endsWith(".torrent")).toList();
            publishFiles(videos);
            done = true;
        } else if (e.getDragboard().hasString()) {
            openLink(e.getDragboard().getString());
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ADD = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BACK = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);

    private void shortcut(KeyEvent e) {
        boolean typing = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
        if (PASTE.match(e) && !typing) {
            paste();
        } else if (FIND.match(e) || e.getCode() == KeyCode.SLASH && !typing && !e.isShortcutDown()) {
            search.requestFocus();
            search.selectAll();
        } else if (OPEN.match(e)) {
            pickFiles();
        } else if (ADD.match(e)) {
            addChannel();
        } else if (BACK.match(e) || e.getCode() == KeyCode.ESCAPE && !typing && current == watch) {
            back();
        } else if (e.getCode() == KeyCode.F5) {
            catalogChanged();
        } else if (e.isAltDown() && !e.isShortcutDown() && e.getCode().isDigitKey()) {
            switch (e.getCode()) {
                case DIGIT1, NUMPAD1 -> home();
                case DIGIT2, NUMPAD2 -> subscriptions();
                case DIGIT3, NUMPAD3 -> myChannel();
                case DIGIT4, NUMPAD4 -> library();
                case DIGIT5, NUMPAD5 -> settings();
                default -> {
                    return;
                }
            }
        } else {
            return;
        }
        e.consume();
    }

    /** What Ctrl+V does outside a text field: files are published, a link is opened. */
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) publishFiles(clipboard.getFiles());
        else if (clipboard.hasString() && !clipboard.getString().isBlank()) openLink(clipboard.getString());
        else messages.error("The clipboard holds no link. Copy a channel link (magnet:?xs=urn:btpk:…) and paste it here.");
    }

    // ---- the node's news

    /** The swarm figures of the videos on screen (looked up one by one: a few dozen at most). */
    private Map<String, TorrentStatus> torrents() {
        Map<String, TorrentStatus> out = new HashMap<>();
        for (String infohash : context.onScreen()) node.swarm().status(infohash).ifPresent(s -> out.put(infohash, s));
        return out;
    }

    private CatalogState catalogState() {
        var store = node.channelStore();
        List<ChannelInfo> channels = store.channels();
        List<ChannelInfo> subscribed = channels.stream().filter(ChannelInfo::subscribed).toList();
        int unseen = store.unseenCount();
        StringBuilder fingerprint = new StringBuilder().append(unseen);
        for (ChannelInfo c : channels) {
            fingerprint.append('|').append(c.publicKeyHex(), 0, 12).append(c.seq().orElse(-1)).append(c.videoCount())
                    .append(c.subscribed() ? 'S' : '-').append(c.blocked() ? 'B' : '-').append(c.name().orElse(""));
        }
        String print = fingerprint.toString();
        Map<String, Integer> byChannel = new HashMap<>();
        if (unseen > 0 && !print.equals(catalogFingerprint)) {
            for (VideoSummary v : Pages.all(store::feed)) if (v.unseen()) byChannel.merge(v.channelKey(), 1, Integer::sum);
        }
        return new CatalogState(subscribed, unseen, byChannel, print, node.swarm().dhtNodes(), node.swarm().listenPort());
    }

    private void showCatalogState(CatalogState state) {
        if (disposed) return;
        unseenBadge.setText(state.unseen() > 99 ? "99+" : String.valueOf(state.unseen()));
        unseenBadge.setVisible(state.unseen() > 0);
        networkStatus.setGraphic(Icons.of(Feather.CIRCLE, 8));
        networkStatus.getStyleClass().removeAll("online", "offline");
        networkStatus.getStyleClass().add(state.dhtNodes() > 0 ? "online" : "offline");
        networkStatus.setText((state.dhtNodes() > 0 ? "Online · " + Formats.plural(state.dhtNodes(), "DHT node")
                : "Connecting to the network…") + "\nBitTorrent port " + state.listenPort());
        boolean changed = catalogFingerprint != null && !state.fingerprint().equals(catalogFingerprint);
        if (catalogFingerprint == null || changed) {
            catalogFingerprint = state.fingerprint();
            showSidebarChannels(state);
            if (changed && current != null && current != watch) current.reload();
        }
    }

    private void showSidebarChannels(CatalogState state) {
        sidebarChannels.getChildren().clear();
        sidebarChannelsTitle.setVisible(!state.subscribed().isEmpty());
        int shown = 0;
        for (ChannelInfo c : state.subscribed()) {
            if (shown++ == SIDEBAR_CHANNELS) break;
            String name = c.name().orElse("Channel " + c.publicKeyHex().substring(0, 8));
            Label avatar = new Label(name.substring(0, 1).toUpperCase(java.util.Locale.ROOT));
            avatar.getStyleClass().add("chip-avatar");
            avatar.setStyle("-fx-background-color: " + Context.channelColour(c.publicKeyHex()) + ";");
            Label label = new Label(name);
            label.setMaxWidth(130);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            int unseen = state.unseenByChannel().getOrDefault(c.publicKeyHex(), 0);
            Label count = new Label(String.valueOf(unseen));
            count.getStyleClass().add("count-badge");
            count.setVisible(unseen > 0);
            HBox graphic = new HBox(10, avatar, label, spacer, count);
            graphic.setAlignment(Pos.CENTER_LEFT);
            Button b = new Button();
            b.setGraphic(graphic);
            b.getStyleClass().add("sidebar-channel");
            b.setMaxWidth(Double.MAX_VALUE);
            graphic.prefWidthProperty().bind(b.widthProperty().subtract(20));
            b.setOnAction(e -> channel(c.publicKeyHex()));
            sidebarChannels.getChildren().add(b);
        }
        if (state.subscribed().size() > SIDEBAR_CHANNELS) {
            Button all = new Button("All " + state.subscribed().size() + " subscriptions");
            all.getStyleClass().addAll("flat", "small");
            all.setOnAction(e -> subscriptions());
            sidebarChannels.getChildren().add(all);
        }
    }

    private void theme(org.swarmtube.app.Settings.Theme theme) {
        if (disposed) return;
        Theme.apply(theme);
        Theme.mark(this);
    }

    private void newVideos(NewVideos news) {
        if (disposed || context.isQuiet(news.channelKey())) return;
        String text = Formats.plural(news.count(), "new video") + " from " + news.channelName();
        messages.info(text + ".");
        notifier.notify("Swarmtube", text);
        catalogChanged();
    }

    // ---- for the launcher and tests

    /** Stops the snapshots and the player; the node is closed by whoever started it. FX thread. */
    public CompletableFuture<Void> dispose() {
        if (disposed) return CompletableFuture.completedFuture(null);
        disposed = true;
        snapshots.forEach(FxBridge.Subscription::cancel);
        settingsListener.close();
        notifier.close();
        if (current != null) current.deactivate();
        return watch.dispose();
    }

    /** Calls {@code onShown} once Home first shows what it loaded (the start-up benchmark). */
    public void onHomeLoaded(java.util.function.Consumer<Integer> onShown) {
        home.onFirstLoad(onShown);
    }

    /** The name of the screen shown: home, subscriptions, my-channel, channel, search, watch, library, settings. */
    public String screen() {
        if (current == watch) return "watch";
        if (current == searchPage) return "search";
        if (current instanceof ChannelPage page && page != myChannel) return "channel";
        return current == null ? "" : current.section();
    }

    /** Types {@code text} into the search box (results follow as when typed). FX thread. */
    public void search(String text) {
        search.setText(text);
    }

    /** The Library screen. */
    public void library() {
        show(library, true);
    }

    /** The Settings screen. */
    public void settings() {
        show(settings, true);
    }

    /** The watch screen's player page, once a video was opened. */
    public org.swarmtube.app.desktop.watch.WatchPage watchPage() {
        return watch.watchPage();
    }
}
