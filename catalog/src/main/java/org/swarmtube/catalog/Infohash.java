package org.swarmtube.catalog;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of BitTorrent v1 infohashes as they appear in links and on the command line. */
public final class Infohash {
    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern BASE32 = Pattern.compile("[a-z2-7]{32}");

    private Infohash() {
    }

    /**
     * Returns the infohash as 40 lower-case hex digits; accepts hex in any case and the 32-digit
     * base32 form some magnet links use.
     *
     * @throws IllegalArgumentException if the text is neither form
     */
    public static String normalize(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (HEX40.matcher(t).matches()) return t;
        if (BASE32.matcher(t).matches()) return HexFormat.of().formatHex(base32Decode(t));
        throw new IllegalArgumentException("not an infohash (40 hex digits): " + text);
    }

    /** True if {@link #normalize(String)} would accept the text. */
    public static boolean isInfohash(String text) {
        if (text == null) return false;
        String t = text.trim().toLowerCase(Locale.ROOT);
        return HEX40.matcher(t).matches() || BASE32.matcher(t).matches();
    }

    private static byte[] base32Decode(String s) {
        byte[] out = new byte[20];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : s.toCharArray()) {
            int v = c >= 'a' ? c - 'a' : c - '2' + 26;
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

}
