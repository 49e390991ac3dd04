package org.swarmtube.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How text becomes search tokens, the same way for what is indexed and for what is typed, so that
 * "Éte", "ete" and "ÉTÉ" meet.
 *
 * <p>Folding: compatibility decomposition (NFKD: ligatures and full-width forms become plain
 * letters), combining marks dropped (accents), lower case in the root locale, and the few Latin
 * letters that do not decompose spelled out (ß, æ, œ, ø, ł, đ, þ). A token is a run of letters and
 * digits, cut at {@link #MAX_TOKEN} characters. Han, Hiragana and Katakana are written without
 * spaces, so each of their characters is a token of its own: a query then finds videos holding all
 * its characters, a coarse but index-friendly stand-in for word segmentation.
 */
final class SearchText {
    /** Longest token kept; longer runs are cut, at indexing and at query time alike. */
    static final int MAX_TOKEN = 32;

    private SearchText() {
    }

    /** The tokens of {@code text} in order, duplicates included. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (!Character.isLetterOrDigit(cp)) {
                flush(token, out);
            } else if (isUnspaced(cp)) {
                flush(token, out);
                out.add(new String(Character.toChars(cp)));
            } else if (token.length() < MAX_TOKEN) {
                appendFolded(token, cp);
            }
        }
        flush(token, out);
        return out;
    }

    private static void appendFolded(StringBuilder token, int cp) {
        String spelled = switch (Character.toLowerCase(cp)) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            default -> null;
        };
        if (spelled != null) {
            token.append(spelled);
        } else {
            token.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
        }
        if (token.length() > MAX_TOKEN) {
            // never keep half of a surrogate pair: it has no UTF-8 form and would not compare sanely
            token.setLength(Character.isHighSurrogate(token.charAt(MAX_TOKEN - 1)) ? MAX_TOKEN - 1 : MAX_TOKEN);
        }
    }

    private static void flush(StringBuilder token, List<String> out) {
        if (token.length() > 0) {
            out.add(token.toString());
            token.setLength(0);
        }
    }

    /** Whether a token is a character of a script written without spaces (one token per character). */
    static boolean isUnspaced(String token) {
        return token.codePointCount(0, token.length()) == 1 && isUnspaced(token.codePointAt(0));
    }

    private static boolean isUnspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
