package org.swarmtube.app.desktop;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.channel.ChannelLink;

/**
 * What a pasted, dropped or handed-over text opens: a channel ({@code magnet:?xs=urn:btpk:…}), a single
 * video ({@code magnet:?xt=urn:btih:…}) or a {@code .torrent} file (a path or a {@code file://} URI).
 */
public final class Links {
    private Links() {
    }

    /** What a link names. */
    public sealed interface Target permits ChannelTarget, VideoTarget {
    }

    /** A channel; {@code link} keeps the peer hints it came with. */
    public record ChannelTarget(ChannelLink link) implements Target {
    }

    /** A single video. */
    public record VideoTarget(MagnetLink magnet) implements Target {
        /** The video's name from the link, or a neutral one. */
        public String title() {
            return magnet.displayName() == null || magnet.displayName().isBlank() ? "Video " + magnet.infohash().substring(0, 8)
                    : magnet.displayName();
        }
    }

    /**
     * Whether the command line should treat an argument as something to open rather than as a verb:
     * a magnet link, a {@code file:} URI or a {@code .torrent} path.
     */
    public static boolean looksLikeLink(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("magnet:") || t.startsWith("file:") || t.endsWith(".torrent");
    }

    /**
     * Reads a link. A {@code .torrent} file is read from disk: call it off the FX thread.
     *
     * @throws IllegalArgumentException with a sentence when the text names nothing this app can open
     */
    public static Target parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("there is no link to open");
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("magnet:")) {
            if (lower.contains("xs=urn:btpk:")) return new ChannelTarget(ChannelLink.parse(t));
            return new VideoTarget(MagnetLink.parse(t));
        }
        Path file;
        if (lower.startsWith("file:")) {
            try {
                file = Path.of(URI.create(t));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw new IllegalArgumentException("'" + Formats.shorten(t, 80) + "' is not a valid file address");
            }
        } else if (lower.endsWith(".torrent")) {
            file = Path.of(t);
        } else {
            throw new IllegalArgumentException("'" + Formats.shorten(t, 60) + "' is not a channel or video link;"
                    + " links start with 'magnet:?'");
        }
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
        try {
            return new VideoTarget(TorrentFile.read(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
