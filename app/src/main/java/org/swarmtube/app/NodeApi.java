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

    /** What {@code publish} needs. */
    record PublishCommand(Path file, String title, String description, List<String> tags, List<String> trackers,
                          List<String> webSeeds) {
        public PublishCommand {
            tags = tags == null ? List.of() : List.copyOf(tags);
            trackers = trackers == null ? List.of() : List.copyOf(trackers);
            webSeeds = webSeeds == null ? List.of() : List.copyOf(webSeeds);
            description = description == null ? "" : description;
        }

        public PublishCommand(Path file, String title, String description, List<String> tags, List<String> trackers) {
            this(file, title, description, tags, trackers, List.of());
        }
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
