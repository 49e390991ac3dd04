package org.swarmtube.app.desktop;

/** One screen of the window. FX thread. */
interface Page {
    /** The screen's root. */
    javafx.scene.Node view();

    /** Which navigation entry it belongs to: home, subscriptions, my-channel, library, settings, or none. */
    default String section() {
        return "";
    }

    /** Shown: load what it shows. */
    default void activate() {
    }

    /** Hidden. */
    default void deactivate() {
    }

    /** The catalog changed while it is shown. */
    default void reload() {
    }

    /** Where the keyboard goes when it is shown. */
    default void focus() {
    }
}
