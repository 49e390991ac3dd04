package org.swarmtube.app.desktop;

import org.swarmtube.app.Node;
import org.swarmtube.app.desktop.library.LibraryView;
import org.swarmtube.app.desktop.settings.SettingsView;

/** The Library and Settings screens, made by their own packages, as pages of the window. */
final class Sections {
    private Sections() {
    }

    static Page library(Node node, FxBridge bridge) {
        LibraryView view = new LibraryView(node, bridge);
        view.getStyleClass().add("page");
        return new Page() {
            @Override
            public javafx.scene.Node view() {
                return view;
            }

            @Override
            public String section() {
                return "library";
            }

            @Override
            public void activate() {
                view.activate();
            }

            @Override
            public void deactivate() {
                view.deactivate();
            }
        };
    }

    static Page settings(Node node, FxBridge bridge) {
        SettingsView view = new SettingsView(node, bridge);
        view.getStyleClass().add("page");
        return new Page() {
            @Override
            public javafx.scene.Node view() {
                return view;
            }

            @Override
            public String section() {
                return "settings";
            }

            @Override
            public void activate() {
                view.activate();
            }

            @Override
            public void deactivate() {
                view.deactivate();
            }
        };
    }
}
