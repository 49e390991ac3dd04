package org.swarmtube.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.swarmtube.catalog.channel.CatalogEntry;

/**
 * Full-text search over the {@code search_token} table: one row per distinct token of a video,
 * keyed by the video's row and the weight of the best field the token occurs in (see
 * {@link #key}; the V2 migration says why the key is packed).
 *
 * <p>Why a token table rather than H2's FullText: {@code FT_SEARCH} matches whole words only (no
 * prefix while typing), folds case but not accents, scores every hit 1.0, and indexes one table
 * where videos take their channel's name from another. The token table does all four with one
 * B-tree range scan per query term, at a similar speed for whole words (see {@code SearchBench}).
 *
 * <p>Matching: every query term must match a token of the video. A term of {@link #MIN_PREFIX}
 * characters or more matches any token it begins ("holi" finds "holiday"); a shorter one only the
 * same token, because a one- or two-letter prefix matches a large share of all tokens and would
 * make every keystroke scan most of the index; see {@link #terms} for when short terms are dropped.
 *
 * <p>Ranking: per term the best field it matched in, title 8, tag 4, channel name 2, description 1,
 * doubled, plus one for a whole-token match; summed over terms. So any title hit outranks any
 * other hit of the same term, and "holiday" typed in full ranks the video titled "Holiday" above
 * the one titled "Holidays". Ties go to the most recently listed (as the feed orders).
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
    private static final int ROW_SHIFT = 18;
    private static final int WEIGHT_SHIFT = 14;
    /**
     * Most tokens indexed per video, what the key has room for. The text of a video is at most
     * about 10,500 characters, but compatibility decomposition can split one character into
     * several tokens (U+33C2 is "a.m."), so a hostile catalog could otherwise overflow the key.
     */
    static final int MAX_TOKENS = (1 << WEIGHT_SHIFT) - 1;

    private SearchIndex() {
    }

    /**
     * Each distinct token of the video with the weight of the best field it occurs in, at most
     * {@link #MAX_TOKENS} of them, the heaviest kept.
     */
    static Map<String, Integer> weights(CatalogEntry entry, String channelName) {
        Map<String, Integer> weights = new HashMap<>();
        add(weights, entry.description(), DESCRIPTION);
        add(weights, channelName, CHANNEL);
        for (String tag : entry.tags()) add(weights, tag, TAG);
        add(weights, entry.title(), TITLE);
        if (weights.size() <= MAX_TOKENS) return weights;
        // only a catalog made to do it gets here, so which of its description words go is moot
        Map<String, Integer> kept = new HashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TOKENS)
                .forEach(token -> kept.put(token.getKey(), token.getValue()));
        return kept;
    }

    private static void add(Map<String, Integer> weights, String text, int weight) {
        for (String token : SearchText.tokens(text)) weights.merge(token, weight, Math::max);
    }

    /** The {@code search_token} key of a video's {@code n}-th token: {@code row * 2^18 + weight * 2^14 + n}. */
    static long key(long row, int weight, int n) {
        if (weight < 1 || weight > 15 || n < 0 || n > MAX_TOKENS) {
            throw new IllegalArgumentException("token " + n + " of weight " + weight + " does not fit a key");
        }
        return (row << ROW_SHIFT) | ((long) weight << WEIGHT_SHIFT) | n;
    }

    /** The first key of a video's tokens; its last is {@code firstKey(row + 1) - 1}. */
    static long firstKey(long row) {
        return row << ROW_SHIFT;
    }

    /**
     * The terms of a query: its distinct tokens, at most {@link #MAX_TERMS}. Once a query has a
     * term long enough to match as a prefix, its shorter terms are dropped: they are either small
     * words ("à", "of") that would demand an exact match of their own, or the first letters of a
     * word still being typed, and keeping them would empty the results at every keystroke. Han and
     * Kana characters are words of their own and always kept.
     */
    static List<String> terms(String query) {
        Set<String> tokens = new LinkedHashSet<>(SearchText.tokens(query));
        boolean anyLong = tokens.stream().anyMatch(SearchIndex::isPrefix);
        List<String> terms = new ArrayList<>();
        for (String token : tokens) {
            if (terms.size() < MAX_TERMS && (!anyLong || isPrefix(token) || SearchText.isUnspaced(token))) {
                terms.add(token);
            }
        }
        return terms;
    }

    /**
     * The row ids of the best matches of {@code query}, best first.
     *
     * <p>Each term is one range scan of the token index, whose entries give the video, the weight
     * and the recency; scoring, the AND across terms and the top-k run here in Java, because H2's
     * GROUP BY over the same rows took four times as long as reading them (measured: 174 against 39
     * ms for a word in 94,000 videos). Longer terms go first: they are usually rarer, and later
     * terms only look up the videos the earlier ones left.
     *
     * @return empty if the query has no terms
     */
    static List<Long> search(Connection connection, String query, int offset, int limit) throws SQLException {
        List<String> terms = new ArrayList<>(terms(query));
        if (terms.isEmpty()) return List.of();
        terms.sort(Comparator.comparingInt(String::length).reversed());
        Map<Long, Match> matches = new HashMap<>();
        try (PreparedStatement exact = connection.prepareStatement(
                "SELECT id, token, listed_ms FROM search_token WHERE token = ?");
             PreparedStatement prefix = connection.prepareStatement(
                     "SELECT id, token, listed_ms FROM search_token WHERE token >= ? AND token < ?")) {
            for (int t = 0; t < terms.size(); t++) {
                String term = terms.get(t);
                PreparedStatement select = isPrefix(term) ? prefix : exact;
                select.setString(1, term);
                if (isPrefix(term)) select.setString(2, successor(term));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        long row = id >>> ROW_SHIFT;
                        Match match = t == 0 ? matches.computeIfAbsent(row, r -> new Match(r)) : matches.get(row);
                        if (match == null) continue;
                        int score = (int) ((id >>> WEIGHT_SHIFT) & 15) * 2 + (term.equals(rows.getString(2)) ? 1 : 0);
                        match.add(t, score, rows.getLong(3));
                    }
                }
                final int matchedAll = t;
                matches.values().removeIf(m -> m.term != matchedAll);
                if (matches.isEmpty()) return List.of();
            }
        }
        return top(matches.values(), offset, limit);
    }

    /** The rows of the best {@code offset + limit} matches, best first, without sorting them all. */
    private static List<Long> top(Collection<Match> matches, int offset, int limit) {
        int k = offset + limit;
        PriorityQueue<Match> best = new PriorityQueue<>(k + 1, Match.BEST_FIRST.reversed());
        for (Match match : matches) {
            best.add(match);
            if (best.size() > k) best.poll();
        }
        List<Match> sorted = new ArrayList<>(best);
        sorted.sort(Match.BEST_FIRST);
        List<Long> rows = new ArrayList<>(limit);
        for (int i = offset; i < sorted.size(); i++) rows.add(sorted.get(i).row);
        return rows;
    }

    /** A video matching every term so far: its score sums each term's best hit. */
    private static final class Match {
        static final Comparator<Match> BEST_FIRST = Comparator.<Match>comparingInt(m -> m.score).reversed()
                .thenComparing(Comparator.<Match>comparingLong(m -> m.listedMs).reversed())
                .thenComparing(Comparator.<Match>comparingLong(m -> m.row).reversed());
        final long row;
        long listedMs;
        int term = -1;
        int termBest;
        int score;

        Match(long row) {
            this.row = row;
        }

        void add(int term, int hit, long listedMs) {
            this.listedMs = listedMs;
            if (this.term != term) {
                this.term = term;
                termBest = hit;
                score += hit;
            } else if (hit > termBest) {
                score += hit - termBest;
                termBest = hit;
            }
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
