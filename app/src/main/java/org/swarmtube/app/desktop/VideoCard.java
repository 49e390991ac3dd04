package org.swarmtube.app.desktop;

import java.time.Instant;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.swarm.TorrentStatus;

/**
 * One video in a grid: thumbnail with its duration, title, channel, age and how well it is seeded. A
 * card is reused for other videos as the grid scrolls ({@link #show}). FX thread.
 */
final class VideoCard extends VBox {
    static final double TEXT_HEIGHT = 86;

    private final Context context;
    private final VideoGrid.Actions actions;
    private final ImageView picture = new ImageView();
    private final Label placeholder = new Label();
    private final Rectangle clip = new Rectangle();
    private final StackPane thumb;
    private final Label duration = new Label();
    private final Label fresh = new Label("NEW");
    private final Label title = new Label();
    private final Label channel = new Label();
    private final Label meta = new Label();
    private final Circle dot = new Circle(4);
    private final Label initial = new Label();
    private final Button copy = new Button();
    private VideoSummary video;
    private int index = -1;
    private double shownWidth = -1;

    VideoCard(Context context, VideoGrid.Actions actions) {
        this.context = context;
        this.actions = actions;
        getStyleClass().add("video-card");
        setFocusTraversable(false);

        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        placeholder.setGraphic(Icons.of(Feather.FILM, 28));
        placeholder.getStyleClass().add("thumb-placeholder");
        duration.getStyleClass().add("duration-badge");
        fresh.getStyleClass().add("new-badge");
        clip.setArcWidth(14);
        clip.setArcHeight(14);
        thumb = new StackPane(placeholder, picture, duration, fresh);
        thumb.getStyleClass().add("thumb");
        thumb.setClip(clip);
        StackPane.setAlignment(duration, Pos.BOTTOM_RIGHT);
        StackPane.setAlignment(fresh, Pos.TOP_LEFT);
        StackPane.setMargin(duration, new Insets(6));
        StackPane.setMargin(fresh, new Insets(6));

        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        title.setTextOverrun(OverrunStyle.ELLIPSIS);
        title.setMaxHeight(40);
        title.setMinHeight(Region.USE_PREF_SIZE);
        channel.getStyleClass().add("card-channel");
        channel.setOnMouseClicked(e -> {
            if (video != null) actions.openChannel(video);
            e.consume();
        });
        meta.getStyleClass().add("card-meta");
        meta.setGraphic(dot);
        dot.setFill(HEALTH.get(Formats.Health.UNKNOWN));
        initial.getStyleClass().add("card-avatar");
        initial.setMinSize(32, 32);
        initial.setMaxSize(32, 32);
        initial.setAlignment(Pos.CENTER);

        copy.setGraphic(Icons.of(Feather.LINK, 14));
        copy.setText("Copy link");
        copy.getStyleClass().addAll("flat", "small", "copy-link");
        copy.setFocusTraversable(false);
        copy.setTooltip(new Tooltip("Copy this video's magnet link"));
        copy.setOnAction(e -> {
            if (video != null) actions.copyLink(video);
        });
        copy.managedProperty().bind(copy.visibleProperty());

        VBox text = new VBox(2, title, channel, meta, copy);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        HBox info = new HBox(10, initial, text);
        info.getStyleClass().add("card-info");
        info.setPrefHeight(TEXT_HEIGHT);
        info.setMinHeight(TEXT_HEIGHT);
        info.setMaxHeight(TEXT_HEIGHT);
        getChildren().addAll(thumb, info);

        setOnMouseClicked(e -> {
            if (video != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) actions.open(video, index);
        });
        MenuItem open = new MenuItem("Play");
        open.setOnAction(e -> actions.open(video, index));
        MenuItem link = new MenuItem("Copy link");
        link.setOnAction(e -> actions.copyLink(video));
        MenuItem toChannel = new MenuItem("Open channel");
        toChannel.setOnAction(e -> actions.openChannel(video));
        ContextMenu menu = new ContextMenu(open, link, toChannel);
        setOnContextMenuRequested(e -> {
            if (video != null) menu.show(this, e.getScreenX(), e.getScreenY());
        });
    }

    /** Shows {@code v} at {@code width} pixels wide. */
    void show(VideoSummary v, int index, double width, boolean selected, boolean copyLink, boolean markUnseen,
              Instant now, Map<String, TorrentStatus> torrents) {
        this.index = index;
        double thumbHeight = Math.round(width * 9 / 16);
        if (width != shownWidth) sizeTo(width, thumbHeight);
        pseudoClassStateChanged(VideoGrid.SELECTED, selected);
        copy.setVisible(copyLink);

        boolean same = video != null && video.videoId().equals(v.videoId()) && video.channelKey().equals(v.channelKey());
        video = v;
        title.setText(v.title());
        channel.setText(v.channelName().isBlank() ? "Unnamed channel" : v.channelName());
        duration.setText(Formats.duration(v.duration()));
        duration.setVisible(!duration.getText().isEmpty());
        fresh.setVisible(markUnseen && v.unseen());
        initial.setText(v.channelName().isBlank() ? "?" : v.channelName().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
        initial.setBackground(AVATARS.computeIfAbsent(Context.channelColour(v.channelKey()),
                c -> new Background(new BackgroundFill(Color.web(c), new CornerRadii(16), Insets.EMPTY))));
        showSeeding(now, torrents);
        if (!same) {
            picture.setImage(null);
            placeholder.setVisible(true);
            context.thumbnails().thumbnail(v, image -> {
                if (video == v) {
                    picture.setImage(image);
                    placeholder.setVisible(image == null);
                }
            });
        }
    }

    private void sizeTo(double width, double thumbHeight) {
        shownWidth = width;
        setPrefWidth(width);
        setMinWidth(width);
        setMaxWidth(width);
        thumb.setMinSize(width, thumbHeight);
        thumb.setPrefSize(width, thumbHeight);
        thumb.setMaxSize(width, thumbHeight);
        clip.setWidth(width);
        clip.setHeight(thumbHeight);
        picture.setFitWidth(width);
        picture.setFitHeight(thumbHeight);
    }

    void showSeeding(Instant now, Map<String, TorrentStatus> torrents) {
        if (video == null) return;
        Formats.Seeding seeding = Formats.seeding(torrents.get(video.infohash()));
        meta.setText(Formats.age(video.published(), now) + "  ·  " + seeding.text());
        dot.setFill(HEALTH.get(seeding.health()));
    }

    private static final Map<Formats.Health, Color> HEALTH = Map.of(Formats.Health.LOCAL, Color.web("#43a047"),
            Formats.Health.GOOD, Color.web("#7cb342"), Formats.Health.WEAK, Color.web("#fb8c00"),
            Formats.Health.NONE, Color.web("#e53935"), Formats.Health.UNKNOWN, Color.web("#5a5a5a"));
    private static final Map<String, Background> AVATARS = new java.util.HashMap<>();
}
