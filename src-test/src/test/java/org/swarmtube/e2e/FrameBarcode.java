package org.swarmtube.e2e;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/**
 * Reads the frame number that {@link TestClips#frameCounterMp4} burns into each picture: a black strip
 * near the top left with {@value #BITS} boxes; box k is white when bit k of the frame number is set.
 * Every box must be clean, near black or near white all over its inside: a grey or corrupt picture (what
 * libvlc shows when it starves mid-stream) fails that.
 */
final class FrameBarcode {
    static final int FPS = 25;
    static final int BITS = 12;
    static final int X = 16;
    static final int Y = 32;
    static final int PITCH = 26;
    static final int BOX = 20;
    /** Luma at most this is black, at least 255 minus this is white. */
    static final int TOLERANCE = 60;
    /** Pixels left out at each box's edges (compression blurs them). */
    private static final int INSET = 4;

    private FrameBarcode() {
    }

    /**
     * One picture's reading.
     *
     * @param frame the frame number, or -1 if some box was not clean
     * @param worst the luma of the least clean pixel: its distance from black or white, 0 is perfect
     */
    record Reading(int frame, int worst) {
        boolean clean() {
            return frame >= 0;
        }
    }

    /** Reads a 640x360 picture; FX thread (or any thread for an image no longer changing). */
    static Reading read(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return read(argb, width);
    }

    static Reading read(int[] argb, int width) {
        int number = 0;
        int worst = 0;
        boolean clean = true;
        for (int bit = 0; bit < BITS; bit++) {
            int left = X + bit * PITCH;
            int white = 0;
            int black = 0;
            for (int y = Y + INSET; y < Y + BOX - INSET; y++) {
                for (int x = left + INSET; x < left + BOX - INSET; x++) {
                    int luma = luma(argb[y * width + x]);
                    worst = Math.max(worst, Math.min(luma, 255 - luma));
                    if (luma <= TOLERANCE) black++;
                    else if (luma >= 255 - TOLERANCE) white++;
                }
            }
            int inside = (BOX - 2 * INSET) * (BOX - 2 * INSET);
            if (white == inside) number |= 1 << bit;
            else if (black != inside) clean = false;
        }
        return new Reading(clean ? number : -1, worst);
    }

    private static int luma(int pixel) {
        return (((pixel >> 16) & 0xFF) * 299 + ((pixel >> 8) & 0xFF) * 587 + (pixel & 0xFF) * 114) / 1000;
    }
}
