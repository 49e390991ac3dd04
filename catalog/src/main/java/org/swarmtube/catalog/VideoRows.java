package org.swarmtube.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.Jpeg;

/**
 * Reading and writing channels' videos: the {@code video} row with its tags, thumbnail and search
 * tokens. Statements are prepared once per merge so that a catalog of thousands of videos goes in
 * as a few batches.
 */
final class VideoRows implements AutoCloseable {
    /** The columns of a {@link VideoSummary}, for the feed, browsing and search. */
    static final String SUMMARY = "SELECT v.row_id, v.video_id, v.infohash, v.title, v.channel_key,"
            + " COALESCE(c.name, ''), v.published_at, v.duration_ms, v.width, v.height, v.size_bytes,"
            + " f.video_id IS NULL"
            + " FROM video v JOIN channel c ON c.channel_key = v.channel_key"
            + " LEFT JOIN feed_seen f ON f.video_id = v.video_id ";

    /** Rows batched before they are sent: a 100,000-video catalog would otherwise hold millions in memory. */
    private static final int MAX_PENDING = 50_000;

    private final PreparedStatement insertVideo;
    private final PreparedStatement insertTag;
    private final PreparedStatement insertThumbnail;
    private final PreparedStatement insertToken;
    /** Token rows waiting for {@link #flush()}, inserted in token order (see there). */
    private final List<PendingToken> tokens = new ArrayList<>();
    private int pending;

    VideoRows(Connection c) throws SQLException {
        insertVideo = c.prepareStatement("INSERT INTO video(video_id, infohash, channel_key, title, description,"
                + " size_bytes, published_at, duration_ms, width, height, first_seen, listed_at, fingerprint)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
        insertTag = c.prepareStatement("INSERT INTO video_tag(row_id, position, tag) VALUES (?, ?, ?)");
        insertThumbnail = c.prepareStatement("INSERT INTO video_thumbnail(row_id, jpeg) VALUES (?, ?)");
        insertToken = c.prepareStatement("INSERT INTO search_token(id, token, listed_ms) VALUES (?, ?, ?)");
    }

    /**
     * Adds a channel's video with everything hanging off it; tags, thumbnail and tokens are batched
     * until {@link #flush()}.
     *
     * @param firstSeen when this node first learned of the video, kept across changes of its entry
     */
    void insert(String channelKey, String channelName, CatalogEntry entry, byte[] fingerprint, Instant firstSeen)
            throws SQLException {
        Instant listed = entry.published().isBefore(firstSeen) ? entry.published() : firstSeen;
        insertVideo.setString(1, entry.videoId().toString());
        insertVideo.setString(2, entry.infohash());
        insertVideo.setString(3, channelKey);
        insertVideo.setString(4, entry.title());
        insertVideo.setString(5, entry.description());
        insertVideo.setLong(6, entry.sizeBytes());
        insertVideo.setTimestamp(7, Timestamp.from(entry.published()));
        insertVideo.setLong(8, entry.duration().toMillis());
        insertVideo.setInt(9, entry.width());
        insertVideo.setInt(10, entry.height());
        insertVideo.setTimestamp(11, Timestamp.from(firstSeen));
        insertVideo.setTimestamp(12, Timestamp.from(listed));
        insertVideo.setBytes(13, fingerprint);
        insertVideo.executeUpdate();
        long row = VideoStore.generatedKey(insertVideo);
        for (int i = 0; i < entry.tags().size(); i++) {
            insertTag.setLong(1, row);
            insertTag.setInt(2, i);
            insertTag.setString(3, entry.tags().get(i));
            insertTag.addBatch();
        }
        if (entry.thumbnail().isPresent()) {
            insertThumbnail.setLong(1, row);
            insertThumbnail.setBytes(2, entry.thumbnail().get().bytes());
            insertThumbnail.addBatch();
        }
        int n = 0;
        for (Map.Entry<String, Integer> token : SearchIndex.weights(entry, channelName).entrySet()) {
            long key = SearchIndex.key(row, token.getValue(), n++);
            tokens.add(new PendingToken(token.getKey(), key, listed.toEpochMilli()));
        }
        pending += n + entry.tags().size();
        if (pending > MAX_PENDING) flush();
    }

    /** Deletes video rows, with their tags and thumbnails (ON DELETE CASCADE) and their search tokens. */
    static void delete(Connection c, List<Long> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM video WHERE row_id = ?");
             PreparedStatement deleteTokens = c.prepareStatement("DELETE FROM search_token WHERE id >= ? AND id < ?")) {
            for (long row : rows) {
                delete.setLong(1, row);
                delete.addBatch();
                deleteTokens.setLong(1, SearchIndex.firstKey(row));
                deleteTokens.setLong(2, SearchIndex.firstKey(row + 1));
                deleteTokens.addBatch();
            }
            delete.executeBatch();
            deleteTokens.executeBatch();
        }
    }

