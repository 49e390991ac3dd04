package org.swarmtube.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Pieces of the sentences shown to people when a file is rejected or an operation is too slow. */
final class Wording {

    private Wording() {
    }

    /** The file's name in quotation marks; people know their files by name, not by path. */
    static String quoted(Path file) {
        Path name = file.getFileName();
        return "“" + (name == null ? file : name) + "”";
    }

    /** "a" or "an" for an upper-case format name such as PNG, JPEG or AVIF. */
    static String article(String word) {
        return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    /** Decimal units, as file managers show them. */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        if (bytes < 1_000_000) {
            return Math.round(bytes / 1e3) + " KB";
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds == Math.rint(seconds)
                ? (long) seconds + " s"
                : String.format(Locale.ROOT, "%.3f", seconds).replaceAll("0+$", "") + " s";
    }
}
