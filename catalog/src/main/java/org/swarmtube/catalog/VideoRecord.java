package org.swarmtube.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the node knows of one video.
 *
 * @param id          the video's id, derived from {@code infohash}
 * @param infohash    the v1 infohash of the video torrent, 40 lower-case hex digits
 * @param channelKey  the publishing channel's public key in hex; empty for this node's own videos
 * @param title       a non-blank title
 * @param description free text, possibly empty
 * @param tags        tags in the order given
 * @param fileName    the file's name inside the torrent; empty for a video known only from a
 *                    channel's catalog, which names no file
 * @param sizeBytes   the file's size
 * @param publishedAt when it was published
 */
public record VideoRecord(VideoId id, String infohash, Optional<String> channelKey, String title,
                          String description, List<String> tags, String fileName, long sizeBytes,
                          Instant publishedAt) {
    /** Longest title accepted. */
    public static final int MAX_TITLE = 300;
    /** Longest description accepted. */
    public static final int MAX_DESCRIPTION = 5000;
    /** Longest tag accepted. */
    public static final int MAX_TAG = 100;
    /** Most tags accepted. */
    public static final int MAX_TAGS = 50;

    public VideoRecord {
        Objects.requireNonNull(id, "id");
        infohash = Infohash.normalize(infohash);
        channelKey = Objects.requireNonNull(channelKey, "channelKey");
        title = Objects.requireNonNull(title, "title").strip();
        description = description == null ? "" : description.strip();
        tags = List.copyOf(tags);
        checkMetadata(title, description, tags);
        Objects.requireNonNull(fileName, "fileName");
        if (sizeBytes < 0) throw new IllegalArgumentException("negative size");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /**
     * Checks what a person types for a video, before any work is done with it.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void checkMetadata(String title, String description, List<String> tags) {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("the title is empty");
        requireLength("title", title.strip(), MAX_TITLE);
        requireLength("description", description == null ? "" : description.strip(), MAX_DESCRIPTION);
        if (tags.size() > MAX_TAGS) throw new IllegalArgumentException("more than " + MAX_TAGS + " tags");
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) throw new IllegalArgumentException("a tag is empty");
            requireLength("tag", tag, MAX_TAG);
        }
    }

    private static String requireLength(String what, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException("the " + what + " is longer than " + max + " characters");
        }
        return value;
    }
}
