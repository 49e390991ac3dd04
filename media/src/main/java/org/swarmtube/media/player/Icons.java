package org.swarmtube.media.player;

import javafx.scene.shape.SVGPath;

/** The control bar's symbols as 24x24 vector shapes, so they need no icon font. */
final class Icons {
    static final String PLAY = "M8 5v14l11-7z";
    static final String PAUSE = "M6 5h4v14H6zM14 5h4v14h-4z";
    static final String REPLAY = "M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z";
    static final String VOLUME = "M3 9v6h4l5 5V4L7 9H3zM16.5 12A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z"
            + "M14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z";
    static final String MUTED = "M3 9v6h4l5 5V4L7 9H3z"
            + "M15.3 9.1l1.4-1.4 2.3 2.3 2.3-2.3 1.4 1.4-2.3 2.3 2.3 2.3-1.4 1.4-2.3-2.3-2.3 2.3-1.4-1.4 2.3-2.3z";
    static final String FULL_SCREEN = "M5 10h2V7h3V5H5zM14 5v2h3v3h2V5zM17 17h-3v2h5v-5h-2zM7 14H5v5h5v-2H7z";
    static final String EXIT_FULL_SCREEN = "M8 8H5v2h5V5H8zM16 5h-2v5h5V8h-3zM14 19h2v-3h3v-2h-5zM5 16h3v3h2v-5H5z";

    private Icons() {
    }

    static SVGPath icon(String path) {
        SVGPath icon = new SVGPath();
        icon.setContent(path);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
