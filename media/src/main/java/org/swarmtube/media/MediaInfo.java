package org.swarmtube.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a video file holds, as read by {@link MediaProbe}.
 *
 * @param duration         playing time, always positive
 * @param width            width of the first video track in stored pixels
 * @param height           height of the first video track in stored pixels
 * @param pixelAspectRatio shape of one stored pixel, width over height (1.0 for square pixels);
 *                         the picture is shown {@code width * pixelAspectRatio} wide
 * @param videoCodec       codec of the first video track in lower case, e.g. {@code h264}, {@code hevc},
 *                         {@code vp9}, {@code vp8}, {@code av1}, {@code mpeg4} (libvlc's four-letter code,
 *                         lower-cased, when the codec is not a common one)
 * @param audioCodec       codec of the first audio track in the same style, e.g. {@code aac}, {@code opus},
 *                         {@code vorbis}, {@code mp3}; empty for a silent video
 * @param container        file format, e.g. {@code mp4}, {@code mov}, {@code webm}, {@code matroska},
 *                         {@code avi}, {@code ogg}, {@code mpegts}; {@code unknown} if the file's first
 *                         bytes match no format this class knows even though libvlc could read it
 */
public record MediaInfo(Duration duration, int width, int height, double pixelAspectRatio, String videoCodec,
                        Optional<String> audioCodec, String container) {

    /** @throws IllegalArgumentException if a size or the duration is not positive */
    public MediaInfo {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(videoCodec, "videoCodec");
        Objects.requireNonNull(audioCodec, "audioCodec");
        Objects.requireNonNull(container, "container");
        if (duration.isNegative() || duration.isZero() || width <= 0 || height <= 0 || !(pixelAspectRatio > 0)) {
            throw new IllegalArgumentException("duration, width, height and pixelAspectRatio must be positive");
        }
    }

    /** @return width of the picture as shown, in pixels: {@code width} corrected for non-square pixels */
    public int displayWidth() {
        return (int) Math.round(width * pixelAspectRatio);
    }
}
