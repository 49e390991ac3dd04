package org.swarmtube.catalog;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.swarmtube.catalog.channel.CatalogEntry;

/**
 * A SHA-256 over everything a merged video row holds, including the channel name that goes into
 * its search tokens. A merge compares fingerprints to rewrite only the videos that changed: a new
 * version of a 1,000-video catalog usually adds one video, and rewriting the other 999 rows with
 * their tokens would make every poll cost as much as the first.
 */
final class EntryFingerprint {
    private EntryFingerprint() {
    }

    static byte[] of(CatalogEntry entry, String channelName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // every string is length-prefixed, so no two different entries serialize alike
            out.writeInt(1); // version of this layout: bump it to rewrite every row once
            writeString(out, channelName);
            writeString(out, entry.infohash());
            writeString(out, entry.title());
            writeString(out, entry.description());
            out.writeInt(entry.tags().size());
            for (String tag : entry.tags()) writeString(out, tag);
            out.writeLong(entry.duration().toMillis());
            out.writeInt(entry.width());
            out.writeInt(entry.height());
            out.writeLong(entry.sizeBytes());
            out.writeLong(entry.published().toEpochMilli());
            byte[] thumbnail = entry.thumbnail().map(j -> j.bytes()).orElse(new byte[0]);
            out.writeInt(thumbnail.length);
            out.write(thumbnail);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
