package org.swarmtube.app.desktop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.VideoSummary;

/**
 * Subscriptions: the feed of the channels followed, newest first, unseen videos marked, with each
 * channel's count of unseen videos above it.
 */
final class SubscriptionsPage implements Page {
    private final Context context;
    private final BorderPane root = new BorderPane();
    private final Label subtitle = new Label();
    private final HBox chips = new HBox(8);
    private final ScrollPane chipScroll = new ScrollPane(chips);
    private final Button markAll = Pages.button("Mark all as seen", Feather.CHECK_SQUARE, "flat");
    private final VideoGrid grid;
    private long generation;

    private record Feed(List<VideoSummary> videos, List<ChannelInfo> channels, int unseen) {
    }

    SubscriptionsPage(Context context) {
        this.context = context;
        grid = new VideoGrid(context, Pages.actions(context), false, true);
        Button add = Pages.button("Add a channel…", Feather.USER_PLUS, "accent");
        add.setOnAction(e -> context.go().addChannel());
        grid.setPlaceholder(Pages.empty(Feather.RSS, "No subscriptions yet",
                "Paste a channel link anywhere in this window (Ctrl+V), or use Add channel, then press Subscribe. "
                        + "New videos of the channels you follow appear here, and you get a notification.", add));
        markAll.setId("mark-all-seen");
        markAll.setOnAction(e -> context.bridge().run(() -> {
            context.node().channelStore().markAllSeen();
            return null;
        }, v -> context.go().catalogChanged(), err -> context.messages().error(Sentences.of(err))));
        chips.getStyleClass().add("chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        chipScroll.getStyleClass().add("chip-scroll");
        chipScroll.setFitToHeight(true);
        chipScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        chipScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        chipScroll.managedProperty().bind(chipScroll.visibleProperty());
        VBox top = new VBox(8, Pages.header(new Label("Subscriptions"), subtitle, markAll), chipScroll);
        top.getStyleClass().add("page-top");
        root.getStyleClass().add("page");
        root.setTop(top);
        root.setCenter(grid);
        root.setId("subscriptions-page");
    }

    @Override
    public javafx.scene.Node view() {
        return root;
    }

    @Override
    public String section() {
        return "subscriptions";
    }

    @Override
    public void activate() {
        reload();
    }

    @Override
    public void reload() {
        long mine = ++generation;
        context.bridge().run(() -> {
            var store = context.node().channelStore();
            List<VideoSummary> videos = Pages.all(store::feed);
            List<ChannelInfo> channels = store.channels().stream().filter(ChannelInfo::subscribed).toList();
            return new Feed(videos, channels, store.unseenCount());
        }, feed -> {
            if (mine == generation) show(feed);
        }, e -> context.messages().error("The feed could not be read: " + Sentences.clause(e)));
    }

    private void show(Feed feed) {
        grid.setVideos(feed.videos());
        subtitle.setText(feed.channels().isEmpty() ? "Channels you follow"
                : Formats.plural(feed.channels().size(), "channel") + " · " + (feed.unseen() == 0 ? "nothing new"
                : feed.unseen() + " new " + (feed.unseen() == 1 ? "video" : "videos")));
        markAll.setDisable(feed.unseen() == 0);
        Map<String, Integer> unseen = new LinkedHashMap<>();
        for (VideoSummary v : feed.videos()) if (v.unseen()) unseen.merge(v.channelKey(), 1, Integer::sum);
        chips.getChildren().clear();
        for (ChannelInfo c : feed.channels()) chips.getChildren().add(chip(c, unseen.getOrDefault(c.publicKeyHex(), 0)));
        chipScroll.setVisible(!feed.channels().isEmpty());
    }

    private Button chip(ChannelInfo channel, int unseen) {
        String name = channel.name().orElse("Channel " + channel.publicKeyHex().substring(0, 8));
        Label avatar = new Label(name.substring(0, 1).toUpperCase(java.util.Locale.ROOT));
        avatar.getStyleClass().add("chip-avatar");
        avatar.setStyle("-fx-background-color: " + Context.channelColour(channel.publicKeyHex()) + ";");
        Label count = new Label(String.valueOf(unseen));
        count.getStyleClass().add("count-badge");
        count.setVisible(unseen > 0);
        count.managedProperty().bind(count.visibleProperty());
        HBox graphic = new HBox(8, avatar, new Label(name), count);
        graphic.setAlignment(Pos.CENTER_LEFT);
        Button chip = new Button();
        chip.setGraphic(graphic);
        chip.getStyleClass().add("chip");
        chip.setUserData(channel.publicKeyHex());
        chip.setOnAction(e -> context.go().channel(channel.publicKeyHex()));
        return chip;
    }

    @Override
    public void focus() {
        grid.list().requestFocus();
    }
}
