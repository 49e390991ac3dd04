package org.swarmtube.app.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.swarmtube.app.Library;
import org.swarmtube.swarm.TorrentStatus;

class LibraryModelTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String IH = "0123456789abcdef0123456789abcdef01234567";

    private static TorrentStatus status(TorrentStatus.State state, double progress, long size, int peers, int seeds,
                                        long down, long up) {
        return new TorrentStatus(IH, "holiday.mp4", state, progress, size, (long) (progress * size), peers, seeds, 1.0,
                down, up, 0, 0, "/home/me/Videos/holiday.mp4", "");
    }

    private static Library.Item item(Library.Kind kind, TorrentStatus status, boolean kept, Instant watched) {
        return new Library.Item(status, "Holiday", kind, kept, Optional.ofNullable(watched), false);
    }

    @Test
    void aDownloadingVideoReadsAsFigures() {
        LibraryModel.Line line = LibraryModel.line(item(Library.Kind.WATCHED,
                status(TorrentStatus.State.DOWNLOADING, 0.4213, 15_600_000, 3, 1, 1_250_000, 0), false,
                NOW.minusSeconds(300)), NOW);
        assertThat(line.title()).isEqualTo("Holiday");
        assertThat(line.kindText()).isEqualTo("Watched");
        assertThat(line.sizeText()).isEqualTo("15.6 MB");
        assertThat(line.progressText()).isEqualTo("42 %");
        assertThat(line.statusText()).isEqualTo("Downloading");
        assertThat(line.downText()).isEqualTo("1.3 MB/s");
        assertThat(line.upText()).isEqualTo("–");
        assertThat(line.peersText()).isEqualTo("3 (1 seed)");
        assertThat(line.lastWatchedText()).isEqualTo("5 min ago");
        assertThat(line.pinned()).isFalse();
        assertThat(line.withStatus("Removing…").statusText()).isEqualTo("Removing…");
    }

    @Test
    void keptAndPublishedVideosArePinned() {
        LibraryModel.Line kept = LibraryModel.line(item(Library.Kind.WATCHED,
                status(TorrentStatus.State.SEEDING, 1, 1000, 0, 0, 0, 0), true, null), NOW);
        assertThat(kept.kindText()).isEqualTo("Watched · kept");
        assertThat(kept.pinned()).isTrue();
        assertThat(kept.lastWatchedText()).isEqualTo("never");
        LibraryModel.Line mine = LibraryModel.line(item(Library.Kind.PUBLISHED,
                status(TorrentStatus.State.PAUSED, 1, 1000, 0, 0, 0, 0), false, null), NOW);
        assertThat(mine.kindText()).isEqualTo("My video");
        assertThat(mine.pinned()).isTrue();
        assertThat(mine.paused()).isTrue();
    }

    @Test
    void removingAsksDifferentlyForTheLibrarysCopyAndTheViewersOwnFile() {
        LibraryModel.RemovePrompt watched = LibraryModel.prompt(LibraryModel.line(item(Library.Kind.WATCHED,
                status(TorrentStatus.State.SEEDING, 1, 15_600_000, 0, 0, 0, 0), false, null), NOW));
        assertThat(watched.question()).isEqualTo("Remove “Holiday” from Swarmtube?");
        assertThat(watched.deleteLabel()).isEqualTo("Also delete the downloaded file (15.6 MB)");
        assertThat(watched.deleteByDefault()).isTrue();
        LibraryModel.RemovePrompt mine = LibraryModel.prompt(LibraryModel.line(item(Library.Kind.PUBLISHED,
                status(TorrentStatus.State.SEEDING, 1, 15_600_000, 0, 0, 0, 0), false, null), NOW));
        assertThat(mine.deleteLabel()).isEqualTo("Also delete your original file (15.6 MB): /home/me/Videos/holiday.mp4");
        assertThat(mine.deleteByDefault()).isFalse();
    }

    @Test
    void theSummaryAndTheQuotaInWords() {
        Library.Item a = item(Library.Kind.WATCHED, status(TorrentStatus.State.SEEDING, 1, 1000, 1, 0, 0, 2000), false, null);
        Library.Item b = item(Library.Kind.CHANNEL, status(TorrentStatus.State.DOWNLOADING, 0.5, 1000, 1, 0, 500, 0), false, null);
        Library.Item c = item(Library.Kind.WATCHED, status(TorrentStatus.State.SEEDING, 1, 1000, 1, 0, 9000, 0), false, null);
        Library.Snapshot s = new Library.Snapshot(List.of(a, b, c), 1_500_000_000L, 500_000_000L, 20_000_000_000L,
                List.of(new Library.Eviction(IH, "Old clip", 31_000_000, NOW.minusSeconds(120))));
        assertThat(LibraryModel.summary(s)).as("a seeding torrent's trailing download rate is left out").isEqualTo("2 videos · ↓ 500 B/s · ↑ 2.0 KB/s");
        assertThat(LibraryModel.quotaText(s)).isEqualTo("Downloaded videos use 1.5 GB (500 MB pinned) of 20.0 GB");
        assertThat(LibraryModel.quotaFraction(s)).isEqualTo(0.075);
        assertThat(LibraryModel.evictionNote(s, NOW)).contains("Removed “Old clip” (31.0 MB, 2 min ago) to stay within the storage quota.");
        assertThat(LibraryModel.evictionNote(s, NOW.plusSeconds(7200))).isEmpty();
    }

    @Test
    void numbersInWords() {
        assertThat(LibraryModel.bytes(999)).isEqualTo("999 B");
        assertThat(LibraryModel.bytes(999_960)).isEqualTo("1.0 MB");
        assertThat(LibraryModel.bytes(250_000_000)).isEqualTo("250 MB");
        assertThat(LibraryModel.percent(0.9999)).isEqualTo("99.9 %");
        assertThat(LibraryModel.percent(0.05)).isEqualTo("5.0 %");
        assertThat(LibraryModel.ago(NOW.minusSeconds(86_400 * 3), NOW)).isEqualTo("3 days ago");
        assertThat(LibraryModel.ago(NOW.minusSeconds(10), NOW)).isEqualTo("just now");
    }
}
