package org.swarmtube.catalog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmtube.catalog.channel.Fixtures.ALICE;
import static org.swarmtube.catalog.channel.Fixtures.profile;
import static org.swarmtube.catalog.channel.Fixtures.video;
import static org.swarmtube.catalog.channel.Fixtures.videos;

import java.util.Arrays;
import java.util.SortedMap;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/**
 * What an update costs a subscriber who holds the previous version: the issue asks that adding
 * one video to a 1,000-video channel changes less than 10% of the catalog's bytes.
 *
 * <p>Two figures: whole changed files (what must be re-hashed; an upper bound on the transfer),
 * and changed 16 KiB blocks (BEP 52's leaf size: with v2 per-file hash trees a client re-uses
 * every unchanged block of an appended file, so this approximates the transfer; real pieces may
 * be larger than 16 KiB).
 */
class CatalogUpdateCostTest {
    private static final int BLOCK = 16 * 1024;
    /** Random bytes do not compress, like a real 320x180 JPEG thumbnail of this size. */
    private static final int THUMBNAIL = 16 * 1024;

    @Test
    void addingOneVideoToAThousandChangesUnderTenPercentOfTheBytes() throws Exception {
        SignedCatalog thousand = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 1000, THUMBNAIL));
        SignedCatalog next = thousand.withVideo(ALICE, video(1000, THUMBNAIL));
        Cost cost = Cost.of(CatalogLayout.toFiles(thousand), CatalogLayout.toFiles(next));
        cost.print("+1 video, 1,000 videos with 16 KiB thumbnails");

        assertThat(cost.changedFiles).containsExactly("head.json", FileNames.pack(next.packCount() - 1));
        assertThat(cost.fileFraction()).isLessThan(0.10);
        assertThat(cost.blockFraction()).isLessThan(0.01);

        SortedMap<String, byte[]> nextFiles = CatalogLayout.toFiles(next);
        SignedCatalog read = null;
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            read = CatalogLayout.fromFiles(nextFiles, ALICE.publicKey());
            System.out.printf("verify+parse of %d videos, %.1f MB, run %d: %d ms%n", read.videos().size(),
                    next.totalBytes() / 1e6, run, (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(read.videos()).hasSize(1001);
    }

    @Test
    void withoutThumbnailsTheTransferStaysSmallThoughTheOpenPackIsATenthOfTheCatalog() {
        SignedCatalog thousand = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 1000, 0));
        SignedCatalog next = thousand.withVideo(ALICE, video(1000, 0));
        Cost cost = Cost.of(CatalogLayout.toFiles(thousand), CatalogLayout.toFiles(next));
        cost.print("+1 video, 1,000 videos without thumbnails");
        assertThat(cost.changedFiles).hasSize(2);
        assertThat(cost.blockFraction()).isLessThan(0.10);
    }

    @Test
    void aFullLastPackIsLeftAloneAndANewPackStarted() {
        SignedCatalog full = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 128, 0));
        SignedCatalog next = full.withVideo(ALICE, video(128, 0));
        assertThat(full.packCount()).isEqualTo(1);
        assertThat(CatalogLayout.changedFiles(CatalogLayout.toFiles(full), CatalogLayout.toFiles(next)))
                .containsExactly("head.json", "packs/000001.jsonl");
    }

    @Test
    void unpublishingOneVideoRewritesOnlyThePackHoldingIt() {
        SignedCatalog before = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 1001, THUMBNAIL));
        SignedCatalog after = before.withoutVideo(ALICE, video(500, THUMBNAIL).videoId());
        Cost cost = Cost.of(CatalogLayout.toFiles(before), CatalogLayout.toFiles(after));
        cost.print("unpublish 1 video (record 500) of 1,001 with thumbnails");
        assertThat(cost.changedFiles).hasSize(2).contains("head.json");
        assertThat(after.totalBytes()).isLessThan(before.totalBytes());
    }

    /** Bytes a holder of {@code before} lacks for {@code after}. */
    private record Cost(SortedSet<String> changedFiles, long total, long changedBytes, long changedBlockBytes,
                        int files, int headBytes) {
        static Cost of(SortedMap<String, byte[]> before, SortedMap<String, byte[]> after) {
            SortedSet<String> changed = CatalogLayout.changedFiles(before, after);
            long total = after.values().stream().mapToLong(b -> b.length).sum();
            long changedBytes = 0;
            long blockBytes = 0;
            for (String name : changed) {
                byte[] now = after.get(name);
                byte[] old = before.getOrDefault(name, new byte[0]);
                changedBytes += now.length;
                for (int at = 0; at < now.length; at += BLOCK) {
                    int end = Math.min(now.length, at + BLOCK);
                    boolean same = end <= old.length && Arrays.equals(now, at, end, old, at, end)
                            && (end < now.length || end == old.length);
                    if (!same) blockBytes += end - at;
                }
            }
            return new Cost(changed, total, changedBytes, blockBytes, after.size(), after.get("head.json").length);
        }

        double fileFraction() {
            return (double) changedBytes / total;
        }

        double blockFraction() {
            return (double) changedBlockBytes / total;
        }

        void print(String what) {
            System.out.printf("%s: catalog %,d bytes in %d files (head %,d bytes); changed files %s = %,d bytes"
                            + " (%.2f%%); changed 16 KiB blocks %,d bytes (%.3f%%)%n", what, total, files, headBytes,
                    changedFiles, changedBytes, 100 * fileFraction(), changedBlockBytes, 100 * blockFraction());
        }
    }

}
