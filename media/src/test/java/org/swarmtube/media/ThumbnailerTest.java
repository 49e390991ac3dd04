package org.swarmtube.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.swarmtube.media.NotAVideoException.Reason;

class ThumbnailerTest {
    /** Test patterns measure 120-145; black measures ~0 even after JPEG compression. */
    private static final double BRIGHT = 40;
    private static Thumbnailer thumbnailer;

    @TempDir
    Path out;

    @BeforeAll
    static void open() {
        thumbnailer = new Thumbnailer();
    }

    @AfterAll
    static void close() {
        thumbnailer.close();
    }

    static Stream<Arguments> clips() {
        return Stream.of(
                Arguments.of("H.264 in MP4, 640x360", (Supplier<Path>) TestClips::h264Mp4, 640, 360),
                Arguments.of("VP9 in WebM, 320x240", (Supplier<Path>) TestClips::vp9Webm, 320, 240),
                Arguments.of("MPEG-4 in Matroska, 352x288", (Supplier<Path>) TestClips::mpeg4Mkv, 352, 288),
                Arguments.of("1 s of black first, 320x180", (Supplier<Path>) TestClips::blackStart, 320, 180),
                Arguments.of("480x360 with 4:3 pixels, shown 640x360", (Supplier<Path>) TestClips::anamorphic, 640, 360));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void writesABrightJpegThumbnailOfTheVideosShape(String label, Supplier<Path> clip, int width, int height)
            throws Exception {
        Path video = clip.get();
        Path jpeg = out.resolve("thumbs/thumbnail.jpg");

        long start = System.nanoTime();
        Thumbnail thumbnail = thumbnailer.writeThumbnail(video, jpeg);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("thumbnail of %s: %d ms, at %s%n", label, took.toMillis(), thumbnail.position());

        BufferedImage image = readJpeg(jpeg);
        assertThat(image.getWidth()).isEqualTo(Thumbnailer.THUMBNAIL_WIDTH).isEqualTo(thumbnail.width());
        assertThat(image.getHeight()).isEqualTo(thumbnail.height())
                .isCloseTo((int) Math.round(320.0 * height / width), within(1));
        assertThat(Luminance.mean(image)).isGreaterThan(BRIGHT);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(out.resolve("thumbs")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void passesOverTheBlackStart() throws Exception {
        Thumbnail thumbnail = thumbnailer.writeThumbnail(TestClips.blackStart(), out.resolve("t.jpg"));

        assertThat(thumbnail.position()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void stripTilesShowTheirOwnMoments() throws Exception {
        Path jpeg = out.resolve("strip.jpg");

        long start = System.nanoTime();
        PreviewStrip strip = thumbnailer.writePreviewStrip(TestClips.blackStart(), jpeg, 8);
        System.out.printf("strip of 8, black start: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        BufferedImage image = readJpeg(jpeg);
        assertThat(strip.tileWidth()).isEqualTo(Thumbnailer.TILE_WIDTH);
        assertThat(strip.tileHeight()).isEqualTo(90);
        assertThat(image.getWidth()).isEqualTo(8 * strip.tileWidth());
        assertThat(image.getHeight()).isEqualTo(strip.tileHeight());
        assertThat(strip.interval().toMillis()).isCloseTo(500L, within(20L));
        // Tiles 0 and 1 show 0.25 s and 0.75 s, inside the black second; the others show the pattern.
        for (int i = 0; i < 8; i++) {
            double luma = Luminance.mean(tile(image, strip, i));
            if (i < 2) {
                assertThat(luma).as("tile %d at %s", i, strip.timeOf(i)).isLessThan(Luminance.NEAR_BLACK);
            } else {
                assertThat(luma).as("tile %d at %s", i, strip.timeOf(i)).isGreaterThan(BRIGHT);
            }
        }
    }

    @Test
    void stripOfTenFromAnMp4HasDistinctBrightTiles() throws Exception {
        Path jpeg = out.resolve("strip.jpg");

        long start = System.nanoTime();
        PreviewStrip strip = thumbnailer.writePreviewStrip(TestClips.h264Mp4(), jpeg, 10);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("strip of 10, 640x360 H.264: %d ms%n", took.toMillis());

        BufferedImage image = readJpeg(jpeg);
        assertThat(image.getWidth()).isEqualTo(10 * Thumbnailer.TILE_WIDTH);
        assertThat(image.getHeight()).isEqualTo(90);
        for (int i = 0; i < 10; i++) {
            assertThat(Luminance.mean(tile(image, strip, i))).as("tile %d", i).isGreaterThan(BRIGHT);
        }
        for (int i = 1; i < 10; i++) {
            assertThat(meanDifference(tile(image, strip, i - 1), tile(image, strip, i)))
                    .as("tiles %d and %d differ", i - 1, i).isGreaterThan(1.0);
        }
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void rejectsWhatProbingRejectsAndWritesNothing() {
        Path jpeg = out.resolve("never.jpg");

        assertThatThrownBy(() -> thumbnailer.writeThumbnail(TestClips.vorbisOgg(), jpeg))
                .isInstanceOfSatisfying(NotAVideoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AUDIO_ONLY));
        assertThatThrownBy(() -> thumbnailer.writePreviewStrip(TestClips.png(), jpeg, 8))
                .isInstanceOfSatisfying(NotAVideoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IMAGE));
        assertThat(jpeg).doesNotExist();
    }

    @Test
    void givesUpAtTheTimeoutAndWritesNothing() {
        Path jpeg = out.resolve("late.jpg");

        try (Thumbnailer impatient = new Thumbnailer(Duration.ofMillis(1))) {
            assertThatThrownBy(() -> impatient.writeThumbnail(TestClips.h264Mp4(), jpeg))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("took longer than");
        }
        assertThat(jpeg).doesNotExist();
    }

    @Test
    void tileLookupClampsToTheStrip() {
        PreviewStrip strip = new PreviewStrip(Path.of("s.jpg"), 10, 160, 90, Duration.ofSeconds(6));

        assertThat(strip.tileAt(Duration.ZERO)).isZero();
        assertThat(strip.tileAt(Duration.ofSeconds(13))).isEqualTo(2);
        assertThat(strip.tileAt(Duration.ofHours(2))).isEqualTo(9);
        assertThat(strip.tileAt(Duration.ofSeconds(-1))).isZero();
        assertThat(strip.timeOf(2)).isEqualTo(Duration.ofSeconds(15));
    }

    private static BufferedImage readJpeg(Path jpeg) throws IOException {
        byte[] bytes = Files.readAllBytes(jpeg);
        assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        BufferedImage image = ImageIO.read(jpeg.toFile());
        assertThat(image).as("decodable JPEG").isNotNull();
        return image;
    }

    private static BufferedImage tile(BufferedImage sprite, PreviewStrip strip, int i) {
        return sprite.getSubimage(i * strip.tileWidth(), 0, strip.tileWidth(), strip.tileHeight());
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
