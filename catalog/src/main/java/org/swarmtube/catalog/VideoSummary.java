package org.swarmtube.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the feed, of browsing, or of search results: a channel's video as its catalog
 * describes it, without the description, tags and thumbnail (see {@link ChannelStore#video}).
 *
 * @param videoId     the video's id
 * @param infohash    v1 infohash of the video torrent, 40 lower-case hex digits
 * @param title       the title
 * @param channelKey  the publishing channel's public key, 64 lower-case hex digits
 * @param channelName the channel's name as its latest merged catalog gives it
 * @param published   the publication time the creator claims
 * @param duration    play time, zero if unknown
 * @param width       frame width in pixels, 0 if unknown
 * @param height      frame height in pixels, 0 if unknown
 * @param sizeBytes   size of the video file
 * @param unseen      true until {@link ChannelStore#markSeen} or {@link ChannelStore#markAllSeen}
 */
public record VideoSummary(VideoId videoId, String infohash, String title, String channelKey, String channelName,
                           Instant published, Duration duration, int width, int height, long sizeBytes,
                           boolean unseen) {
    public VideoSummary {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(infohash, "infohash");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(channelKey, "channelKey");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(duration, "duration");
    }

    /** The video's magnet link, named after its title; peers are found through the DHT. */
    public MagnetLink magnet() {
        return new MagnetLink(infohash, title, List.of(), List.of(), List.of());
    }
}
