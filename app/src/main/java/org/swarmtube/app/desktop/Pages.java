package org.swarmtube.app.desktop;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.swarmtube.catalog.ChannelStore;
import org.swarmtube.catalog.VideoSummary;

/** What the screens share: headers, empty states, paged loading. */
final class Pages {
    /** The most videos one grid loads. */
    static final int MAX_VIDEOS = 100_000;

    private Pages() {
    }

    interface PageQuery {
        List<VideoSummary> page(int offset, int limit);
    }

    /** Every row of a paged query, page by page. Off the FX thread. */
    static List<VideoSummary> all(PageQuery query) {
        List<VideoSummary> out = new ArrayList<>();
        while (out.size() < MAX_VIDEOS) {
            List<VideoSummary> page = query.page(out.size(), ChannelStore.MAX_PAGE);
            out.addAll(page);
            if (page.size() < ChannelStore.MAX_PAGE) break;
        }
        return out;
    }

    /** A screen's title line, a subtitle under it and buttons on the right. */
    static HBox header(Label title, Label subtitle, javafx.scene.Node... right) {
        title.getStyleClass().add("page-title");
        subtitle.getStyleClass().add("page-subtitle");
        VBox text = new VBox(2, title, subtitle);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(12);
        box.getChildren().addAll(text, spacer);
        box.getChildren().addAll(right);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("page-header");
        return box;
    }

    /** An empty state: an icon, a line in bold, what to do, and buttons. */
    static VBox empty(Feather icon, String headline, String text, Button... buttons) {
        Label glyph = new Label();
        glyph.setGraphic(Icons.of(icon, 48));
        glyph.getStyleClass().add("empty-icon");
        Label head = new Label(headline);
        head.getStyleClass().add("empty-headline");
        head.setWrapText(true);
        Label body = new Label(text);
        body.getStyleClass().add("empty-text");
        body.setWrapText(true);
        body.setMaxWidth(520);
        body.setAlignment(Pos.CENTER);
        body.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        HBox actions = new HBox(10, buttons);
        actions.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, glyph, head, body, actions);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return box;
    }

    static Button button(String text, Feather icon, String... styles) {
        Button b = new Button(text, Icons.of(icon, 16));
        b.getStyleClass().addAll(styles);
        return b;
    }

    /** A grid's usual actions: play, copy the link, open the channel. */
    static VideoGrid.Actions actions(Context context) {
        return new VideoGrid.Actions() {
            @Override
            public void open(VideoSummary video, int index) {
                context.go().watch(video);
            }

            @Override
            public void copyLink(VideoSummary video) {
                context.copy(context.magnet(video).toUri(), "The link of \u201c" + video.title() + "\u201d");
            }

            @Override
            public void openChannel(VideoSummary video) {
                context.go().channel(video.channelKey());
            }
        };
    }
}
