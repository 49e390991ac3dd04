package org.swarmtube.app.desktop;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.app.NodeApi;
import org.swarmtube.catalog.ChannelInfo;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.ChannelLink;

/**
 * A channel: its profile (avatar, name, description), its link to share, Subscribe, and its videos. The
 * viewer's own channel ("My channel") is the same page with publishing instead of subscribing, and a
 * "copy link" on every video.
 */
final class ChannelPage implements Page {
    private static final double AVATAR = 84;

    private final Context context;
    private final String key;
    private final boolean own;
    /** The link the viewer gave (with its peer hints), if the page was opened by link. */
    private Optional<ChannelLink> given;
    private final BorderPane root = new BorderPane();
    private final Label name = new Label();
    private final Label description = new Label();
    private final Label counts = new Label();
    private final TextField link = new TextField();
    private final Button copyLink = Pages.button("Copy", Feather.COPY, "flat");
    private final Button subscribe = new Button();
    private final Label initial = new Label();
    private final ImageView avatar = new ImageView();
    private final HBox status = new HBox(8);
    private final Label statusText = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final MenuButton more = new MenuButton();
    private final MenuItem block = new MenuItem();
    private final VideoGrid grid;
    private Optional<ChannelInfo> info = Optional.empty();
    private String shareLink = "";
    private boolean lookedUp;
    private boolean busy;
    private long generation;

    private record Data(Optional<ChannelInfo> info, String link, String name, String description, List<VideoSummary> videos) {
    }

    ChannelPage(Context context, String key, Optional<ChannelLink> given) {
        this.context = context;
        this.key = key;
        this.own = context.isOwn(key);
        this.given = given;
        given.ifPresent(context::rememberHints);
        grid = new VideoGrid(context, Pages.actions(context), own, false);
        root.getStyleClass().addAll("page", "channel-page");
        root.setId(own ? "my-channel-page" : "channel-page");

        initial.getStyleClass().add("channel-avatar-initial");
        initial.setMinSize(AVATAR, AVATAR);
        initial.setMaxSize(AVATAR, AVATAR);
        initial.setAlignment(Pos.CENTER);
        initial.setStyle("-fx-background-color: " + Context.channelColour(key) + ";");
        avatar.setFitWidth(AVATAR);
        avatar.setFitHeight(AVATAR);
        avatar.setPreserveRatio(false);
        avatar.setClip(new Circle(AVATAR / 2, AVATAR / 2, AVATAR / 2));
        StackPane picture = new StackPane(initial, avatar);

        name.getStyleClass().add("channel-name");
        name.setId("channel-name");
        counts.getStyleClass().add("channel-counts");
        description.getStyleClass().add("channel-description");
        description.setWrapText(true);
        description.setMaxHeight(60);
        link.setEditable(false);
        link.setId("channel-link");
        link.getStyleClass().add("channel-link");
        link.setPrefColumnCount(40);
        HBox.setHgrow(link, Priority.ALWAYS);
        copyLink.setId("copy-channel-link");
        copyLink.setOnAction(e -> context.copy(shareLink, own ? "Your channel's link" : "The channel's link"));
        HBox linkRow = new HBox(6, Icons.of(Feather.LINK, 14), link, copyLink);
        linkRow.setAlignment(Pos.CENTER_LEFT);
        linkRow.setMaxWidth(640);
        VBox text = new VBox(4, name, counts, description, linkRow);
        HBox.setHgrow(text, Priority.ALWAYS);

        subscribe.setId("subscribe");
        subscribe.setMinWidth(Region.USE_PREF_SIZE);
        more.setGraphic(Icons.of(Feather.MORE_HORIZONTAL, 16));
        more.getStyleClass().addAll("flat", "no-arrow");
        MenuItem refresh = new MenuItem("Look for new videos now");
        refresh.setOnAction(e -> lookUp(true));
        block.setOnAction(e -> toggleBlock());
        more.getItems().addAll(refresh, block);
        HBox actions = new HBox(8);
        actions.setAlignment(Pos.TOP_RIGHT);
        if (own) {
            Button publish = Pages.button("Publish videos…", Feather.UPLOAD, "accent");
            publish.setId("publish-here");
            publish.setOnAction(e -> context.go().pickFiles());
            Button edit = Pages.button("Edit channel…", Feather.EDIT_2);
            edit.setId("edit-channel");
            edit.setOnAction(e -> editChannel());
            actions.getChildren().addAll(edit, publish);
        } else {
            subscribe.setOnAction(e -> toggleSubscription());
            actions.getChildren().addAll(subscribe, more);
        }
        HBox profile = new HBox(20, picture, text, actions);
        profile.setAlignment(Pos.TOP_LEFT);
        profile.getStyleClass().add("channel-header");

        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        statusText.getStyleClass().add("status-text");
        statusText.setWrapText(true);
        statusText.setId("channel-status");
        status.getChildren().addAll(spinner, statusText);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("channel-status");
        status.managedProperty().bind(status.visibleProperty());
        status.setVisible(false);

        VBox top = new VBox(10, profile, status);
        top.getStyleClass().add("page-top");
        root.setTop(top);
        root.setCenter(grid);
        if (own) {
            Button publish = Pages.button("Publish a video…", Feather.UPLOAD, "accent");
            publish.setOnAction(e -> context.go().pickFiles());
            grid.setPlaceholder(Pages.empty(Feather.UPLOAD_CLOUD, "Your channel has no videos yet",
                    "Drop video files anywhere on this window to publish them. They are hashed on this computer and "
                            + "seeded from here; share the channel's link above so others can follow you.", publish));
        } else {
            grid.setPlaceholder(Pages.empty(Feather.FILM, "No videos known yet",
                    "This computer has not received the channel's catalog yet. It is looked up on the network when you "
                            + "open the channel and from time to time after that."));
        }
        showSubscribed(false);
    }

