package org.swarmtube.app.desktop;

import javafx.scene.layout.Region;
import org.swarmtube.app.Node;
import org.swarmtube.app.desktop.library.LibraryView;
import org.swarmtube.app.desktop.settings.SettingsView;

/** The Library and Settings screens, made by their own packages, as pages of the window. */
final class Sections {
    private Sections() {
    }

    static Page library(Node node, FxBridge bridge) {
        LibraryView view = new LibraryView(node, bridge);
        return page(view, "library", view::activate, view::deactivate);
    }

    static Page settings(Node node, FxBridge bridge) {
        SettingsView view = new SettingsView(node, bridge);
        return page(view, "settings", view::activate, view::deactivate);
    }

    private static Page page(Region view, String section, Runnable activate, Runnable deactivate) {
        view.getStyleClass().add("page");
        return new Page() {
            @Override
            public javafx.scene.Node view() {
                return view;
            }

            @Override
            public String section() {
                return section;
            }

            @Override
            public void activate() {
                activate.run();
            }

            @Override
            public void deactivate() {
                deactivate.run();
            }
        };
    }
}
