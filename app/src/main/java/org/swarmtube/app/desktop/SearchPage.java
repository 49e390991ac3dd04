package org.swarmtube.app.desktop;

import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.catalog.ChannelStore;

/** Search results, updated as the viewer types (after a short pause, the newest query wins). */
final class SearchPage implements Page {
    private static final Duration TYPING_PAUSE = Duration.millis(120);

    private final Context context;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label("Search");
    private final Label subtitle = new Label();
    private final VideoGrid grid;
    private final PauseTransition pause = new PauseTransition(TYPING_PAUSE);
    private String query = "";
    private long generation;

    SearchPage(Context context) {
        this.context = context;
        grid = new VideoGrid(context, Pages.actions(context), false, false);
        root.getStyleClass().add("page");
        root.setId("search-page");
        root.setTop(Pages.header(title, subtitle));
        root.setCenter(grid);
        pause.setOnFinished(e -> run());
    }

    /** Searches for {@code text} once typing pauses. */
    void search(String text) {
        query = text.strip();
        title.setText("Results for \u201c" + Formats.shorten(query, 60) + "\u201d");
        pause.playFromStart();
    }

    private void run() {
        long mine = ++generation;
        String q = query;
        context.bridge().run(() -> context.node().channelStore().search(q, 0, ChannelStore.MAX_PAGE), videos -> {
            if (mine != generation) return;
            grid.setVideos(videos);
            subtitle.setText(videos.isEmpty() ? "" : (videos.size() >= ChannelStore.MAX_PAGE ? "The first " : "")
                    + Formats.plural(videos.size(), "video") + " in titles, tags, channel names and descriptions");
            grid.setPlaceholder(Pages.empty(Feather.SEARCH, "Nothing matches \u201c" + Formats.shorten(q, 60) + "\u201d",
                    "Search looks through the titles, tags, descriptions and channel names of every channel this computer "
                            + "knows. Follow more channels to find more."));
        }, e -> context.messages().error("The search failed: " + Sentences.clause(e)));
    }

    @Override
    public javafx.scene.Node view() {
        return root;
    }

    @Override
    public void reload() {
        if (!query.isEmpty()) run();
    }

    VideoGrid grid() {
        return grid;
    }
}
