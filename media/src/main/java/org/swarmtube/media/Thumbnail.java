package org.swarmtube.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A thumbnail written by {@link Thumbnailer#writeThumbnail}.
 *
 * @param file     the JPEG file
 * @param width    picture width in pixels
 * @param height   picture height in pixels (the video's shape kept)
 * @param position the moment of the video the picture shows
 */
public record Thumbnail(Path file, int width, int height, Duration position) {
}
