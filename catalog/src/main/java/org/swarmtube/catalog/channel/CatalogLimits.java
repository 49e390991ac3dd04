package org.swarmtube.catalog.channel;

import org.swarmtube.catalog.VideoRecord;

/**
 * The limits on everything a catalog may hold. A catalog comes from peers, so each limit is
 * checked before the data is parsed any further (file count and byte sizes first, then string
 * lengths while Jackson streams, then the fields), and the publishing side is held to the same
 * limits so that no honest catalog is ever refused.
 *
 * <p>Sizes are in bytes of the stored files unless said otherwise; text lengths are in Java
 * {@code char}s, as in {@link VideoRecord}.
 */
public final class CatalogLimits {
    /** Most records in a catalog: videos, later versions of videos, and removals. */
    public static final int MAX_RECORDS = 100_000;
    /** Most records in one pack file: the experiment's 128, small enough that a new pack comes often. */
    public static final int MAX_RECORDS_PER_PACK = 128;
    /**
     * Largest pack file. With thumbnails a record is 15-45 KB, so packs fill by bytes long before
     * 128 records; this bounds what one update can change to 1 MiB plus the head.
     */
    public static final int MAX_PACK_BYTES = 1024 * 1024;
    /** Largest single record line, far above the largest valid record (~75 KB). */
    public static final int MAX_RECORD_BYTES = 96 * 1024;
    /** Most pack files; a catalog at the record and byte limits needs about 1,100. */
    public static final int MAX_PACKS = 2048;
    /** Largest {@code head.json}: 67 bytes per listed pack at {@link #MAX_PACKS}, plus the rest. */
    public static final int MAX_HEAD_BYTES = 160 * 1024;
    /** Largest {@code profile.json}. */
    public static final int MAX_PROFILE_BYTES = 128 * 1024;
    /** Largest whole catalog, all files together. */
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    /** Longest channel name. */
    public static final int MAX_CHANNEL_NAME = 100;
    /** Longest channel description. */
    public static final int MAX_CHANNEL_DESCRIPTION = 5000;
    /** Most recommended channels in a profile. */
    public static final int MAX_RECOMMENDED = 100;
    /** Largest avatar JPEG (raw bytes; it is stored as base64, a third larger). */
    public static final int MAX_AVATAR_BYTES = 64 * 1024;
    /** Largest thumbnail JPEG (raw bytes). A 320x180 JPEG is typically 8-20 KB. */
    public static final int MAX_THUMBNAIL_BYTES = 32 * 1024;
    /** Longest video title; the same as the H2 column. */
    public static final int MAX_TITLE = VideoRecord.MAX_TITLE;
    /** Longest video description; the same as the H2 column. */
    public static final int MAX_DESCRIPTION = VideoRecord.MAX_DESCRIPTION;
    /** Longest tag. */
    public static final int MAX_TAG = VideoRecord.MAX_TAG;
    /** Most tags on a video. */
    public static final int MAX_TAGS = VideoRecord.MAX_TAGS;
    /** Largest video frame side in pixels (16K). */
    public static final int MAX_FRAME_SIDE = 16_384;
    /** Longest video duration in milliseconds (30 days). */
    public static final long MAX_DURATION_MS = 30L * 24 * 3600 * 1000;
    /** Largest video file (1 TiB). */
    public static final long MAX_VIDEO_BYTES = 1L << 40;

    private CatalogLimits() {
    }
}
