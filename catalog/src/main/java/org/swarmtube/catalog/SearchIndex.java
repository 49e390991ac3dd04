package org.swarmtube.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.swarmtube.catalog.channel.CatalogEntry;

/**
 * Full-text search over the {@code search_token} table: one row per distinct token of a video,
 * weighted by the best field it occurs in.
 *
 * <p>Why a token table rather than H2's FullText: {@code FT_SEARCH} matches whole words only (no
 * prefix while typing), folds case but not accents, scores every hit 1.0, and indexes one table
 * where videos take their channel's name from another. The token table does all four with one
 * B-tree range scan per query term.
 *
 * <p>Matching: every query term must match a token of the video. A term of {@link #MIN_PREFIX}
 * characters or more matches any token it begins ("holi" finds "holiday"); a shorter one only the
 * same token, because a one- or two-letter prefix matches a large share of all tokens and would
 * make every keystroke scan most of the index.
 *
 * <p>Ranking: per term the best field it matched in, title 8, tag 4, channel name 2, description 1,
 * doubled, plus one for a whole-token match; summed over terms. So any title hit outranks any
 * other hit of the same term, and "holiday" typed in full ranks the video titled "Holiday" above
 * the one titled "Holidays". Ties go to the newest.
 */
final class SearchIndex {
    static final int TITLE = 8;
    static final int TAG = 4;
    static final int CHANNEL = 2;
    static final int DESCRIPTION = 1;
    /** Shortest term matched as a prefix. */
    static final int MIN_PREFIX = 3;
    /** Most terms of a query used; the rest are ignored. */
    static final int MAX_TERMS = 8;

    private SearchIndex() {
    }

    /** Each distinct token of the video with the weight of the best field it occurs in. */
    static Map<String, Integer> weights(CatalogEntry entry, String channelName) {
        Map<String, Integer> weights = new HashMap<>();
        add(weights, entry.description(), DESCRIPTION);
        add(weights, channelName, CHANNEL);
        for (String tag : entry.tags()) add(weights, tag, TAG);
        add(weights, entry.title(), TITLE);
        return weights;
    }

    private static void add(Map<String, Integer> weights, String text, int weight) {
        for (String token : SearchText.tokens(text)) weights.merge(token, weight, Math::max);
    }

    /** Adds the video's tokens to {@code insert} ({@code row_id, token, weight}) as a batch. */
    static void addTokens(PreparedStatement insert, long row, Map<String, Integer> weights) throws SQLException {
        for (Map.Entry<String, Integer> token : weights.entrySet()) {
            insert.setLong(1, row);
            insert.setString(2, token.getKey());
            insert.setInt(3, token.getValue());
            insert.addBatch();
        }
    }

    /** The distinct tokens of a query, at most {@link #MAX_TERMS}. */
    static List<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>(SearchText.tokens(query));
        return new ArrayList<>(terms).subList(0, Math.min(terms.size(), MAX_TERMS));
    }

    /**
     * The row ids of the best matches of {@code query}, best first.
     *
     * @return empty if the query has no terms
     */
    static List<Long> search(Connection connection, String query, int offset, int limit) throws SQLException {
        List<String> terms = terms(query);
        if (terms.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder("SELECT m.row_id FROM (SELECT row_id, SUM(best) score FROM (");
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) sql.append(" UNION ALL ");
            sql.append("SELECT row_id, MAX(weight * 2 + CASE WHEN token = ? THEN 1 ELSE 0 END) best"
                    + " FROM search_token WHERE ");
            sql.append(isPrefix(terms.get(i)) ? "token >= ? AND token < ?" : "token = ?");
            sql.append(" GROUP BY row_id");
        }
        sql.append(") t GROUP BY row_id HAVING COUNT(*) = ?) m JOIN video v ON v.row_id = m.row_id"
                + " ORDER BY m.score DESC, v.listed_at DESC, v.row_id DESC LIMIT ? OFFSET ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (String term : terms) {
                select.setString(p++, term);
                select.setString(p++, term);
                if (isPrefix(term)) select.setString(p++, successor(term));
            }
            select.setInt(p++, terms.size());
            select.setInt(p++, limit);
            select.setInt(p, offset);
            List<Long> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) rows.add(result.getLong(1));
            }
            return rows;
        }
    }

    private static boolean isPrefix(String term) {
        return term.length() >= MIN_PREFIX;
    }

    /** The least string greater than every string that starts with {@code prefix}. */
    static String successor(String prefix) {
        // tokens are letters and digits, never U+FFFF, so incrementing the last char is enough
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
