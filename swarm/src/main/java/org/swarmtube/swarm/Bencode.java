package org.swarmtube.swarm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencoding for the few DHT messages Swarmtube speaks itself. Strings decode to {@code byte[]}
 * (DHT tokens, ids and signatures are binary); dictionaries to maps with string keys.
 */
final class Bencode {
    /** Bytes that are already bencoded, inserted as they are (a BEP 44 value must keep its bytes). */
    record Raw(byte[] bytes) {
    }

    /** Thrown for input that is not bencoding; a peer sent garbage. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    private static final int MAX_DEPTH = 32;

    private Bencode() {
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value instanceof Raw raw) {
            out.writeBytes(raw.bytes());
        } else if (value instanceof byte[] bytes) {
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        } else if (value instanceof String s) {
            write(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Long || value instanceof Integer) {
            out.writeBytes(("i" + value + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof List<?> list) {
            out.write('l');
            for (Object item : list) write(out, item);
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            // keys sorted as raw bytes; ASCII keys sort the same as strings
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            out.write('d');
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + (value == null ? "null" : value.getClass()));
        }
    }

    static Object decode(byte[] data) throws MalformedException {
        int[] pos = {0};
        Object value = read(data, pos, 0);
        if (pos[0] != data.length) throw new MalformedException("trailing bytes after the value");
        return value;
    }

    /** The extent of the first complete value at {@code start}, to keep a value's exact bytes. */
    static byte[] rawValueAt(byte[] data, int start) throws MalformedException {
        int[] pos = {start};
        read(data, pos, 0);
        return Arrays.copyOfRange(data, start, pos[0]);
    }

    private static Object read(byte[] d, int[] pos, int depth) throws MalformedException {
        if (depth > MAX_DEPTH) throw new MalformedException("nested too deep");
        if (pos[0] >= d.length) throw new MalformedException("truncated");
        byte c = d[pos[0]];
        if (c == 'i') {
            int end = indexOf(d, (byte) 'e', pos[0] + 1);
            String digits = new String(d, pos[0] + 1, end - pos[0] - 1, StandardCharsets.US_ASCII);
            pos[0] = end + 1;
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new MalformedException("bad integer '" + digits + "'");
            }
        }
        if (c == 'l') {
            pos[0]++;
            List<Object> list = new ArrayList<>();
            while (peek(d, pos) != 'e') list.add(read(d, pos, depth + 1));
            pos[0]++;
            return list;
        }
        if (c == 'd') {
            pos[0]++;
            Map<String, Object> map = new LinkedHashMap<>();
            while (peek(d, pos) != 'e') {
                Object key = read(d, pos, depth + 1);
                if (!(key instanceof byte[] k)) throw new MalformedException("a dictionary key is not a string");
                map.put(new String(k, StandardCharsets.ISO_8859_1), read(d, pos, depth + 1));
            }
            pos[0]++;
            return map;
        }
        if (c >= '0' && c <= '9') {
            int colon = indexOf(d, (byte) ':', pos[0]);
            int length;
            try {
                length = Integer.parseInt(new String(d, pos[0], colon - pos[0], StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new MalformedException("bad string length");
            }
            if (length < 0 || colon + 1 + length > d.length) throw new MalformedException("string past the end");
            pos[0] = colon + 1 + length;
            return Arrays.copyOfRange(d, colon + 1, colon + 1 + length);
        }
        throw new MalformedException("unexpected byte " + (c & 0xff));
    }

    private static byte peek(byte[] d, int[] pos) throws MalformedException {
        if (pos[0] >= d.length) throw new MalformedException("truncated");
        return d[pos[0]];
    }

    private static int indexOf(byte[] d, byte b, int from) throws MalformedException {
        for (int i = from; i < d.length && i < from + 24; i++) if (d[i] == b) return i;
        throw new MalformedException("truncated");
    }
}
