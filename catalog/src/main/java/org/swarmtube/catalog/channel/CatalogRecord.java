package org.swarmtube.catalog.channel;

import org.swarmtube.catalog.VideoId;

/**
 * One line of a pack file: a published video or the removal of one. Records are numbered from 0
 * in the order they were written ({@code n}), and each carries its stored bytes so that appending
 * to a catalog never re-encodes what is already there.
 */
sealed interface CatalogRecord permits CatalogRecord.Published, CatalogRecord.Removed {
    /** Position in the catalog, from 0. */
    int n();

    /** The video this record is about. */
    VideoId videoId();

    /** The stored bytes: canonical JSON and a line feed. */
    byte[] line();

    /** A video was published (or re-published with new metadata: the later record wins). */
    record Published(int n, CatalogEntry entry, byte[] line) implements CatalogRecord {
        @Override
        public VideoId videoId() {
            return entry.videoId();
        }
    }

    /** A video was unpublished; this record took the place of the video's own record(s). */
    record Removed(int n, VideoId videoId, byte[] line) implements CatalogRecord {
    }
}
