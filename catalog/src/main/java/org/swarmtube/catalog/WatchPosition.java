package org.swarmtube.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the viewer left a video.
 *
 * @param videoId   the video
 * @param position  how far playback got
 * @param finished  whether the viewer watched to the end
 * @param watchedAt when the position was recorded
 */
public record WatchPosition(VideoId videoId, Duration position, boolean finished, Instant watchedAt) {
    public WatchPosition {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(watchedAt, "watchedAt");
    }

    /** Where to resume: the recorded position, or the start once the video was finished. */
    public Duration resumeAt() {
        return finished ? Duration.ZERO : position;
    }
}
