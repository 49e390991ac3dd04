package org.swarmtube.app.desktop;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icons from the Feather icon font (ikonli). */
final class Icons {
    private Icons() {
    }

    static FontIcon of(Feather icon) {
        FontIcon i = new FontIcon(icon);
        i.getStyleClass().add("icon");
        return i;
    }

    static FontIcon of(Feather icon, int size) {
        FontIcon i = of(icon);
        i.setIconSize(size);
        return i;
    }
}
