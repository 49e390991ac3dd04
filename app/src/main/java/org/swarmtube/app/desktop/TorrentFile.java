package org.swarmtube.app.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.swarmtube.catalog.MagnetLink;

/**
 * Reads a {@code .torrent} file as far as opening it needs: the v1 infohash (SHA-1 of the bencoded
 * {@code info} dictionary), its name and its trackers. The rest arrives from peers as with a magnet link.
 */
final class TorrentFile {
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private final byte[] data;
    private int pos;

    private TorrentFile(byte[] data) {
        this.data = data;
    }

    static MagnetLink read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) throw new IOException("it is too large for a .torrent file");
        return parse(Files.readAllBytes(file));
    }

    static MagnetLink parse(byte[] bytes) throws IOException {
        TorrentFile t = new TorrentFile(bytes);
        try {
            if (t.peek() != 'd') throw new IOException("it is not a torrent file");
            t.pos++;
            String infohash = null;
            String name = "";
            List<String> trackers = new ArrayList<>();
            while (t.peek() != 'e') {
                String key = new String(t.string(), StandardCharsets.UTF_8);
                switch (key) {
                    case "info" -> {
                        int start = t.pos;
                        name = t.infoName();
                        infohash = HexFormat.of().formatHex(sha1(bytes, start, t.pos - start));
                    }
                    case "announce" -> trackers.add(new String(t.string(), StandardCharsets.UTF_8));
                    case "announce-list" -> {
                        t.pos++; // l
                        while (t.peek() != 'e') {
                            t.pos++; // l
                            while (t.peek() != 'e') {
                                String url = new String(t.string(), StandardCharsets.UTF_8);
                                if (!trackers.contains(url)) trackers.add(url);
                            }
                            t.pos++;
                        }
                        t.pos++;
                    }
                    default -> t.skip();
                }
            }
            if (infohash == null) throw new IOException("it is not a torrent file (no 'info')");
            return new MagnetLink(infohash, name, trackers, List.of(), List.of());
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IOException("it is not a well-formed torrent file");
        }
    }

    /** Skips the info dictionary, returning its name. */
    private String infoName() throws IOException {
        if (peek() != 'd') throw new IOException("its 'info' is not a dictionary");
        pos++;
        String name = "";
        while (peek() != 'e') {
            String key = new String(string(), StandardCharsets.UTF_8);
            if (key.equals("name") && Character.isDigit(peek())) name = new String(string(), StandardCharsets.UTF_8);
            else skip();
        }
        pos++;
        return name;
    }

    private char peek() {
        return (char) data[pos];
    }

    private byte[] string() throws IOException {
        int colon = pos;
        while (data[colon] != ':') colon++;
        int length = Integer.parseInt(new String(data, pos, colon - pos, StandardCharsets.US_ASCII));
        if (length < 0 || colon + 1 + length > data.length) throw new IOException("it is truncated");
        pos = colon + 1 + length;
        byte[] out = new byte[length];
        System.arraycopy(data, colon + 1, out, 0, length);
        return out;
    }

    private void skip() throws IOException {
        char c = peek();
        if (c == 'i') {
            while (data[pos] != 'e') pos++;
            pos++;
        } else if (c == 'l' || c == 'd') {
            pos++;
            while (peek() != 'e') skip();
            pos++;
        } else if (Character.isDigit(c)) {
            string();
        } else {
            throw new IOException("it is not a well-formed torrent file");
        }
    }

    private static byte[] sha1(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update(data, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
