package org.swarmtube.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Window;
import org.swarmtube.app.desktop.MainWindow;

/** Reads the desktop window through its scene graph (style classes and ids), as a person would see it. FX thread. */
final class WindowProbe {
    private WindowProbe() {
    }

    /** A video card on screen: its title and whether its thumbnail is shown. */
    record Card(Node node, String title, String channel, String meta, boolean thumbnail, int width, int height) {
    }

    /** The cards of the screen shown (inside {@code screenId}, e.g. "#my-channel-page"), in order. */
    static List<Card> cards(Parent root, String screenId) {
        Node screen = root.lookup(screenId);
        List<Card> out = new ArrayList<>();
        if (screen == null || !screen.isVisible() || screen.getScene() == null) return out;
        for (Node n : screen.lookupAll(".video-card")) {
            if (!n.isVisible() || n.getParent() == null || !n.getParent().isVisible()) continue;
            if (!(n.getParent().getParent() instanceof javafx.scene.control.ListCell<?> cell) || cell.isEmpty()) continue;
            String title = text(n, ".card-title");
            ImageView picture = null;
            Node thumb = n.lookup(".thumb");
            if (thumb instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) if (child instanceof ImageView iv) picture = iv;
            }
            boolean shown = picture != null && picture.getImage() != null;
            out.add(new Card(n, title, text(n, ".card-channel"), text(n, ".card-meta"), shown,
                    shown ? (int) picture.getImage().getWidth() : 0, shown ? (int) picture.getImage().getHeight() : 0));
        }
        out.sort(java.util.Comparator.comparingDouble((Card c) -> c.node().localToScene(0, 0).getY())
                .thenComparingDouble(c -> c.node().localToScene(0, 0).getX()));
        return out;
    }

    static Optional<Card> card(Parent root, String screenId, String title) {
        return cards(root, screenId).stream().filter(c -> c.title().equals(title)).findFirst();
    }

    static String text(Node root, String selector) {
        Node n = root.lookup(selector);
        return n instanceof Label l ? l.getText() : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : "";
    }

    /** The texts of the messages shown (errors have the style class "error"). */
    static List<String> messages(Parent root, boolean errors) {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll(".message")) {
            if (errors != n.getStyleClass().contains("error")) continue;
            out.add(text(n, ".message-text"));
        }
        return out;
    }

    /** The desktop window of this process, if one is open. */
    static Optional<MainWindow> mainWindow() {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().getRoot() instanceof MainWindow m && w.isShowing()) return Optional.of(m);
        }
        return Optional.empty();
    }

    /** A dialog window showing a node with this id. */
    static Optional<Node> inDialog(String id) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() == null || w.getScene().getRoot() instanceof MainWindow || !w.isShowing()) continue;
            Node n = w.getScene().getRoot().lookup(id);
            if (n != null) return Optional.of(n);
        }
        return Optional.empty();
    }
}
