package org.swarmtube.media;

import java.awt.image.BufferedImage;

/** How bright a picture is, to pass over black frames (fades, black intros) when choosing a thumbnail. */
final class Luminance {
    /**
     * Mean luma (0-255) below which a picture counts as black. libvlc maps video black (Y=16) to RGB 0,
     * so a black frame measures ~0; a dim but real scene measures 30 or more.
     */
    static final double NEAR_BLACK = 20;

    private Luminance() {
    }

    /** Mean Rec. 601 luma of {@code image}, 0 (black) to 255 (white). */
    static double mean(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        double sum = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int rgb : row) {
                sum += 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
            }
        }
        return sum / ((double) width * height);
    }

    static boolean isNearBlack(BufferedImage image) {
        return mean(image) < NEAR_BLACK;
    }
}
