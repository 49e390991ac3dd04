package org.swarmtube.catalog.channel;

/**
 * Rules for text shown to people: titles, names, tags and descriptions. Peers choose this text,
 * so besides length it must not hold control characters (which can garble a terminal or a log
 * line) or half a UTF-16 character (which has no UTF-8 bytes and so no canonical form).
 */
final class Text {
    private Text() {
    }

    /**
     * A single line: stripped, not blank, at most {@code max} chars, no control characters.
     *
     * @throws IllegalArgumentException naming {@code what}
     */
    static String line(String what, String value, int max) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the " + what + " is empty");
        String v = value.strip();
        check(what, v, max, false);
        return v;
    }

    /**
     * Free text: line breaks normalised to {@code \n}, stripped, possibly empty, at most {@code max}
     * chars; tabs and line feeds are its only control characters.
     */
    static String block(String what, String value, int max) {
        if (value == null) return "";
        String v = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        check(what, v, max, true);
        return v;
    }

    private static void check(String what, String v, int max, boolean multiline) {
        if (v.length() > max) {
            throw new IllegalArgumentException("the " + what + " is longer than " + max + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the " + what + " contains half a character (an unpaired surrogate)");
            } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t'))) {
                throw new IllegalArgumentException("the " + what + " contains a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
    }
}
