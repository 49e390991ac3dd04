package org.swarmtube.media.player;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.swarmtube.media.BufferView;

/**
 * A thin bar that shows a {@link BufferView}: bytes on this machine, bytes arriving now, and for the
 * rest how many peers have them (darker grey is rarer; red means no known peer has them). Bytes map to
 * the width linearly. Drawn on a {@link Canvas} only when the view or the size changes.
 */
public final class BufferBar extends Region {
    /** The track behind everything (no availability known). */
    static final Color TRACK = Color.web("#3a3a3a");
    /** Bytes on this machine. */
    static final Color LOCAL = Color.web("#d9d9d9");
    /** Bytes being downloaded now. */
    static final Color ARRIVING = Color.web("#3ea6ff");
    /** Bytes no known peer has. */
    static final Color UNAVAILABLE = Color.web("#c62828");
    /** Bytes one peer has; more copies are drawn lighter, up to {@link #PLENTIFUL} at {@link #PLENTY} copies. */
    static final Color SCARCE = Color.web("#4a4a4a");
    static final Color PLENTIFUL = Color.web("#7a7a7a");
    static final double PLENTY = 5;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<BufferView> view = new SimpleObjectProperty<>(this, "view", BufferView.UNKNOWN);
    private long redraws;

    public BufferBar() {
        getStyleClass().add("buffer-bar");
        getChildren().add(canvas);
        Tooltip.install(this, new Tooltip("Light: on this computer\nBlue: downloading now\n"
                + "Grey: with peers (lighter: more peers)\nRed: no peer has it"));
        view.addListener((o, old, now) -> redraw());
        setMinHeight(4);
        setPrefHeight(6);
    }

    /** @return what the bar shows; never null (set {@link BufferView#UNKNOWN} for nothing). FX thread. */
    public ObjectProperty<BufferView> viewProperty() {
        return view;
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    /** @return how often the bar was drawn (for tests) */
    long redraws() {
        return redraws;
    }

    private void redraw() {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        g.setFill(TRACK);
        g.fillRect(0, 0, width, height);
        BufferView current = view.get();
        redraws++;
        if (current == null || current.length() == 0 || width <= 0) {
            return;
        }
        drawAvailability(g, current.availability(), width, height);
        drawRanges(g, current.arriving(), current.length(), ARRIVING, width, height);
        drawRanges(g, current.local(), current.length(), LOCAL, width, height);
    }

    /** One rectangle per slice, or per pixel column (the rarest slice in it) when slices outnumber columns. */
    private static void drawAvailability(GraphicsContext g, double[] copies, double width, double height) {
        int slices = copies.length;
        if (slices == 0) {
            return;
        }
        int columns = (int) Math.ceil(width);
        if (slices <= columns) {
            for (int i = 0; i < slices; i++) {
                double x0 = Math.floor(i * width / slices);
                double x1 = Math.floor((i + 1) * width / slices);
                g.setFill(colourFor(copies[i]));
                g.fillRect(x0, 0, Math.max(1, x1 - x0), height);
            }
            return;
        }
        for (int x = 0; x < columns; x++) {
            int from = (int) ((long) x * slices / columns);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * slices / columns));
            double rarest = Double.MAX_VALUE;
            for (int i = from; i < to; i++) {
                rarest = Math.min(rarest, copies[i]);
            }
            g.setFill(colourFor(rarest));
            g.fillRect(x, 0, 1, height);
        }
    }

    static Color colourFor(double copies) {
        if (copies < 0.5) {
            return UNAVAILABLE;
        }
        double t = Math.min(1, (copies - 1) / (PLENTY - 1));
        return SCARCE.interpolate(PLENTIFUL, Math.max(0, t));
    }

    /** Each range at least one pixel wide, so a single arriving piece of a long video still shows. */
    private static void drawRanges(GraphicsContext g, List<BufferView.Range> ranges, long length, Color colour,
                                   double width, double height) {
        g.setFill(colour);
        for (BufferView.Range range : ranges) {
            if (range.length() == 0) {
                continue;
            }
            double x0 = Math.floor(range.start() * width / length);
            double x1 = Math.ceil(range.end() * width / length);
            g.fillRect(x0, 0, Math.max(1, x1 - x0), height);
        }
    }
}