    /** Opened again by link: keep its peer hints and look it up. */
    void openedBy(ChannelLink link) {
        given = Optional.of(link);
        context.rememberHints(link);
        lookUp(false);
    }

    @Override
    public javafx.scene.Node view() {
        return root;
    }

    @Override
    public String section() {
        return own ? "my-channel" : "";
    }

    @Override
    public void activate() {
        reload();
        if (!lookedUp && !own && given.isPresent()) lookUp(false);
    }

    @Override
    public void reload() {
        long mine = ++generation;
        context.bridge().run(() -> {
            var store = context.node().channelStore();
            Optional<ChannelInfo> channel = store.channel(key);
            List<VideoSummary> videos = Pages.all((offset, limit) -> store.channelVideos(key, offset, limit));
            if (own) {
                NodeApi.ChannelView view = context.node().channel();
                var profile = context.node().profile();
                return new Data(channel, view.link(), profile.name(), profile.description(), videos);
            }
            String shared = given.map(ChannelLink::toUri)
                    .or(() -> channel.flatMap(ChannelInfo::link).map(ChannelLink::toUri)).orElse("");
            return new Data(channel, shared, channel.flatMap(ChannelInfo::name).orElse(""),
                    channel.map(ChannelInfo::description).orElse(""), videos);
        }, data -> {
            if (mine == generation) show(data);
        }, e -> context.messages().error("The channel could not be read: " + Sentences.clause(e)));
    }

