package org.swarmtube.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import org.swarmtube.app.Settings;

/**
 * The look: AtlantaFX's Primer (dark by default, light when Settings say so) with Swarmtube's own
 * stylesheet on top; the watch page stays dark either way. FX thread.
 */
final class Theme {
    private static Settings.Theme current;

    private Theme() {
    }

    /** Sets the dark theme for the whole application, unless a theme was set already. */
    static void apply() {
        if (current == null) apply(Settings.Theme.DARK);
    }

    /** Sets the theme for the whole application. */
    static void apply(Settings.Theme theme) {
        if (theme == current) return;
        current = theme;
        Application.setUserAgentStylesheet(theme == Settings.Theme.LIGHT ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }

    static boolean light() {
        return current == Settings.Theme.LIGHT;
    }

    /** Marks a window's root (or a dialog's pane) with the theme's style class. */
    static void mark(Parent root) {
        if (light()) {
            if (!root.getStyleClass().contains("light")) root.getStyleClass().add("light");
        } else {
            root.getStyleClass().remove("light");
        }
    }

    /** Swarmtube's stylesheet. */
    static String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource("swarmtube.css"), "swarmtube.css").toExternalForm();
    }
}
