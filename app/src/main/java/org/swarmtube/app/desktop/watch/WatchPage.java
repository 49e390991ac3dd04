package org.swarmtube.app.desktop.watch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.swarmtube.app.Node;
import org.swarmtube.media.BufferView;
import org.swarmtube.media.VideoSource;
import org.swarmtube.media.player.PlayerState;
import org.swarmtube.media.player.VideoPlayer;

/**
 * The player half of the watch page: the {@link VideoPlayer}, the video's title, channel and
 * description, and a panel with the swarm's figures (peers, seeds, distributed copies, how much is
 * on this computer, download and upload rates), refreshed every second.
 *
 * <p>{@link #open} resolves a magnet link, infohash or video id through {@link Node#stream} off the FX
 * thread and plays the stream URL. While it plays, a {@link org.swarmtube.app.StallGuard} pauses the
 * player before the swarm runs dry (the player shows "Buffering…"), the buffer bar shows what is on
 * this computer, what is arriving and how available the rest is, and if libvlc starves anyway it is
 * restarted at its last picture once data is back. The position is saved every few seconds and on
 * {@link #close()}; reopening a video that was left part-way offers "Resume at m:ss" over the picture.
 *
 * <p>Build it and call it on the FX thread; nothing here blocks that thread.
 */
public final class WatchPage extends BorderPane {
    private static final double SIDE_WIDTH = 300;

