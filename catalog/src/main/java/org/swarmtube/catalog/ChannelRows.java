package org.swarmtube.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.swarmtube.catalog.channel.ChannelLink;

/** The {@code channel} table: recording that a channel exists, and reading what is known of channels. */
final class ChannelRows {
    private static final String INFO = "SELECT c.channel_key, c.salt, c.name, c.description, c.source, c.last_seq,"
            + " c.catalog_infohash, c.first_seen, c.last_seen, s.channel_key IS NOT NULL, b.channel_key IS NOT NULL,"
            + " (SELECT COUNT(*) FROM video v WHERE v.channel_key = c.channel_key)"
            + " FROM channel c LEFT JOIN subscription s ON s.channel_key = c.channel_key"
            + " LEFT JOIN blocked_channel b ON b.channel_key = c.channel_key ";

    private ChannelRows() {
    }

    /** How a link updates the salt of a channel already known. */
    enum Salt {
        /** The viewer gave this link: it is the channel's address from now on. */
        REPLACE,
        /** Someone else's mention: it only fills a salt not yet known. */
        FILL
    }

    /**
     * Records that a channel exists; a channel already known keeps its source and first-seen time.
     *
     * @param touch whether this counts as seeing the channel (its {@code last_seen} moves to {@code now})
     * @return true if the channel was not known before
     */
    static boolean learn(Connection c, ChannelLink link, ChannelSource source, Salt salt, boolean touch, Instant now)
            throws SQLException {
        String key = link.publicKeyHex();
        try (PreparedStatement update = c.prepareStatement("UPDATE channel SET"
                + (salt == Salt.REPLACE ? " salt = ?" : " salt = COALESCE(salt, ?)")
                + (touch ? ", last_seen = ?" : "") + " WHERE channel_key = ?")) {
            int p = 1;
            update.setString(p++, link.saltHex());
            if (touch) update.setTimestamp(p++, Timestamp.from(now));
            update.setString(p, key);
            if (update.executeUpdate() > 0) return false;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO channel(channel_key, salt, source, first_seen,"
                + " last_seen) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, link.saltHex());
            insert.setString(3, source.name());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
            return true;
        }
    }

    static boolean isBlocked(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM blocked_channel WHERE channel_key = ?")) {
            select.setString(1, key);
            try (ResultSet r = select.executeQuery()) {
                return r.next();
            }
        }
    }

    /** What is known of all channels ({@code onlyKey} null) or of one, ordered by name then key. */
    static List<ChannelInfo> infos(Connection c, String onlyKey) throws SQLException {
        Map<String, List<ChannelLink>> recommended = recommendations(c, onlyKey);
        List<ChannelInfo> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(INFO + (onlyKey == null ? "" : "WHERE c.channel_key = ? ")
                + "ORDER BY c.name NULLS LAST, c.channel_key")) {
            if (onlyKey != null) select.setString(1, onlyKey);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String key = r.getString(1);
                    long seq = r.getLong(6);
                    OptionalLong heldSeq = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(seq);
                    out.add(new ChannelInfo(key, Optional.ofNullable(r.getString(2)), Optional.ofNullable(r.getString(3)),
                            r.getString(4), ChannelSource.valueOf(r.getString(5)), heldSeq,
                            Optional.ofNullable(r.getString(7)), r.getTimestamp(8).toInstant(),
                            r.getTimestamp(9).toInstant(), r.getBoolean(10), r.getBoolean(11), r.getInt(12),
                            recommended.getOrDefault(key, List.of())));
                }
            }
        }
        return out;
    }

    private static Map<String, List<ChannelLink>> recommendations(Connection c, String onlyKey) throws SQLException {
        Map<String, List<ChannelLink>> out = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT channel_key, recommended_key, salt"
                + " FROM channel_recommendation" + (onlyKey == null ? "" : " WHERE channel_key = ?")
                + " ORDER BY channel_key, position")) {
            if (onlyKey != null) select.setString(1, onlyKey);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new ChannelLink(r.getString(2), r.getString(3), List.of()));
                }
            }
        }
        return out;
    }
}
