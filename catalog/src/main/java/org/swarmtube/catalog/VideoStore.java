package org.swarmtube.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The node's H2 database of videos, one file in the data directory. Schema changes are Flyway
 * migrations under {@code db/migration}; opening the store applies the pending ones.
 * Thread-safe: every call takes the one connection's lock.
 */
public final class VideoStore implements AutoCloseable {
    private final Connection connection;

    private VideoStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database {@code swarmtube.mv.db} in {@code dataDir}.
     *
     * @throws StoreException if the file cannot be opened, for example because another process holds it
     */
    public static VideoStore open(Path dataDir) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("swarmtube") + ";DB_CLOSE_ON_EXIT=FALSE");
        try {
            Flyway.configure().dataSource(source).loggers("slf4j").load().migrate();
            return new VideoStore(source.getConnection());
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("cannot open the database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Adds or replaces a video. */
    public synchronized void put(VideoRecord video) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM video WHERE video_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO video(video_id, infohash, channel_key, title, description, file_name, size_bytes, published_at)"
                                 + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement tag = connection.prepareStatement(
                         "INSERT INTO video_tag(video_id, position, tag) VALUES (?, ?, ?)")) {
                delete.setString(1, video.id().toString());
                delete.executeUpdate();
                insert.setString(1, video.id().toString());
                insert.setString(2, video.infohash());
                insert.setString(3, video.channelKey().orElse(null));
                insert.setString(4, video.title());
                insert.setString(5, video.description());
                insert.setString(6, video.fileName());
                insert.setLong(7, video.sizeBytes());
                insert.setTimestamp(8, Timestamp.from(video.publishedAt()));
                insert.executeUpdate();
                for (int i = 0; i < video.tags().size(); i++) {
                    tag.setString(1, video.id().toString());
                    tag.setInt(2, i);
                    tag.setString(3, video.tags().get(i));
                    tag.addBatch();
                }
                tag.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot save video " + video.id() + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** The video with this id, if known. */
    public synchronized Optional<VideoRecord> find(VideoId id) {
        List<VideoRecord> found = query("WHERE video_id = ?", id.toString());
        return found.stream().findFirst();
    }

    /** This node's own videos, newest first. */
    public synchronized List<VideoRecord> ownVideos() {
        return query("WHERE channel_key IS NULL ORDER BY published_at DESC, video_id");
    }

    private List<VideoRecord> query(String where, String... args) {
        String sql = "SELECT video_id, infohash, channel_key, title, description, file_name, size_bytes, published_at FROM video " + where;
        List<VideoRecord> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) select.setString(i + 1, args[i]);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    out.add(new VideoRecord(VideoId.parse(id), rows.getString(2),
                            Optional.ofNullable(rows.getString(3)), rows.getString(4), rows.getString(5),
                            tags(id), rows.getString(6), rows.getLong(7),
                            rows.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read videos: " + e.getMessage(), e);
        }
        return out;
    }

    private List<String> tags(String videoId) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tag FROM video_tag WHERE video_id = ? ORDER BY position")) {
            select.setString(1, videoId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) tags.add(rows.getString(1));
            }
        }
        return tags;
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database: " + e.getMessage(), e);
        }
    }

    /** Thrown when the database cannot be read or written. */
    public static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
