package org.swarmtube.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asks of a node. The node in this process implements it, and so does the
 * client of a node running elsewhere on the same data directory, so every verb works either way.
 */
public interface NodeApi {
    /** Publishes a file: hashes it, records its metadata, seeds it. */
    PublishResult publish(PublishCommand command);

    /** Starts (or continues) downloading a magnet link or infohash to a path. */
    FetchProgress startFetch(String link, Path out);

    /** How far a fetch started with {@link #startFetch} is. */
    FetchProgress fetchProgress(String infohash);

    /** Every torrent of the node. */
    StatusReport status();

    /**
     * A URL on 127.0.0.1 from which a player can play a video while it downloads: a magnet link,
     * an infohash or a video id. Valid while this node runs.
     */
    StreamUrl stream(String what);

    /** This node's channel: its link, key and name. */
    ChannelView channel();

    /**
     * Changes this node's channel profile and publishes the new catalog version.
     *
     * @param name        the new name, or null to keep it
     * @param description the new description, or null to keep it
     * @param recommend   channel links to recommend (replacing the list), or null to keep it
     */
    ChannelView editChannel(String name, String description, List<String> recommend);

    /**
     * Follows a channel and looks it up at once; its videos enter the feed.
     *
     * @param keepCopy also download and seed every video of the channel (the redundancy a viewer
     *                 gives a channel it cares about)
     */
    ChannelChange subscribe(String link, boolean keepCopy);

    /** Follows a channel without keeping copies of its videos. */
    default ChannelChange subscribe(String link) {
        return subscribe(link, false);
    }

    /** Stops following a channel; what is known of it stays browsable. */
    ChannelChange unsubscribe(String link);

    /** Hides a channel from the feed, browsing and search, and stops fetching it. */
    ChannelChange block(String link);

    /** New videos of subscribed channels, newest first. */
    VideoList feed();

    /** Videos of every known channel matching a query. */
    VideoList search(String query);

    /** Every channel this node knows. */
    ChannelList channels();

    /** Takes one of this node's videos out of its channel's catalog. */
    UnpublishResult unpublish(String videoId);

    /**
     * What {@code publish} needs.
     *
     * @param anyFile publish a file that is not a video (no probing, no thumbnail)
     */
    record PublishCommand(Path file, String title, String description, List<String> tags, List<String> trackers,
                          List<String> webSeeds, boolean anyFile) {
        public PublishCommand {
            tags = tags == null ? List.of() : List.copyOf(tags);
            trackers = trackers == null ? List.of() : List.copyOf(trackers);
            webSeeds = webSeeds == null ? List.of() : List.copyOf(webSeeds);
            description = description == null ? "" : description;
        }

        public PublishCommand(Path file, String title, String description, List<String> tags, List<String> trackers) {
            this(file, title, description, tags, trackers, List.of(), false);
        }

        /** The same command for a file that need not be a video. */
        public PublishCommand allowingAnyFile() {
            return new PublishCommand(file, title, description, tags, trackers, webSeeds, true);
        }
    }

    /** {@code channel}'s answer; the field names are a public contract. */
    record ChannelView(String link, String publicKey, String name) {
    }

    /**
     * What subscribing, unsubscribing or blocking did.
     *
     * @param found   whether the channel's catalog was found (after subscribing)
     * @param videos  how many of its videos this node lists
     * @param message what happened, for a person
     */
    record ChannelChange(String link, String publicKey, String name, boolean subscribed, boolean blocked, boolean found,
                         int videos, String message) {
    }

    /** One video in {@code feed} and {@code search}; the field names are a public contract. */
    record FeedVideo(String videoId, String title, String channel, String infohash, String magnet, String published) {
    }

    /** {@code feed}'s and {@code search}'s answer. */
    record VideoList(List<FeedVideo> videos) {
    }

    /** One channel in {@code channels}. */
    record ChannelEntry(String publicKey, String name, String link, boolean subscribed, boolean blocked, int videos,
                        String source, long seq) {
    }

    /** {@code channels}' answer. */
    record ChannelList(List<ChannelEntry> channels) {
    }

    /** {@code unpublish}'s answer. */
    record UnpublishResult(String videoId, boolean removed, String note) {
    }

    /** {@code publish}'s answer; the field names are a public contract. */
    record PublishResult(String videoId, String infohash, String magnet) {
    }

    /**
     * A fetch's state. {@code path} and {@code bytes} are set once {@code done}.
     */
    record FetchProgress(String infohash, String name, String state, double progress, long sizeBytes,
                         long doneBytes, long downloadRate, int peers, boolean done, String path, long bytes,
                         long downloaded, String error) {
    }

    /** One torrent in {@code status}; the first eight fields are a public contract. */
    record TorrentView(String infohash, String name, double progress, int peers, int seeds, double copies,
                       long downloadRate, long uploadRate, String state, long sizeBytes, String path) {
    }

    /** {@code stream}'s answer; {@code url} is a public contract. */
    record StreamUrl(String url, String infohash) {
    }

    /** {@code status}'s answer. */
    record StatusReport(List<TorrentView> torrents, int listenPort) {
    }
}