    private void show(Data data) {
        info = data.info();
        shareLink = data.link();
        name.setText(data.name().isBlank() ? "Channel " + key.substring(0, 12) + "…" : data.name());
        initial.setText(name.getText().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
        description.setText(data.description());
        description.setVisible(!data.description().isBlank());
        description.setManaged(description.isVisible());
        int n = data.videos().size();
        counts.setText((own ? "Your channel · " : "") + Formats.plural(n, "video")
                + (info.map(ChannelInfo::blocked).orElse(false) ? " · blocked" : ""));
        link.setText(shareLink);
        copyLink.setDisable(shareLink.isEmpty());
        grid.setVideos(data.videos());
        if (!busy) showSubscribed(info.map(ChannelInfo::subscribed).orElse(false));
        block.setText(info.map(ChannelInfo::blocked).orElse(false) ? "Unblock this channel" : "Block this channel");
        context.thumbnails().avatar(key, image -> {
            avatar.setImage(image);
            avatar.setVisible(image != null);
        });
    }

    private void editChannel() {
        ChannelEditDialog dialog = new ChannelEditDialog(root.getScene() == null ? null : root.getScene().getWindow(),
                name.getText(), description.getText());
        dialog.showAndWait().ifPresent(details -> {
            setStatus(true, "Signing and publishing the new version of your channel…");
            context.bridge().run(() -> context.node().editChannel(details.name(), details.description(), null), view -> {
                setStatus(false, "");
                context.messages().info("Your channel is now \u201c" + view.name() + "\u201d; subscribers see it at their next look-up.");
                reload();
                context.go().catalogChanged();
            }, e -> {
                setStatus(false, "");
                context.messages().error("The channel was not changed: " + Sentences.clause(e));
            });
        });
    }

    private void showSubscribed(boolean subscribed) {
        subscribe.getStyleClass().removeAll("accent", "subscribed");
        if (subscribed) {
            subscribe.setText("Subscribed");
            subscribe.setGraphic(Icons.of(Feather.CHECK, 16));
            subscribe.getStyleClass().add("subscribed");
        } else {
            subscribe.setText("Subscribe");
            subscribe.setGraphic(Icons.of(Feather.BELL, 16));
            subscribe.getStyleClass().add("accent");
        }
    }

    private Optional<String> subscribableLink() {
        return given.map(ChannelLink::toUri).or(() -> info.flatMap(ChannelInfo::link).map(ChannelLink::toUri));
    }

    private void toggleSubscription() {
        boolean subscribed = info.map(ChannelInfo::subscribed).orElse(false);
        Optional<String> address = subscribableLink();
        if (address.isEmpty()) {
            context.messages().error("This channel cannot be followed yet: its full link is not known here. Paste its link.");
            return;
        }
        busy = true;
        subscribe.setDisable(true);
        if (subscribed) {
            context.bridge().run(() -> context.node().unsubscribe(address.get()), change -> {
                busy = false;
                subscribe.setDisable(false);
                context.messages().info("You no longer follow " + displayName(change.name()) + ".");
                context.go().catalogChanged();
            }, this::failed);
            return;
        }
        showSubscribed(true);
        setStatus(true, "Subscribing: fetching the channel's catalog…");
        context.quiet(key, true);
        context.bridge().run(() -> context.node().subscribe(address.get()), change -> {
            busy = false;
            subscribe.setDisable(false);
            context.quiet(key, false);
            if (change.found()) {
                setStatus(false, "");
                context.messages().info("Subscribed to " + displayName(change.name()) + ": its new videos appear in Subscriptions.");
            } else {
                setStatus(false, "");
                statusError("Subscribed, but the channel's catalog did not arrive yet (" + change.message()
                        + "). It is looked up again at the next poll.");
            }
            context.go().catalogChanged();
        }, e -> {
            context.quiet(key, false);
            failed(e);
        });
    }

    private String displayName(String n) {
        return n == null || n.isBlank() ? "the channel" : "\u201c" + n + "\u201d";
    }

    private void failed(Throwable e) {
        busy = false;
        subscribe.setDisable(false);
        setStatus(false, "");
        context.messages().error(Sentences.of(e));
        reload();
    }

    private void toggleBlock() {
        Optional<String> address = info.flatMap(ChannelInfo::link).map(ChannelLink::toUri).or(this::subscribableLink);
        if (address.isEmpty()) return;
        boolean blocked = info.map(ChannelInfo::blocked).orElse(false);
        context.bridge().run(() -> blocked ? context.node().unblock(address.get()) : context.node().block(address.get()),
                change -> {
                    context.messages().info(Sentences.capitalised(change.message()));
                    context.go().catalogChanged();
                }, e -> context.messages().error(Sentences.of(e)));
    }

    /** Looks the channel up on the DHT (in the background) and shows what happened. */
    private void lookUp(boolean refresh) {
        Optional<String> address = subscribableLink();
        if (own || address.isEmpty()) return;
        lookedUp = true;
        setStatus(true, "Looking for this channel on the network…");
        context.bridge().run(() -> refresh ? context.node().refresh(address.get()) : context.node().openChannel(address.get()),
                future -> future.whenComplete((change, error) -> context.bridge().fx(() -> {
                    if (error != null) {
                        setStatus(false, "");
                        statusError("The channel could not be looked up: " + Sentences.clause(error));
                    } else if (!change.found()) {
                        setStatus(false, "");
                        statusError("The channel was not found on the network right now (" + change.message()
                                + "). Swarmtube keeps looking for it.");
                    } else {
                        setStatus(false, "");
                    }
                    reload();
                })), e -> {
                    setStatus(false, "");
                    statusError(Sentences.of(e));
                });
    }

    private void setStatus(boolean working, String text) {
        status.getStyleClass().remove("error");
        spinner.setVisible(working);
        spinner.setManaged(working);
        statusText.setText(text);
        status.setVisible(!text.isEmpty());
    }

    private void statusError(String text) {
        setStatus(false, text);
        status.getStyleClass().add("error");
        spinner.setVisible(false);
        spinner.setManaged(false);
    }

    @Override
    public void focus() {
        grid.list().requestFocus();
    }
}
