package org.swarmtube.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node's H2 database of videos, one file in the data directory. Schema changes are Flyway
 * migrations under {@code db/migration}; opening the store applies the pending ones.
 *
 * <p>This class holds the videos this node publishes ({@link #put}); {@link #channels()} gives the
 * other channels' catalogs, subscriptions, the feed and search, on the same database. Thread-safe:
 * every call of either takes the one connection's lock, so calls are serialized; they do disk I/O
 * and belong off the UI thread.
 */
public final class VideoStore implements AutoCloseable {
    private final Database database;
    private final ChannelStore channels;

    private VideoStore(Database database) {
        this.database = database;
        this.channels = new ChannelStore(database);
    }

    /**
     * Opens (creating if needed) the database {@code swarmtube.mv.db} in {@code dataDir}.
     *
     * @throws StoreException if the file cannot be opened, for example because another process holds it
     */
    public static VideoStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /**
     * Opens the database as {@link #open(Path)} does, with the clock that stamps what the store
     * records (first seen, subscribed since, watched at); tests pass a fixed one.
     */
    public static VideoStore open(Path dataDir, Clock clock) {
        return new VideoStore(Database.open(dataDir, clock));
    }

    /**
     * Other channels: their verified catalogs, subscriptions, blocks, the feed, browsing, search
     * and watch history. It shares this store's connection and is closed with it.
     */
    public ChannelStore channels() {
        return channels;
    }

    /**
     * Adds or replaces a video. Meant for this node's own publications (no channel key); a record
     * with a channel key replaces that channel's listing of the video until its next catalog is merged.
     */
    public void put(VideoRecord video) {
        Instant now = database.now();
        database.write("save video " + video.id(), c -> {
            VideoRows.delete(c, VideoRows.rows(c, "SELECT row_id FROM video WHERE video_id = ?"
                    + " AND channel_key IS NOT DISTINCT FROM ?", video.id().toString(), video.channelKey().orElse(null)));
            try (PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO video(video_id, infohash, channel_key, title, description, file_name, size_bytes,"
                                 + " published_at, first_seen, listed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement tag = c.prepareStatement(
                         "INSERT INTO video_tag(row_id, position, tag) VALUES (?, ?, ?)")) {
                Instant listed = video.publishedAt().isBefore(now) ? video.publishedAt() : now;
                insert.setString(1, video.id().toString());
                insert.setString(2, video.infohash());
                insert.setString(3, video.channelKey().orElse(null));
                insert.setString(4, video.title());
                insert.setString(5, video.description());
                insert.setString(6, video.fileName());
                insert.setLong(7, video.sizeBytes());
                insert.setTimestamp(8, Timestamp.from(video.publishedAt()));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setTimestamp(10, Timestamp.from(listed));
                insert.executeUpdate();
                long row = generatedKey(insert);
                for (int i = 0; i < video.tags().size(); i++) {
                    tag.setLong(1, row);
                    tag.setInt(2, i);
                    tag.setString(3, video.tags().get(i));
                    tag.addBatch();
                }
                tag.executeBatch();
            }
            return null;
        });
    }

    /**
     * The video with this id, if known: this node's own publication if there is one, else the
     * newest listing by a channel (whose {@link VideoRecord#fileName()} is empty, since catalogs
     * name no file).
     */
    public Optional<VideoRecord> find(VideoId id) {
        List<VideoRecord> found = query("WHERE video_id = ?"
                + " ORDER BY CASE WHEN channel_key IS NULL THEN 0 ELSE 1 END, listed_at DESC, row_id DESC LIMIT 1",
                id.toString());
        return found.stream().findFirst();
    }

    /** This node's own videos, newest first. */
    public List<VideoRecord> ownVideos() {
        return query("WHERE channel_key IS NULL ORDER BY published_at DESC, video_id");
    }

    private List<VideoRecord> query(String where, String... args) {
        String sql = "SELECT row_id, video_id, infohash, channel_key, title, description, file_name, size_bytes,"
                + " published_at FROM video " + where;
        return database.read("read videos", c -> {
            List<VideoRecord> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) select.setString(i + 1, args[i]);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String fileName = rows.getString(7);
                        out.add(new VideoRecord(VideoId.parse(rows.getString(2)), rows.getString(3),
                                Optional.ofNullable(rows.getString(4)), rows.getString(5), rows.getString(6),
                                VideoRows.tags(c, rows.getLong(1)), fileName == null ? "" : fileName, rows.getLong(8),
                                rows.getTimestamp(9).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    static long generatedKey(Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("the database returned no row id");
            return keys.getLong(1);
        }
    }

    /** Closes the database; this store and its {@link #channels()} cannot be used afterwards. */
    @Override
    public void close() {
        database.close();
    }

    /** Thrown when the database cannot be read or written. */
    public static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
