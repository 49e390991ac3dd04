package org.swarmtube.catalog.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.catalog.VideoId;

/**
 * One video as its channel's catalog describes it. Everything a subscriber needs to list, search
 * and fetch the video without touching the video torrent.
 *
 * <p>Times are kept to the millisecond and text is normalised (stripped, {@code \n} line breaks)
 * on construction, because the catalog stores exactly that and a value must read back equal.
 *
 * @param videoId     the id, which must be {@link VideoId#ofInfohash(String)} of {@code infohash}
 * @param infohash    v1 infohash of the video torrent, 40 lower-case hex digits
 * @param title       one line, not blank
 * @param description free text, possibly empty
 * @param tags        one-line tags in the creator's order
 * @param duration    play time, zero if unknown
 * @param width       frame width in pixels, 0 if unknown (then {@code height} is 0 too)
 * @param height      frame height in pixels, 0 if unknown
 * @param sizeBytes   size of the video file
 * @param published   when the creator published it (creator's clock; peers cannot check it)
 * @param thumbnail   a small JPEG, at most {@link CatalogLimits#MAX_THUMBNAIL_BYTES}, if any
 */
public record CatalogEntry(VideoId videoId, String infohash, String title, String description, List<String> tags,
                           Duration duration, int width, int height, long sizeBytes, Instant published,
                           Optional<Jpeg> thumbnail) {
    /** Latest publication time representable in the catalog: the end of year 9999. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /**
     * @throws IllegalArgumentException saying which field breaks which rule
     */
    public CatalogEntry {
        infohash = Infohash.normalize(infohash);
        Objects.requireNonNull(videoId, "videoId");
        if (!videoId.equals(VideoId.ofInfohash(infohash))) {
            throw new IllegalArgumentException("the video id " + videoId + " does not belong to infohash " + infohash);
        }
        title = Text.line("title", title, CatalogLimits.MAX_TITLE);
        description = Text.block("description", description, CatalogLimits.MAX_DESCRIPTION);
        if (tags.size() > CatalogLimits.MAX_TAGS) {
            throw new IllegalArgumentException("more than " + CatalogLimits.MAX_TAGS + " tags");
        }
        List<String> cleanTags = new ArrayList<>(tags.size());
        for (String tag : tags) cleanTags.add(Text.line("tag", tag, CatalogLimits.MAX_TAG));
        tags = List.copyOf(cleanTags);
        duration = Objects.requireNonNull(duration, "duration").truncatedTo(ChronoUnit.MILLIS);
        if (duration.isNegative() || duration.toMillis() > CatalogLimits.MAX_DURATION_MS) {
            throw new IllegalArgumentException("the duration " + duration + " is negative or longer than 30 days");
        }
        if (width < 0 || height < 0 || width > CatalogLimits.MAX_FRAME_SIDE || height > CatalogLimits.MAX_FRAME_SIDE
                || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("the resolution " + width + "x" + height + " is not valid"
                    + " (both sides 1-" + CatalogLimits.MAX_FRAME_SIDE + ", or both 0 for unknown)");
        }
        if (sizeBytes < 0 || sizeBytes > CatalogLimits.MAX_VIDEO_BYTES) {
            throw new IllegalArgumentException("the size " + sizeBytes + " is negative or over 1 TiB");
        }
        published = Objects.requireNonNull(published, "published").truncatedTo(ChronoUnit.MILLIS);
        if (published.isBefore(Instant.EPOCH) || published.isAfter(LATEST)) {
            throw new IllegalArgumentException("the publication time " + published + " is before 1970 or after 9999");
        }
        Objects.requireNonNull(thumbnail, "thumbnail");
        if (thumbnail.isPresent() && thumbnail.get().size() > CatalogLimits.MAX_THUMBNAIL_BYTES) {
            throw new IllegalArgumentException("the thumbnail is " + thumbnail.get().size()
                    + " bytes, over the limit of " + CatalogLimits.MAX_THUMBNAIL_BYTES);
        }
    }

    /** An entry whose id is derived from the infohash. */
    public static CatalogEntry of(String infohash, String title, String description, List<String> tags,
                                  Duration duration, int width, int height, long sizeBytes, Instant published,
                                  Optional<Jpeg> thumbnail) {
        return new CatalogEntry(VideoId.ofInfohash(infohash), infohash, title, description, tags, duration,
                width, height, sizeBytes, published, thumbnail);
    }
}
