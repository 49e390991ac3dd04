package org.swarmtube.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * What a file's first bytes say it is, read in plain Java before libvlc sees the file. libvlc does not
 * name the container it opened, plays still pictures as ten-second videos, and reports a file that was
 * cut short as simply "no tracks". The two common containers (MP4/MOV and Matroska/WebM) record their
 * own sizes, which tells a truncated download apart from a file that was never a video.
 */
final class FileSignature {
    enum Kind { CONTAINER, IMAGE, TEXT, UNKNOWN }

    /**
     * @param kind         what the bytes look like
     * @param format       container ({@code mp4}, {@code webm}, ...) or picture format ({@code PNG}, ...);
     *                     empty for text and unknown files
     * @param declaredSize the file's length according to its own structure, or -1 if it does not say;
     *                     larger than the real length means the file was cut short
     */
    record Signature(Kind kind, String format, long declaredSize) {
    }

    private static final int HEAD_BYTES = 4096;
    /** A fragmented MP4 of several hours has a few thousand top-level boxes; more means garbage. */
    private static final int MAX_MP4_BOXES = 100_000;
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "msf1");
    private static final Set<String> HEADERLESS_MOV_BOXES = Set.of("moov", "mdat", "wide", "free", "skip");

    private FileSignature() {
    }

    static Signature read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] head = new byte[(int) Math.min(HEAD_BYTES, size)];
            readFully(channel, ByteBuffer.wrap(head), 0);
            return identify(channel, head, size);
        }
    }

    private static Signature identify(FileChannel channel, byte[] head, long size) throws IOException {
        String image = imageFormat(head, size);
        if (image != null) {
            return new Signature(Kind.IMAGE, image, -1);
        }
        String box = ascii(head, 4, 4);
        if (box.equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (AVIF_BRANDS.contains(brand)) {
                return new Signature(Kind.IMAGE, "AVIF", -1);
            }
            if (HEIF_BRANDS.contains(brand)) {
                return new Signature(Kind.IMAGE, "HEIF", -1);
            }
            return new Signature(Kind.CONTAINER, brand.equals("qt  ") ? "mov" : "mp4", mp4Size(channel, size));
        }
        if (HEADERLESS_MOV_BOXES.contains(box)) {
            return new Signature(Kind.CONTAINER, "mov", mp4Size(channel, size));
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return matroska(head);
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("AVI ")) {
            return container("avi");
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WAVE")) {
            return container("wav");
        }
        if (ascii(head, 0, 4).equals("OggS")) {
            return container("ogg");
        }
        if (ascii(head, 0, 3).equals("FLV")) {
            return container("flv");
        }
        if (startsWith(head, 0, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)) {
            return container("asf");
        }
        // MPEG transport stream: a sync byte every 188 bytes. Three in a row rule out text starting with 'G'.
        if (head.length > 376 && head[0] == 0x47 && head[188] == 0x47 && head[376] == 0x47) {
            return container("mpegts");
        }
        if (startsWith(head, 0, 0x00, 0x00, 0x01, 0xBA)) {
            return container("mpeg-ps");
        }
        if (looksLikeText(head)) {
            return new Signature(Kind.TEXT, "", -1);
        }
        return new Signature(Kind.UNKNOWN, "", -1);
    }

    private static Signature container(String format) {
        return new Signature(Kind.CONTAINER, format, -1);
    }

    private static String imageFormat(byte[] head, long size) {
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "PNG";
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "JPEG";
        }
        if (ascii(head, 0, 4).equals("GIF8")) {
            return "GIF";
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return "WebP";
        }
        if (startsWith(head, 0, 'I', 'I', 0x2A, 0x00) || startsWith(head, 0, 'M', 'M', 0x00, 0x2A)) {
            return "TIFF";
        }
        // "BM" alone is too weak (a text file may start with it); a BMP also states its own length.
        if (ascii(head, 0, 2).equals("BM") && head.length >= 6
                && (ByteBuffer.wrap(head, 2, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL) == size) {
            return "BMP";
        }
        return null;
    }

    /** Walks the top-level boxes; each states its length, so the last one shows where the file should end. */
    private static long mp4Size(FileChannel channel, long size) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16);
        long offset = 0;
        for (int boxes = 0; offset + 8 <= size && boxes < MAX_MP4_BOXES; boxes++) {
            header.clear().limit((int) Math.min(16, size - offset));
            readFully(channel, header, offset);
            long boxSize = header.getInt(0) & 0xFFFFFFFFL;
            if (boxSize == 1) {
                if (header.limit() < 16) {
                    return offset + 16;
                }
                boxSize = header.getLong(8);
            } else if (boxSize == 0) {
                return -1; // "runs to the end of the file": nothing to compare with
            }
            if (boxSize < 8 || offset + boxSize < offset) {
                return -1; // not a box structure after all; let libvlc judge the file
            }
            offset += boxSize;
        }
        return offset;
    }

    /** EBML header (its DocType says webm or matroska), then the Segment element, whose size is the rest. */
    private static Signature matroska(byte[] head) {
        String docType = "matroska";
        int pos = 4;
        long[] headerSize = vint(head, pos, false);
        if (headerSize == null) {
            return new Signature(Kind.CONTAINER, docType, -1);
        }
        pos += (int) headerSize[1];
        long headerEnd = pos + headerSize[0];
        while (pos < headerEnd) {
            long[] id = vint(head, pos, true);
            long[] elementSize = id == null ? null : vint(head, pos + (int) id[1], false);
            if (elementSize == null || elementSize[0] < 0) {
                return new Signature(Kind.CONTAINER, docType, -1);
            }
            int data = pos + (int) id[1] + (int) elementSize[1];
            if (id[0] == 0x4282) {
                docType = ascii(head, data, (int) elementSize[0]);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, data + elementSize[0]);
        }
        String format = docType.equals("webm") ? "webm" : "matroska";
        long[] segmentId = vint(head, pos, true);
        if (segmentId == null || segmentId[0] != 0x18538067) {
            return new Signature(Kind.CONTAINER, format, -1);
        }
        long[] segmentSize = vint(head, pos + (int) segmentId[1], false);
        if (segmentSize == null || segmentSize[0] < 0) {
            return new Signature(Kind.CONTAINER, format, -1); // live streams write "unknown size"
        }
        return new Signature(Kind.CONTAINER, format, pos + segmentId[1] + segmentSize[1] + segmentSize[0]);
    }

    /**
     * Reads an EBML variable-length integer: the count of leading zero bits in the first byte gives its
     * length. IDs keep their marker bit, sizes drop it.
     *
     * @return {value (-1 for "unknown size"), length in bytes}, or null if it does not fit in {@code b}
     */
    private static long[] vint(byte[] b, int pos, boolean keepMarker) {
        if (pos < 0 || pos >= b.length || b[pos] == 0) {
            return null;
        }
        int length = Integer.numberOfLeadingZeros(b[pos] & 0xFF) - 23;
        if (pos + length > b.length) {
            return null;
        }
        long value = keepMarker ? b[pos] & 0xFF : b[pos] & (0xFF >> length);
        for (int i = 1; i < length; i++) {
            value = (value << 8) | (b[pos + i] & 0xFF);
        }
        boolean unknown = !keepMarker && value == (1L << (7 * length)) - 1;
        return new long[] {unknown ? -1 : value, length};
    }

    /** Text has no control characters other than tab, line breaks, form feed and escape. */
    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C && c != 0x1B;
            if (control || c == 0x7F) {
                return false;
            }
        }
        return head.length > 0;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int offset, int length) {
        if (offset < 0 || b.length < offset + length) {
            return "";
        }
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("file shrank while being read");
            }
            at += n;
        }
    }
}