    private final Node node;
    private final VideoPlayer player;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "watch-page");
        thread.setDaemon(true);
        return thread;
    });

    private final Label title = new Label();
    private final Label channel = new Label();
    private final Label description = new Label();
    private final Label openError = new Label();
    private final Button resumeButton = new Button();
    private final Button dismissButton = new Button("✕");
    private final HBox resumeBanner = new HBox(resumeButton, dismissButton);
    private final SwarmPanel swarmPanel = new SwarmPanel();

    /** FX thread. */
    private WatchSession session;
    private long generation;
    private Duration offer;
    private boolean disposed;

    /** Read by the background threads. */
    private volatile long shownMillis = -1;
    private volatile long framesAtOpen;

    /** A page that plays sound. */
    public WatchPage(Node node) {
        this(node, true);
    }

    /** @param sound false to play without opening a sound device (tests) */
    public WatchPage(Node node, boolean sound) {
        this.node = Objects.requireNonNull(node, "node");
        this.player = new VideoPlayer(sound);
        getStyleClass().add("watch-page");
        getStylesheets().add(STYLESHEET);

        resumeButton.setId("resume-button");
        resumeButton.getStyleClass().add("resume");
        resumeButton.setOnAction(e -> takeOffer());
        dismissButton.setId("resume-dismiss");
        dismissButton.getStyleClass().add("dismiss");
        dismissButton.setOnAction(e -> dismissOffer());
        resumeBanner.setId("resume-banner");
        resumeBanner.getStyleClass().add("resume-banner");
        resumeBanner.setAlignment(Pos.CENTER_LEFT);
        resumeBanner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        resumeBanner.setVisible(false);
        openError.setId("open-error");
        openError.getStyleClass().add("open-error");
        openError.setWrapText(true);
        openError.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        openError.setVisible(false);
        StackPane playerBox = new StackPane(player, resumeBanner, openError);
        playerBox.getStyleClass().add("player-box");
        StackPane.setAlignment(resumeBanner, Pos.TOP_LEFT);
        StackPane.setMargin(resumeBanner, new Insets(16));

        title.setId("title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        channel.setId("channel");
        channel.getStyleClass().add("channel");
        channel.managedProperty().bind(channel.visibleProperty());
        description.setId("description");
        description.getStyleClass().add("description");
        description.setWrapText(true);
        VBox info = new VBox(6, title, channel, description);
        info.getStyleClass().add("info");
        ScrollPane infoScroll = new ScrollPane(info);
        infoScroll.setFitToWidth(true);
        infoScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        infoScroll.getStyleClass().add("info-scroll");

        setCenter(new Column(playerBox, infoScroll));
        swarmPanel.setPrefWidth(SIDE_WIDTH);
        swarmPanel.setMinWidth(SIDE_WIDTH);
        setRight(swarmPanel);
        BorderPane.setMargin(swarmPanel, new Insets(0, 0, 0, 16));

        player.currentTimeProperty().addListener((o, old, now) -> {
            shownMillis = now.toMillis();
            if (offer != null && now.compareTo(offer) >= 0 && player.renderedFrames() > framesAtOpen) {
                dismissOffer(); // the viewer got there anyway
            }
        });
        player.durationProperty().addListener((o, old, now) -> {
            if (session != null && !now.isZero()) {
                session.durationKnown(now);
                dropOfferPastEnd(now);
            }
        });
        player.stateProperty().addListener((o, old, now) -> {
            if (session != null) session.atEnd(now == PlayerState.FINISHED);
        });
    }

    /**
     * Opens a video, replacing the one open (whose position is saved). FX thread.
     *
     * @param what        a magnet link, an infohash or a video id
     * @param title       shown under the player
     * @param description shown under the title; may be empty
     * @param channelName the channel's name; may be empty
     */
    public void open(String what, String title, String description, String channelName) {
        Objects.requireNonNull(what, "what");
        if (disposed) throw new IllegalStateException("the watch page was disposed");
        close();
        this.title.setText(title == null ? "" : title);
        this.channel.setText(channelName == null ? "" : channelName);
        this.channel.setVisible(channelName != null && !channelName.isBlank());
        this.description.setText(description == null ? "" : description);
        shownMillis = -1;
        framesAtOpen = player.renderedFrames();
        long current = ++generation;
        session = new WatchSession(node, what, new PlayerPort(), new Bridge(current), executor);
        session.start();
    }

    /** Stops playback and saves the position; the page keeps its player for the next {@link #open}. FX thread. */
    public void close() {
        closeSession();
    }

    /**
     * Closes, then frees the player's libvlc and the page's background thread. Call before the node
     * closes. FX thread.
     *
     * @return completes once the position is saved and libvlc is released
     */
    public CompletableFuture<Void> dispose() {
        if (disposed) return CompletableFuture.completedFuture(null);
        CompletableFuture<Void> saved = closeSession();
        disposed = true;
        CompletableFuture<Void> released = player.dispose();
        return CompletableFuture.allOf(saved, released).whenComplete((v, e) -> executor.shutdown());
    }

    /** @return the player, for the rest of the desktop UI (full screen, volume) and tests */
    public VideoPlayer player() {
        return player;
    }

    private CompletableFuture<Void> closeSession() {
        WatchSession closing = session;
        if (closing == null) return CompletableFuture.completedFuture(null);
        session = null;
        generation++;
        boolean atEnd = player.stateProperty().get() == PlayerState.FINISHED;
        long position = player.renderedFrames() > framesAtOpen ? shownMillis : -1;
        player.stop();
        hideOffer();
        openError.setVisible(false);
        player.bufferingProperty().set(false);
        player.bufferViewProperty().set(BufferView.UNKNOWN);
        swarmPanel.show(SwarmFigures.NONE);
        return closing.close(atEnd, position);
    }

    private void takeOffer() {
        if (offer == null || session == null) return;
        player.seek(offer);
        session.offerSettled();
        hideOffer();
        player.requestFocus();
    }

    private void dismissOffer() {
        if (session != null) session.offerSettled();
        hideOffer();
    }

    /** A saved position at (or past) the end is nothing to resume: the file may differ from the one watched. */
    private void dropOfferPastEnd(Duration length) {
        if (offer != null && offer.compareTo(length.minusSeconds(2)) >= 0) dismissOffer();
    }

    private void hideOffer() {
        offer = null;
        resumeBanner.setVisible(false);
    }

    static String clock(Duration time) {
        long seconds = Math.max(0, time.getSeconds());
        long hours = seconds / 3600;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** The session's calls, moved onto the FX thread and dropped once another video is open. */
    private final class Bridge implements WatchSession.Listener {
        private final long owner;

        Bridge(long owner) {
            this.owner = owner;
        }

        private void later(Runnable action) {
            Platform.runLater(() -> {
                if (generation == owner && session != null) action.run();
            });
        }

        @Override
        public void opened(VideoSource source, String infohash, Optional<Duration> resumeAt) {
            later(() -> {
                player.play(source, Duration.ZERO);
                resumeAt.ifPresent(at -> {
                    offer = at;
                    resumeButton.setText("▶  Resume at " + clock(at));
                    resumeBanner.setVisible(true);
                });
                Duration known = player.durationProperty().get();
                if (!known.isZero()) { // the same video again: no change to hear of
                    session.durationKnown(known);
                    dropOfferPastEnd(known);
                }
                player.requestFocus();
            });
        }

        @Override
        public void failed(String message) {
            later(() -> {
                openError.setText("This video could not be opened.\n" + message);
                openError.setVisible(true);
            });
        }

        @Override
        public void buffering(boolean buffering) {
            later(() -> player.bufferingProperty().set(buffering));
        }

        @Override
        public void swarm(SwarmFigures figures, BufferView view) {
            later(() -> {
                swarmPanel.show(figures);
                player.bufferViewProperty().set(view);
            });
        }
    }

    /** The player's thread-safe calls, for the session and its guard. */
    private final class PlayerPort implements WatchSession.Player {
        @Override
        public void pause() {
            player.pause();
        }

        @Override
        public void resume() {
            player.resume();
        }

        @Override
        public void stop() {
            player.stop();
        }

        @Override
        public void restartAt(Duration time) {
            player.restartAt(time);
        }

        @Override
        public boolean isPlaying() {
            return player.isPlaying();
        }

        @Override
        public Duration sinceLastFrame() {
            return player.sinceLastFrame();
        }

        @Override
        public long positionMillis() {
            return player.renderedFrames() > framesAtOpen ? shownMillis : -1;
        }
    }

    /**
     * The player at the column's width in its 16:9 shape (with its control bar), as long as at least a
     * few lines of the text under it stay visible; the text takes the rest and scrolls.
     */
    private static final class Column extends Region {
        private static final double MIN_INFO = 120;
        private final javafx.scene.Node playerBox;
        private final javafx.scene.Node info;

        Column(javafx.scene.Node playerBox, javafx.scene.Node info) {
            this.playerBox = playerBox;
            this.info = info;
            getChildren().addAll(playerBox, info);
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double height = getHeight();
            // the player's preferred height is a 640x360 picture plus its control bar
            double controls = Math.max(0, playerBox.prefHeight(width) - 360);
            double wanted = width * 9 / 16 + controls;
            double infoHeight = Math.min(Math.max(MIN_INFO, info.prefHeight(width)), height * 0.4);
            double playerHeight = snapSizeY(Math.max(180, Math.min(wanted, height - infoHeight - 12)));
            playerBox.resizeRelocate(0, 0, width, playerHeight);
            info.resizeRelocate(0, playerHeight + 12, width, Math.max(0, height - playerHeight - 12));
        }

        @Override
        protected double computePrefWidth(double height) {
            return 854;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 600;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 320;
        }
    }

    /** The figures of the video's swarm, and what the buffer bar's colours mean. */
    private static final class SwarmPanel extends VBox {
        private final Label state = new Label();
        private final Label peers = value("swarm-peers");
        private final Label seeds = value("swarm-seeds");
        private final Label copies = value("swarm-copies");
        private final Label local = value("swarm-local");
        private final Label down = value("swarm-down");
        private final Label up = value("swarm-up");
        private final ProgressBar localBar = new ProgressBar(0);
        private final Label localBytes = new Label();

        SwarmPanel() {
            getStyleClass().add("swarm-panel");
            setId("swarm-panel");
            Label heading = new Label("Swarm");
            heading.getStyleClass().add("heading");
            state.setId("swarm-state");
            state.getStyleClass().add("state");
            state.setWrapText(true);
            GridPane grid = new GridPane();
            grid.getStyleClass().add("figures");
            grid.setHgap(12);
            grid.setVgap(6);
            row(grid, 0, "Peers", peers);
            row(grid, 1, "Seeds", seeds);
            row(grid, 2, "Distributed copies", copies);
            row(grid, 3, "On this computer", local);
            localBar.setId("swarm-local-bar");
            localBar.setMaxWidth(Double.MAX_VALUE);
            grid.add(localBar, 0, 4, 2, 1);
            localBytes.setId("swarm-local-bytes");
            localBytes.getStyleClass().add("caption");
            grid.add(localBytes, 0, 5, 2, 1);
            row(grid, 6, "Download", down);
            row(grid, 7, "Upload", up);
            Label legendHeading = new Label("Buffer bar");
            legendHeading.getStyleClass().add("subheading");
            VBox legend = new VBox(4, legendHeading,
                    swatch("#d9d9d9", "on this computer"), swatch("#3ea6ff", "downloading now"),
                    swatch("#7a7a7a", "with peers (lighter: more peers)"), swatch("#c62828", "no peer has it"));
            legend.getStyleClass().add("legend");
            getChildren().addAll(heading, state, grid, legend);
            setSpacing(12);
            setFillWidth(true);
            setMaxHeight(Region.USE_PREF_SIZE);
            show(SwarmFigures.NONE);
        }

        void show(SwarmFigures figures) {
            state.setText(figures.stateText());
            peers.setText(figures.peersText());
            seeds.setText(figures.seedsText());
            copies.setText(figures.copiesText());
            local.setText(figures.localText());
            localBar.setProgress(figures.localFraction());
            localBytes.setText(figures.localBytesText());
            down.setText(figures.downText());
            up.setText(figures.upText());
        }

        private static Label value(String id) {
            Label label = new Label();
            label.setId(id);
            label.getStyleClass().add("value");
            return label;
        }

        private static void row(GridPane grid, int row, String name, Label value) {
            Label label = new Label(name);
            label.getStyleClass().add("name");
            label.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHgrow(label, Priority.ALWAYS);
            grid.add(label, 0, row);
            grid.add(value, 1, row);
            GridPane.setHalignment(value, HPos.RIGHT);
        }

        private static HBox swatch(String colour, String meaning) {
            Rectangle box = new Rectangle(18, 6, Color.web(colour));
            Label label = new Label(meaning);
            label.getStyleClass().add("legend-text");
            HBox line = new HBox(8, box, label);
            line.setAlignment(Pos.CENTER_LEFT);
            return line;
        }
    }

    private static final String CSS = """
            .watch-page {
                -fx-background-color: #0f0f0f;
                -fx-padding: 16;
            }
            .watch-page .player-box {
                -fx-background-color: black;
            }
            .watch-page .info-scroll, .watch-page .info-scroll > .viewport {
                -fx-background-color: transparent;
                -fx-background-insets: 0;
                -fx-padding: 0;
            }
            .watch-page .info {
                -fx-padding: 0 4 8 0;
            }
            .watch-page .title {
                -fx-font-size: 20px;
                -fx-font-weight: bold;
                -fx-text-fill: #f1f1f1;
            }
            .watch-page .channel {
                -fx-font-size: 14px;
                -fx-font-weight: bold;
                -fx-text-fill: #aaaaaa;
            }
            .watch-page .description {
                -fx-font-size: 13px;
                -fx-text-fill: #d0d0d0;
            }
            .watch-page .resume-banner {
                -fx-background-color: rgba(15, 15, 15, 0.88);
                -fx-background-radius: 20;
                -fx-padding: 4;
                -fx-spacing: 2;
            }
            .watch-page .resume-banner .resume {
                -fx-background-color: #e53935;
                -fx-background-radius: 16;
                -fx-text-fill: white;
                -fx-font-size: 15px;
                -fx-font-weight: bold;
                -fx-padding: 7 16 7 14;
                -fx-cursor: hand;
            }
            .watch-page .resume-banner .resume:hover {
                -fx-background-color: #f44336;
            }
            .watch-page .resume-banner .dismiss {
                -fx-background-color: transparent;
                -fx-background-radius: 16;
                -fx-text-fill: #f1f1f1;
                -fx-font-size: 13px;
                -fx-padding: 7 10 7 10;
                -fx-cursor: hand;
            }
            .watch-page .resume-banner .dismiss:hover {
                -fx-background-color: rgba(255, 255, 255, 0.15);
            }
            .watch-page .open-error {
                -fx-background-color: rgba(0, 0, 0, 0.75);
                -fx-text-fill: #f1f1f1;
                -fx-font-size: 15px;
                -fx-padding: 24;
                -fx-text-alignment: center;
            }
            .watch-page .swarm-panel {
                -fx-background-color: #1e1e1e;
                -fx-background-radius: 10;
                -fx-padding: 16;
            }
            .watch-page .swarm-panel .heading {
                -fx-font-size: 16px;
                -fx-font-weight: bold;
                -fx-text-fill: #f1f1f1;
            }
            .watch-page .swarm-panel .subheading {
                -fx-font-size: 12px;
                -fx-font-weight: bold;
                -fx-text-fill: #aaaaaa;
            }
            .watch-page .swarm-panel .state {
                -fx-font-size: 13px;
                -fx-text-fill: #3ea6ff;
            }
            .watch-page .swarm-panel .caption {
                -fx-font-size: 12px;
                -fx-text-fill: #aaaaaa;
            }
            .watch-page .swarm-panel .name, .watch-page .swarm-panel .legend-text {
                -fx-font-size: 13px;
                -fx-text-fill: #aaaaaa;
            }
            .watch-page .swarm-panel .value {
                -fx-font-size: 13px;
                -fx-font-weight: bold;
                -fx-text-fill: #f1f1f1;
            }
            .watch-page .swarm-panel .progress-bar > .track {
                -fx-background-color: #3a3a3a;
                -fx-background-radius: 2;
                -fx-background-insets: 0;
            }
            .watch-page .swarm-panel .progress-bar > .bar {
                -fx-background-color: #d9d9d9;
                -fx-background-radius: 2;
                -fx-background-insets: 0;
                -fx-padding: 3;
            }
            .watch-page .swarm-panel .legend {
                -fx-padding: 6 0 0 0;
            }
            """;
    private static final String STYLESHEET = "data:text/css;base64,"
            + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));
}
