package org.swarmtube.app.desktop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.swarm.TorrentStatus;

/**
 * A grid of video cards that stays smooth with tens of thousands of videos: a {@link ListView} (a
 * virtual flow) of rows, each row a few cards, so only the rows on screen exist as nodes. The number of
 * columns follows the width. Keyboard: arrows move between cards, Enter plays, Home/End, Page Up/Down.
 */
final class VideoGrid extends StackPane {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double MIN_CARD = 250;
    private static final double GAP = 18;
    private static final double ROW_GAP = 12;
    private static final double PADDING = 24;
    private static final double SCROLLBAR = 14;

    /** What the cards do. */
    interface Actions {
        void open(VideoSummary video, int index);

        void copyLink(VideoSummary video);

        void openChannel(VideoSummary video);
    }

    /** One row: the index of its first video and the videos. */
    record Row(int first, List<VideoSummary> items) {
    }

    private final Context context;
    private final ListView<Row> list = new ListView<>();
    private final java.util.Set<RowCell> cells = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final boolean copyLinks;
    private final boolean markUnseen;
    private final Actions actions;
    private List<VideoSummary> videos = List.of();
    private int columns = 0;
    private double cardWidth = MIN_CARD;
    private int selected = -1;
    private Instant now = Instant.now();
    @SuppressWarnings("FieldCanBeLocal") // held so that the weak listener lives as long as the grid
    private final ChangeListener<Map<String, TorrentStatus>> torrentsChanged = (o, old, map) -> refreshSeeding();

    VideoGrid(Context context, Actions actions, boolean copyLinks, boolean markUnseen) {
        this.context = context;
        this.actions = new Actions() {
            @Override
            public void open(VideoSummary video, int index) {
                select(index, false);
                actions.open(video, index);
            }

            @Override
            public void copyLink(VideoSummary video) {
                actions.copyLink(video);
            }

            @Override
            public void openChannel(VideoSummary video) {
                actions.openChannel(video);
            }
        };
        this.copyLinks = copyLinks;
        this.markUnseen = markUnseen;
        getStyleClass().add("video-grid");
        list.getStyleClass().add("video-grid-list");
        list.setCellFactory(l -> new RowCell());
        list.setFocusTraversable(true);
        list.widthProperty().addListener((o, old, w) -> layoutRows());
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        list.focusedProperty().addListener((o, old, f) -> renderVisible());
        context.torrents().addListener(new WeakChangeListener<>(torrentsChanged));
        getChildren().add(list);
    }

    /** Shown when there are no videos. */
    void setPlaceholder(javafx.scene.Node placeholder) {
        list.setPlaceholder(placeholder);
    }

    /** Shows these videos, keeping the scroll position where it can. */
    void setVideos(List<VideoSummary> videos) {
        this.videos = List.copyOf(videos);
        now = Instant.now();
        if (selected >= this.videos.size()) selected = this.videos.size() - 1;
        rebuildRows();
    }

    int columns() {
        return columns;
    }

    /** The list inside, for focus and tests. */
    ListView<Row> list() {
        return list;
    }

    /** Scrolls so that the video at {@code index} is on screen. */
    void reveal(int index) {
        if (columns <= 0 || index < 0 || index >= videos.size()) return;
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        int row = index / columns;
        if (flow != null) flow.scrollTo(row);
        else list.scrollTo(row);
    }

    private void layoutRows() {
        double width = list.getWidth() - 2 * PADDING - SCROLLBAR;
        if (width <= 0) return;
        int fit = Math.max(1, (int) Math.floor((width + GAP) / (MIN_CARD + GAP)));
        double card = Math.floor((width - (fit - 1) * GAP) / fit);
        if (fit != columns || Math.abs(card - cardWidth) >= 1) {
            columns = fit;
            cardWidth = card;
            list.setFixedCellSize(Math.round(card * 9 / 16) + VideoCard.TEXT_HEIGHT + ROW_GAP);
            rebuildRows();
        }
    }

    private void rebuildRows() {
        if (columns <= 0) return;
        List<Row> rows = new ArrayList<>((videos.size() + columns - 1) / columns);
        for (int i = 0; i < videos.size(); i += columns) rows.add(new Row(i, videos.subList(i, Math.min(videos.size(), i + columns))));
        list.getItems().setAll(rows);
        renderVisible();
    }

    /** Shows the rows on screen again (selection, width or time changed). */
    private void renderVisible() {
        for (RowCell cell : cells) {
            if (cell.getListView() == list && !cell.isEmpty() && cell.getItem() != null) cell.render(cell.getItem());
        }
    }

    /** Tells the context which videos are on screen (their swarm figures are then read every two seconds). */
    private void publishShown() {
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (RowCell cell : cells) {
            if (cell.getListView() == list && !cell.isEmpty() && cell.getItem() != null) {
                for (VideoSummary v : cell.getItem().items()) shown.add(v.infohash());
            }
        }
        context.showing(this, shown);
    }

    private void refreshSeeding() {
        Map<String, TorrentStatus> torrents = context.torrents().get();
        for (RowCell cell : cells) {
            if (cell.isEmpty()) continue;
            for (javafx.scene.Node n : cell.box.getChildren()) ((VideoCard) n).showSeeding(now, torrents);
        }
    }

    private void select(int index, boolean scroll) {
        if (videos.isEmpty()) return;
        selected = Math.max(0, Math.min(videos.size() - 1, index));
        if (scroll) reveal(selected);
        renderVisible();
    }

    int selected() {
        return selected;
    }

    private void key(KeyEvent e) {
        if (videos.isEmpty() || columns <= 0) return;
        int start = selected < 0 ? 0 : selected;
        int visibleRows = Math.max(1, (int) (list.getHeight() / Math.max(1, list.getFixedCellSize())));
        switch (e.getCode()) {
            case RIGHT -> select(selected < 0 ? 0 : start + 1, true);
            case LEFT -> select(start - 1, true);
            case DOWN -> select(selected < 0 ? 0 : Math.min(videos.size() - 1, start + columns), true);
            case UP -> select(start - columns < 0 ? start : start - columns, true);
            case PAGE_DOWN -> select(Math.min(videos.size() - 1, start + columns * visibleRows), true);
            case PAGE_UP -> select(Math.max(0, start - columns * visibleRows), true);
            case HOME -> select(0, true);
            case END -> select(videos.size() - 1, true);
            case ENTER, SPACE -> {
                if (selected >= 0) actions.open(videos.get(selected), selected);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private final class RowCell extends ListCell<Row> {
        private final HBox box = new HBox(GAP);

        RowCell() {
            getStyleClass().add("video-row");
            box.setPadding(new Insets(0, PADDING, ROW_GAP, PADDING));
            setGraphic(null);
            cells.add(this);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            render(row);
        }

        void render(Row row) {
            while (box.getChildren().size() < row.items().size()) box.getChildren().add(new VideoCard(context, actions));
            if (box.getChildren().size() > row.items().size()) {
                box.getChildren().remove(row.items().size(), box.getChildren().size());
            }
            boolean focused = list.isFocused();
            Map<String, TorrentStatus> torrents = context.torrents().get();
            for (int i = 0; i < row.items().size(); i++) {
                int index = row.first() + i;
                ((VideoCard) box.getChildren().get(i)).show(row.items().get(i), index, cardWidth,
                        focused && index == selected, copyLinks, markUnseen, now, torrents);
            }
            setGraphic(box);
            publishShown();
        }
    }
}
