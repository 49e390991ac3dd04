package org.swarmtube.catalog.channel;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pack file: up to {@link CatalogLimits#MAX_RECORDS_PER_PACK} consecutive records, one per
 * line, at most {@link CatalogLimits#MAX_PACK_BYTES}. Only the last pack of a catalog takes new
 * records; the others keep their bytes (and so their BEP 52 file hash) unless a video in them is
 * unpublished. Immutable.
 */
final class Pack {
    private final List<CatalogRecord> records;
    private final byte[] bytes;
    private final String sha256;

    private Pack(List<CatalogRecord> records, byte[] bytes) {
        this.records = List.copyOf(records);
        this.bytes = bytes;
        this.sha256 = Sha256.hex(bytes);
    }

    static Pack of(List<CatalogRecord> records) {
        if (records.isEmpty() || records.size() > CatalogLimits.MAX_RECORDS_PER_PACK) {
            throw new IllegalArgumentException("a pack holds 1 to " + CatalogLimits.MAX_RECORDS_PER_PACK + " records");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (CatalogRecord record : records) out.writeBytes(record.line());
        if (out.size() > CatalogLimits.MAX_PACK_BYTES) {
            throw new IllegalArgumentException("a pack would be " + out.size() + " bytes, over the limit");
        }
        return new Pack(records, out.toByteArray());
    }

    /** Whether appending this record keeps the pack within both limits. */
    boolean hasRoomFor(CatalogRecord record) {
        return records.size() < CatalogLimits.MAX_RECORDS_PER_PACK
                && (long) bytes.length + record.line().length <= CatalogLimits.MAX_PACK_BYTES;
    }

    /** This pack with the records at the given positions replaced; numbering is unchanged. */
    Pack replacing(Map<Integer, CatalogRecord> byNumber) {
        List<CatalogRecord> out = new ArrayList<>(records.size());
        for (CatalogRecord record : records) out.add(byNumber.getOrDefault(record.n(), record));
        return of(out);
    }

    /**
     * Reads a pack file whose first record must be number {@code firstN}. The number of lines is
     * counted before any line is parsed, so an over-full pack costs one byte scan.
     */
    static Pack decode(byte[] bytes, int firstN, String name) throws CatalogException {
        if (bytes.length == 0) throw new CatalogException(name + " is empty");
        if (bytes.length > CatalogLimits.MAX_PACK_BYTES) {
            throw new CatalogException(name + " is " + bytes.length + " bytes, over the limit of "
                    + CatalogLimits.MAX_PACK_BYTES);
        }
        if (bytes[bytes.length - 1] != '\n') throw new CatalogException(name + " does not end with a line feed");
        int lines = 0;
        for (byte b : bytes) if (b == '\n') lines++;
        if (lines > CatalogLimits.MAX_RECORDS_PER_PACK) {
            throw new CatalogException(name + " holds " + lines + " records, more than the limit of "
                    + CatalogLimits.MAX_RECORDS_PER_PACK);
        }
        List<CatalogRecord> records = new ArrayList<>(lines);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') continue;
            if (i == start) throw new CatalogException(name + " has an empty line");
            records.add(RecordCodec.decode(bytes, start, i, firstN + records.size(), name));
            start = i + 1;
        }
        return new Pack(records, bytes.clone());
    }

    List<CatalogRecord> records() {
        return records;
    }

    int firstNumber() {
        return records.get(0).n();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    int size() {
        return bytes.length;
    }

    String sha256() {
        return sha256;
    }
}