    /** The rows of the videos a query ({@code SELECT row_id FROM video WHERE ...}) selects. */
    static List<Long> rows(Connection c, String sql, Object... args) throws SQLException {
        List<Long> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) select.setObject(i + 1, args[i]);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) rows.add(result.getLong(1));
            }
        }
        return rows;
    }

    /**
     * Runs the batched inserts. Tokens go in sorted by token: consecutive inserts then land on the
     * same pages of the token index, which made a bulk merge a third faster than random order.
     */
    void flush() throws SQLException {
        insertTag.executeBatch();
        insertThumbnail.executeBatch();
        tokens.sort(Comparator.comparing(PendingToken::token));
        for (PendingToken token : tokens) {
            insertToken.setLong(1, token.key());
            insertToken.setString(2, token.token());
            insertToken.setLong(3, token.listedMs());
            insertToken.addBatch();
        }
        insertToken.executeBatch();
        tokens.clear();
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        try (insertVideo; insertTag; insertThumbnail; insertToken) {
            // closes all four, reporting the first failure
        }
    }

    /** The summaries of these rows, in the order given; rows that do not exist are skipped. */
    static List<VideoSummary> summaries(Connection c, List<Long> rows) throws SQLException {
        if (rows.isEmpty()) return List.of();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) in.append(i == 0 ? "?" : ", ?");
        Map<Long, VideoSummary> byRow = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(SUMMARY + "WHERE v.row_id IN (" + in + ")")) {
            for (int i = 0; i < rows.size(); i++) select.setLong(i + 1, rows.get(i));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) byRow.put(result.getLong(1), summary(result));
            }
        }
        List<VideoSummary> out = new ArrayList<>(rows.size());
        for (Long row : rows) {
            VideoSummary summary = byRow.get(row);
            if (summary != null) out.add(summary);
        }
        return out;
    }

    /** Runs a query that starts with {@link #SUMMARY}, binding {@code args} in order. */
    static List<VideoSummary> summaries(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) select.setObject(i + 1, args[i]);
            List<VideoSummary> out = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) out.add(summary(result));
            }
            return out;
        }
    }

    private static VideoSummary summary(ResultSet r) throws SQLException {
        return new VideoSummary(VideoId.parse(r.getString(2)), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getTimestamp(7).toInstant(), Duration.ofMillis(r.getLong(8)), r.getInt(9),
                r.getInt(10), r.getLong(11), r.getBoolean(12));
    }

    /** A channel's full entry for a video, as it was merged. */
    static Optional<CatalogEntry> entry(Connection c, String channelKey, VideoId videoId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT v.row_id, v.infohash, v.title, v.description,"
                + " v.duration_ms, v.width, v.height, v.size_bytes, v.published_at, t.jpeg FROM video v"
                + " LEFT JOIN video_thumbnail t ON t.row_id = v.row_id WHERE v.channel_key = ? AND v.video_id = ?")) {
            select.setString(1, channelKey);
            select.setString(2, videoId.toString());
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) return Optional.empty();
                byte[] jpeg = r.getBytes(10);
                return Optional.of(CatalogEntry.of(r.getString(2), r.getString(3), r.getString(4),
                        tags(c, r.getLong(1)), Duration.ofMillis(r.getLong(5)), r.getInt(6), r.getInt(7),
                        r.getLong(8), r.getTimestamp(9).toInstant(),
                        jpeg == null ? Optional.empty() : Optional.of(Jpeg.of(jpeg))));
            }
        }
    }

    static List<String> tags(Connection c, long row) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT tag FROM video_tag WHERE row_id = ? ORDER BY position")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) tags.add(result.getString(1));
            }
        }
        return tags;
    }

    /** A search token row waiting for {@link #flush()}. */
    private record PendingToken(String token, long key, long listedMs) {
    }
}
