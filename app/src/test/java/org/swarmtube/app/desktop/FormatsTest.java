package org.swarmtube.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.swarmtube.swarm.TorrentStatus;

class FormatsTest {
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @Test
    void durationsReadAsAClock() {
        assertThat(Formats.duration(Duration.ZERO)).isEmpty();
        assertThat(Formats.duration(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(Formats.duration(Duration.ofSeconds(754))).isEqualTo("12:34");
        assertThat(Formats.duration(Duration.ofSeconds(3 * 3600 + 5 * 60 + 9))).isEqualTo("3:05:09");
    }

    @Test
    void agesUseTheLargestWholeUnit() {
        assertThat(Formats.age(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
        assertThat(Formats.age(NOW.minusSeconds(60), NOW)).isEqualTo("1 minute ago");
        assertThat(Formats.age(NOW.minusSeconds(3 * 3600 + 100), NOW)).isEqualTo("3 hours ago");
        assertThat(Formats.age(NOW.minus(Duration.ofDays(2)), NOW)).isEqualTo("2 days ago");
        assertThat(Formats.age(NOW.minus(Duration.ofDays(15)), NOW)).isEqualTo("2 weeks ago");
        assertThat(Formats.age(NOW.minus(Duration.ofDays(70)), NOW)).isEqualTo("2 months ago");
        assertThat(Formats.age(NOW.minus(Duration.ofDays(800)), NOW)).isEqualTo("2 years ago");
        assertThat(Formats.age(NOW.plusSeconds(3600), NOW)).as("a date in the future").isEqualTo("just now");
    }

    @Test
    void sizesAreDecimal() {
        assertThat(Formats.bytes(950)).isEqualTo("950 B");
        assertThat(Formats.bytes(1_500)).isEqualTo("1.5 KB");
        assertThat(Formats.bytes(14_200_000)).isEqualTo("14 MB");
        assertThat(Formats.bytes(2_340_000_000L)).isEqualTo("2.3 GB");
    }

    @Test
    void seedingSaysWhatTheNodeKnows() {
        assertThat(Formats.seeding(null).health()).isEqualTo(Formats.Health.UNKNOWN);
        assertThat(Formats.seeding(status(1.0, 100, 3, 0, -1)).text()).isEqualTo("seeded here · 3 peers");
        assertThat(Formats.seeding(status(1.0, 100, 0, 0, -1)).text()).isEqualTo("seeded from here");
        assertThat(Formats.seeding(status(0.4, 40, 2, 2, 1.4))).isEqualTo(new Formats.Seeding(Formats.Health.GOOD, "2 seeds · 40% here"));
        assertThat(Formats.seeding(status(0.0, 0, 3, 0, 1.5)).health()).isEqualTo(Formats.Health.GOOD);
        assertThat(Formats.seeding(status(0.1, 10, 2, 0, 0.5)).health()).isEqualTo(Formats.Health.WEAK);
        assertThat(Formats.seeding(status(0.0, 0, 0, 0, 0)).text()).isEqualTo("no seed online");
    }

    private static TorrentStatus status(double progress, long done, int peers, int seeds, double copies) {
        return new TorrentStatus("a".repeat(40), "v.mp4", TorrentStatus.State.DOWNLOADING, progress, 100, done, peers, seeds,
                copies, 0, 0, 0, 0, "/tmp/v.mp4", "");
    }

    @Test
    void aFileNameBecomesATitle() {
        assertThat(Formats.titleFromFileName("harbour_at-dawn.mp4")).isEqualTo("Harbour at dawn");
        assertThat(Formats.titleFromFileName("Holiday.2023.final.mkv")).isEqualTo("Holiday 2023 final");
        assertThat(Formats.titleFromFileName("x-ray - part 2.webm")).isEqualTo("X ray - part 2");
        assertThat(Formats.titleFromFileName(".hidden")).isEqualTo("Hidden");
    }

    @Test
    void sentencesNeverShowStackTraces() {
        assertThat(Sentences.of(new IllegalArgumentException("the link is empty"))).isEqualTo("The link is empty.");
        assertThat(Sentences.clause(new java.util.concurrent.CompletionException(new IllegalStateException("Timed out."))))
                .isEqualTo("timed out");
        assertThat(Sentences.of(new NullPointerException())).isEqualTo("Something went wrong (NullPointerException).");
    }
}
