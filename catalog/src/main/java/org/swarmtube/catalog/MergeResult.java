package org.swarmtube.catalog;

/**
 * What {@link ChannelStore#merge} did with a verified catalog.
 *
 * @param outcome whether the catalog was merged
 * @param added   videos new to this node's listing of the channel
 * @param changed videos whose catalog entry (or the channel's name) changed
 * @param removed videos the channel no longer lists, gone from its listing, the feed and search
 */
public record MergeResult(Outcome outcome, int added, int changed, int removed) {
    static final MergeResult BLOCKED = new MergeResult(Outcome.IGNORED_BLOCKED, 0, 0, 0);

    /** Whether the catalog was taken in. */
    public enum Outcome {
        /** The channel's listing now is the catalog's. */
        MERGED,
        /** The channel is blocked; the database was left unchanged. */
        IGNORED_BLOCKED
    }
}
