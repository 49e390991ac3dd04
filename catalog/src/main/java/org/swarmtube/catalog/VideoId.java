package org.swarmtube.catalog;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The short, stable name of a video: 16 lower-case base32 characters derived from the first
 * 80 bits of the video torrent's v1 infohash. The same file published twice, or by two
 * channels, has the same id; an id never starts with '-', so it is safe on a command line.
 */
public final class VideoId {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern FORM = Pattern.compile("[a-z2-7]{16}");
    private final String value;

    private VideoId(String value) {
        this.value = value;
    }

    /** The id of the video whose torrent has this v1 infohash (40 hex digits). */
    public static VideoId ofInfohash(String infohashHex) {
        byte[] hash = HexFormat.of().parseHex(Infohash.normalize(infohashHex));
        StringBuilder out = new StringBuilder(16);
        // 10 bytes = 80 bits = exactly 16 base32 digits
        long hi = 0;
        for (int i = 0; i < 5; i++) hi = (hi << 8) | (hash[i] & 0xff);
        long lo = 0;
        for (int i = 5; i < 10; i++) lo = (lo << 8) | (hash[i] & 0xff);
        for (int shift = 35; shift >= 0; shift -= 5) out.append(ALPHABET[(int) ((hi >>> shift) & 31)]);
        for (int shift = 35; shift >= 0; shift -= 5) out.append(ALPHABET[(int) ((lo >>> shift) & 31)]);
        return new VideoId(out.toString());
    }

    /**
     * Parses an id as printed by {@link #toString()}.
     *
     * @throws IllegalArgumentException if the text is not 16 base32 characters
     */
    public static VideoId parse(String text) {
        String lower = Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT);
        if (!FORM.matcher(lower).matches()) {
            throw new IllegalArgumentException("not a video id (16 letters a-z and digits 2-7): " + text);
        }
        return new VideoId(lower);
    }

    /** True if the text has the form of a video id. */
    public static boolean looksLikeVideoId(String text) {
        return text != null && FORM.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
