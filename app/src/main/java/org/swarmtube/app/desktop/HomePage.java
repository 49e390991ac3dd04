package org.swarmtube.app.desktop;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.catalog.VideoSummary;

/** Home: the videos of subscriptions and of every channel discovered, newest first. */
final class HomePage implements Page {
    private final Context context;
    private final BorderPane root = new BorderPane();
    private final Label subtitle = new Label("Videos from your subscriptions and the channels this computer has discovered");
    private final VideoGrid grid;
    private long generation;
    private Consumer<Integer> onFirstLoad;

    HomePage(Context context) {
        this.context = context;
        grid = new VideoGrid(context, Pages.actions(context), false, false);
        grid.setPlaceholder(Pages.empty(Feather.VIDEO, "Welcome to Swarmtube",
                "Drop a video file anywhere on this window to publish it on your channel, or paste a channel link "
                        + "(Ctrl+V) to watch and follow someone else's. Nothing else to set up: your channel and its "
                        + "link are ready.",
                button("Publish a video…", Feather.UPLOAD, () -> context.go().pickFiles(), "accent"),
                button("Add a channel…", Feather.USER_PLUS, () -> context.go().addChannel()),
                button("Copy my channel link", Feather.LINK, () -> context.bridge().run(() -> context.node().channel().link(),
                        link -> context.copy(link, "Your channel's link"), e -> context.messages().error(Sentences.of(e))))));
        root.getStyleClass().add("page");
        root.setTop(Pages.header(new Label("Home"), subtitle));
        root.setCenter(grid);
        root.setId("home-page");
    }

    private static javafx.scene.control.Button button(String text, Feather icon, Runnable action, String... styles) {
        javafx.scene.control.Button b = Pages.button(text, icon, styles);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Called once with the number of videos when the first load is shown (the start-up benchmark). */
    void onFirstLoad(Consumer<Integer> callback) {
        this.onFirstLoad = callback;
    }

    @Override
    public javafx.scene.Node view() {
        return root;
    }

    @Override
    public String section() {
        return "home";
    }

    @Override
    public void activate() {
        reload();
    }

    @Override
    public void reload() {
        long mine = ++generation;
        String own = context.ownKey();
        context.bridge().run(() -> Pages.all(context.node().channelStore()::browse).stream()
                .filter(v -> !v.channelKey().equals(own)).toList(), videos -> {
                    if (mine != generation) return;
                    show(videos);
                }, e -> context.messages().error("The videos could not be read: " + Sentences.clause(e)));
    }

    private void show(List<VideoSummary> videos) {
        grid.setVideos(videos);
        subtitle.setText(videos.isEmpty() ? "Videos from your subscriptions and the channels this computer has discovered"
                : Formats.plural(videos.size(), "video") + " from your subscriptions and the channels this computer has discovered");
        if (onFirstLoad != null) {
            Consumer<Integer> callback = onFirstLoad;
            onFirstLoad = null;
            callback.accept(videos.size());
        }
    }

    @Override
    public void focus() {
        grid.list().requestFocus();
    }
}
