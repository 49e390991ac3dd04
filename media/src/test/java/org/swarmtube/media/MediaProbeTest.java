package org.swarmtube.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.swarmtube.media.NotAVideoException.Reason;

class MediaProbeTest {
    private static MediaProbe probe;

    @BeforeAll
    static void open() {
        probe = new MediaProbe();
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    void readsH264InMp4() throws Exception {
        MediaInfo info = probe.probe(TestClips.h264Mp4());

        assertThat(info.duration().toMillis()).isCloseTo(4000L, within(200L));
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(360);
        assertThat(info.pixelAspectRatio()).isEqualTo(1.0);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.audioCodec()).contains("aac");
        assertThat(info.container()).isEqualTo("mp4");
    }

    @Test
    void readsFastStartMp4() throws Exception {
        MediaInfo info = probe.probe(TestClips.h264FastStartMp4());

        assertThat(info.duration().toMillis()).isCloseTo(4000L, within(200L));
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.container()).isEqualTo("mp4");
    }

    @Test
    void readsVp9InWebm() throws Exception {
        MediaInfo info = probe.probe(TestClips.vp9Webm());

        assertThat(info.duration().toMillis()).isCloseTo(3000L, within(200L));
        assertThat(info.width()).isEqualTo(320);
        assertThat(info.height()).isEqualTo(240);
        assertThat(info.videoCodec()).isEqualTo("vp9");
        assertThat(info.audioCodec()).contains("opus");
        assertThat(info.container()).isEqualTo("webm");
    }

    @Test
    void readsMpeg4InMatroskaWithAnAccentedName() throws Exception {
        MediaInfo info = probe.probe(TestClips.mpeg4Mkv());

        assertThat(info.duration().toMillis()).isCloseTo(3000L, within(200L));
        assertThat(info.width()).isEqualTo(352);
        assertThat(info.height()).isEqualTo(288);
        assertThat(info.videoCodec()).isEqualTo("mpeg4");
        assertThat(info.audioCodec()).contains("opus");
        assertThat(info.container()).isEqualTo("matroska");
    }

    @Test
    void silentVideoHasNoAudioCodec() throws Exception {
        MediaInfo info = probe.probe(TestClips.blackStart());

        assertThat(info.duration().toMillis()).isCloseTo(4000L, within(200L));
        assertThat(info.width()).isEqualTo(320);
        assertThat(info.height()).isEqualTo(180);
        assertThat(info.audioCodec()).isEmpty();
    }

    @Test
    void readsNonSquarePixels() throws Exception {
        MediaInfo info = probe.probe(TestClips.anamorphic());

        assertThat(info.width()).isEqualTo(480);
        assertThat(info.height()).isEqualTo(360);
        assertThat(info.pixelAspectRatio()).isCloseTo(4.0 / 3, within(0.001));
        assertThat(info.displayWidth()).isEqualTo(640);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("text renamed .mp4", TestClips::textAsMp4, Reason.UNRECOGNISED, "contains text"),
                bad("random bytes", MediaProbeTest::randomBytes, Reason.UNRECOGNISED, "not in a video format"),
                bad("truncated MP4, moov at the end", () -> TestClips.firstHalfOf(TestClips.h264Mp4(), "half.mp4"),
                        Reason.TRUNCATED, "incomplete"),
                bad("truncated MP4, moov first", () -> TestClips.firstHalfOf(TestClips.h264FastStartMp4(), "half faststart.mp4"),
                        Reason.TRUNCATED, "incomplete"),
                bad("truncated WebM", () -> TestClips.firstHalfOf(TestClips.vp9Webm(), "half.webm"),
                        Reason.TRUNCATED, "incomplete"),
                bad("PNG", TestClips::png, Reason.IMAGE, "PNG image"),
                bad("JPEG", TestClips::jpeg, Reason.IMAGE, "JPEG image"),
                bad("Vorbis in Ogg", TestClips::vorbisOgg, Reason.AUDIO_ONLY, "only sound (vorbis)"),
                bad("PCM in WAV", TestClips::pcmWav, Reason.AUDIO_ONLY, "only sound (pcm)"),
                bad("empty file", TestClips::empty, Reason.EMPTY, "is empty"),
                bad("missing file", TestClips::missing, Reason.MISSING, "does not exist"),
                bad("folder", TestClips::dir, Reason.MISSING, "is a folder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsWithASentenceNamingTheReason(String label, Supplier<Path> input, Reason reason, String words) {
        Path file = input.get();

        assertThatThrownBy(() -> probe.probe(file))
                .isInstanceOfSatisfying(NotAVideoException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.getMessage())
                            .contains("“" + file.getFileName() + "”")
                            .contains(words)
                            .matches("^[A-Z“].*[.]$");
                });
    }

    private static Arguments bad(String label, Supplier<Path> input, Reason reason, String words) {
        return Arguments.of(label, input, reason, words);
    }

    private static Path randomBytes() {
        try {
            byte[] bytes = new byte[64 * 1024];
            new Random(42).nextBytes(bytes);
            Path file = TestClips.dir().resolve("random.mp4");
            Files.write(file, bytes);
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
