package org.swarmtube.app.desktop;

import java.util.concurrent.CompletableFuture;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.app.desktop.watch.WatchPage;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.CatalogEntry;

/**
 * The watch screen: the player page (player, title, description, channel, swarm panel) under a thin bar
 * to go back, to the channel, or to copy the link. One player serves every video; it is made on first use.
 */
final class WatchView implements Page {
    private final Context context;
    private final BorderPane root = new BorderPane();
    private final Button channel = Pages.button("Channel", Feather.USER, "flat");
    private final Button copy = Pages.button("Copy link", Feather.LINK, "flat");
    private WatchPage page;
    private VideoSummary video;
    private MagnetLink magnet;
    private String title = "";
    private long generation;
    /** Closed when the viewer went elsewhere; opened again (with "Resume at") on coming back. */
    private boolean stopped;

    WatchView(Context context, Runnable back) {
        this.context = context;
        Button backButton = Pages.button("Back", Feather.ARROW_LEFT, "flat");
        backButton.setId("watch-back");
        backButton.setOnAction(e -> back.run());
        channel.setId("watch-channel");
        channel.setOnAction(e -> {
            if (video != null) context.go().channel(video.channelKey());
        });
        copy.setId("watch-copy-link");
        copy.setOnAction(e -> {
            if (magnet != null) context.copy(magnet.toUri(), "The link of \u201c" + title + "\u201d");
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, backButton, spacer, channel, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("watch-bar");
        root.setTop(bar);
        root.getStyleClass().add("watch-view");
        root.setId("watch-view");
    }

    private WatchPage page() {
        if (page == null) {
            page = new WatchPage(context.node(), !Boolean.getBoolean("swarmtube.mute"));
            root.setCenter(page);
        }
        return page;
    }

    /** Plays a video of a channel, with its description from the catalog. */
    void open(VideoSummary v) {
        stopped = false;
        long mine = ++generation;
        video = v;
        magnet = context.magnet(v);
        title = v.title();
        channel.setText(v.channelName().isBlank() ? "Channel" : v.channelName());
        channel.setVisible(true);
        MagnetLink link = magnet;
        context.bridge().run(() -> context.node().channelStore().video(v.channelKey(), v.videoId())
                .map(CatalogEntry::description).orElse(""), description -> {
                    if (mine == generation) page().open(link.toUri(), v.title(), description, v.channelName());
                }, e -> {
                    if (mine == generation) page().open(link.toUri(), v.title(), "", v.channelName());
                });
        context.bridge().run(() -> {
            context.node().channelStore().markSeen(java.util.List.of(v.videoId()));
            return null;
        }, done -> { }, e -> { });
    }

    /** Plays a single video's link. */
    void open(MagnetLink link, String videoTitle) {
        stopped = false;
        ++generation;
        video = null;
        magnet = link;
        title = videoTitle;
        channel.setVisible(false);
        page().open(link.toUri(), videoTitle, "", "");
    }

    /** The player page, once made (for tests and the screenshots). */
    WatchPage watchPage() {
        return page;
    }

    @Override
    public javafx.scene.Node view() {
        return root;
    }

    @Override
    public void activate() {
        if (!stopped) return;
        if (video != null) open(video);
        else if (magnet != null) open(magnet, title);
    }

    @Override
    public void deactivate() {
        generation++;
        stopped = true;
        if (page != null) page.close();
    }

    @Override
    public void focus() {
        if (page != null) page.player().requestFocus();
    }

    CompletableFuture<Void> dispose() {
        return page == null ? CompletableFuture.completedFuture(null) : page.dispose();
    }
}
