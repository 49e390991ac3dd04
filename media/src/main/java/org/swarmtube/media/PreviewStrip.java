package org.swarmtube.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Seek-preview pictures written by {@link Thumbnailer#writePreviewStrip}: <b>one</b> JPEG (a sprite)
 * holding {@code frames} tiles of {@code tileWidth} x {@code tileHeight} pixels side by side, left to
 * right, in a single row. The video is cut into {@code frames} equal parts of length {@code interval};
 * tile {@code i} shows the middle of part {@code i}, at {@code (i + 0.5) * interval}. A tile whose
 * picture could not be decoded is black.
 *
 * @param file       the JPEG file, {@code frames * tileWidth} pixels wide and {@code tileHeight} high
 * @param frames     number of tiles
 * @param tileWidth  width of one tile in pixels
 * @param tileHeight height of one tile in pixels (the video's shape kept)
 * @param interval   the length of video each tile stands for
 */
public record PreviewStrip(Path file, int frames, int tileWidth, int tileHeight, Duration interval) {

    /**
     * @param time a moment of the video; moments outside it are clamped to the first or last tile
     * @return the index of the tile to show for that moment
     */
    public int tileAt(Duration time) {
        long index = time.toNanos() / Math.max(1, interval.toNanos());
        return (int) Math.max(0, Math.min(frames - 1, index));
    }

    /**
     * @param tile a tile index, 0 to {@code frames - 1}
     * @return the moment of the video that tile shows
     */
    public Duration timeOf(int tile) {
        if (tile < 0 || tile >= frames) {
            throw new IndexOutOfBoundsException("tile " + tile + " of " + frames);
        }
        return interval.multipliedBy(tile).plus(interval.dividedBy(2));
    }
}
