package org.swarmtube.media.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clock with made-up picture and report times: 25 fps, pictures every 40 ms. */
class FrameClockTest {
    private static final long MS = 1_000_000;
    private FrameClock clock;
    private long now;

    @BeforeEach
    void twentyFiveFramesPerSecond() {
        clock = new FrameClock();
        clock.frameRate(25);
        now = System.nanoTime();
    }

    private long picture() {
        now += 40 * MS;
        return clock.nextPicture(now);
    }

    @Test
    void asksLibvlcForHalfAFrameLaterAndLabelsTheFirstPictureWithTheTimeAsked() {
        assertThat(clock.expect(7840)).isEqualTo(7860);
        assertThat(picture()).isEqualTo(7840);
        assertThat(picture()).isEqualTo(7880);
        assertThat(picture()).isEqualTo(7920);
    }

    @Test
    void countsThroughAPauseWithoutReports() {
        clock.expect(1000);
        picture();
        picture();
        clock.reported(1050, now + 10 * MS);
        clock.paused();
        now += 5_000 * MS; // five seconds paused
        assertThat(picture()).isEqualTo(1080);
    }

    @Test
    void aReportLongBeforeAPictureIsIgnored() {
        clock.expect(1000);
        picture();
        clock.reported(1010, now + 10 * MS);
        now += 3_000 * MS; // a stall, no pause event
        assertThat(picture()).isEqualTo(1040);
    }

    @Test
    void aReportAheadOfTheCountCorrectsItAtOnce() {
        clock.expect(5000);
        picture(); // libvlc actually showed 5040 first
        clock.reported(5070, now + 10 * MS);
        assertThat(picture()).isEqualTo(5120);
    }

    @Test
    void aReportBehindTheCountNeedsASecondOneLongAfterASeek() {
        clock.expect(5000);
        now += FrameClock.SETTLE_NANOS;
        picture(); // labelled 5000, really 4960
        clock.reported(4965, now + 5 * MS);
        assertThat(picture()).as("one late report could be just late").isEqualTo(5040);
        clock.reported(5005, now + 5 * MS);
        assertThat(picture()).as("a second one agrees").isEqualTo(5040);
        assertThat(picture()).isEqualTo(5080);
    }

    @Test
    void aReportBehindTheCountJustAfterASeekCorrectsIt() {
        clock.expect(12000);
        picture(); // really an old picture from before the seek
        picture(); // the first from 12 s
        clock.reported(12000, now + 1 * MS);
        assertThat(picture()).isEqualTo(12040);
    }

    @Test
    void aFarReportWins() {
        clock.expect(0);
        picture();
        clock.reported(9000, now + 1 * MS);
        assertThat(picture()).isEqualTo(9040);
    }

    @Test
    void withoutAKnownFrameRateTimesAreNotRounded() {
        FrameClock unknown = new FrameClock();
        unknown.frameRate(0);
        unknown.expect(1001);
        assertThat(unknown.nextPicture(now)).isEqualTo(1001);
        assertThat(unknown.nextPicture(now + 40 * MS)).isEqualTo(1041);
    }

    @Test
    void ntscRatesStayOnTheirGrid() {
        clock.frameRate(30000 / 1001.0);
        clock.expect(0);
        long last = 0;
        for (int i = 0; i < 3000; i++) {
            now += 33 * MS;
            last = clock.nextPicture(now);
        }
        assertThat(last).isEqualTo(Math.round(2999 * 1001 / 30.0) - 1); // frame 2999, truncated to the ms
    }
}
