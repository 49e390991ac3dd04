package org.swarmtube.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Small media files made once per test JVM with the Debian {@code ffmpeg} command (libx264, libvpx,
 * libopus and libvorbis are all in Debian's build). Every picture is a test pattern, never black,
 * except the first second of {@link #blackStart()}. Public for the player's tests.
 */
public final class TestClips {
    /** Frames per second of {@link #frameCounter()}. */
    public static final int COUNTER_FPS = 25;
    /** Bits of the frame number in {@link #frameCounter()}'s barcode. */
    public static final int COUNTER_BITS = 12;
    /** Left edge of bit 0's box in {@link #frameCounter()}; bit k's box starts {@code k * COUNTER_PITCH} further right. */
    public static final int COUNTER_X = 12;
    /** Top edge of the barcode's boxes in {@link #frameCounter()}. */
    public static final int COUNTER_Y = 28;
    /** Distance between two barcode boxes. */
    public static final int COUNTER_PITCH = 24;
    /** Width and height of a barcode box. */
    public static final int COUNTER_BOX = 20;
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private static Path dir;

    private TestClips() {
    }

    /** 4 s, 640x360, H.264 + AAC in MP4, moov at the end (ffmpeg's default). */
    static Path h264Mp4() {
        return make("h264 aac.mp4", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /** The same as {@link #h264Mp4()} with the moov box first, as streaming sites publish MP4. */
    static Path h264FastStartMp4() {
        return make("faststart.mp4", "-i", h264Mp4().toString(), "-c", "copy", "-movflags", "+faststart");
    }

    /** 3 s, 320x240 (4:3), VP9 + Opus in WebM. */
    static Path vp9Webm() {
        return make("vp9 opus.webm", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=3",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k",
                "-c:a", "libopus", "-shortest");
    }

    /** 3 s, 352x288, MPEG-4 Part 2 + Opus in Matroska; a name with spaces and an accent. */
    static Path mpeg4Mkv() {
        return make("mandelbrot clip é.mkv", "-f", "lavfi", "-i", "mandelbrot=size=352x288:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440", "-t", "3",
                "-c:v", "mpeg4", "-q:v", "5", "-c:a", "libopus");
    }

    /** 4 s, 320x180, H.264 in MP4, no sound: 1 s of black, then the test pattern. */
    static Path blackStart() {
        return make("black start.mp4", "-f", "lavfi", "-i", "color=black:size=320x180:rate=25:duration=1",
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=3",
                "-filter_complex", "[0][1]concat=n=2:v=1:a=0",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }

    /** 2 s, 480x360 stored with pixels 4:3 wide (sample aspect ratio), so shown as 640x360. */
    static Path anamorphic() {
        return make("anamorphic.mp4", "-f", "lavfi", "-i", "testsrc2=size=480x360:rate=25:duration=2",
                "-vf", "setsar=4/3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }

    /**
     * 20 s, 640x360, 25 fps, H.264 (a keyframe every second) + AAC in MP4 with the moov box first (as
     * streamed), with the frame number burnt
     * in twice: as a barcode a test can read (a black strip near the top left; the box of bit k is
     * white when bit k of the frame number is set, see {@link #COUNTER_X} and the constants beside it)
     * and as digits a person can read, bottom right (only when the DejaVu fonts of Debian's
     * {@code fonts-dejavu-core} are installed).
     */
    public static Path frameCounter() {
        StringBuilder filter = new StringBuilder(String.format(Locale.ROOT,
                "drawbox=x=%d:y=%d:w=%d:h=%d:color=black:t=fill", COUNTER_X - 4, COUNTER_Y - 4,
                COUNTER_BITS * COUNTER_PITCH + 4, COUNTER_BOX + 8));
        for (int bit = 0; bit < COUNTER_BITS; bit++) {
            filter.append(String.format(Locale.ROOT,
                    ",drawbox=x=%d:y=%d:w=%d:h=%d:color=white:t=fill:enable='mod(floor(n/%d)\\,2)'",
                    COUNTER_X + bit * COUNTER_PITCH, COUNTER_Y, COUNTER_BOX, COUNTER_BOX, 1 << bit));
        }
        if (Files.isReadable(Path.of(FONT))) {
            filter.append(",drawtext=fontfile=").append(FONT).append(":text='%{n}':x=w-tw-16:y=h-th-16"
                    + ":fontsize=40:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8");
        }
        return make("frame counter.mp4", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=" + COUNTER_FPS + ":duration=20",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=20", "-vf", filter.toString(),
                "-c:v", "libx264", "-preset", "ultrafast", "-g", String.valueOf(COUNTER_FPS), "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest", "-movflags", "+faststart");
    }

    /**
     * Reads {@link #frameCounter()}'s barcode.
     *
     * @param argb a picture of the clip at its own size (640x360), as 0xAARRGGBB pixels row by row
     * @return the frame number shown
     */
    public static int readFrameCounter(int[] argb, int width) {
        int number = 0;
        int y = COUNTER_Y + COUNTER_BOX / 2;
        for (int bit = 0; bit < COUNTER_BITS; bit++) {
            int pixel = argb[y * width + COUNTER_X + bit * COUNTER_PITCH + COUNTER_BOX / 2];
            int luma = (((pixel >> 16) & 0xFF) + ((pixel >> 8) & 0xFF) + (pixel & 0xFF)) / 3;
            if (luma > 128) {
                number |= 1 << bit;
            }
        }
        return number;
    }

    static Path vorbisOgg() {
        return make("song.ogg", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "libvorbis");
    }

    static Path pcmWav() {
        return make("song.wav", "-f", "lavfi", "-i", "sine=frequency=440:duration=2");
    }

    static Path png() {
        return make("picture.png", "-f", "lavfi", "-i", "testsrc2=size=320x240", "-frames:v", "1");
    }

    static Path jpeg() {
        return make("photo.jpg", "-f", "lavfi", "-i", "testsrc2=size=320x240", "-frames:v", "1");
    }

    /** A text file named like a video. */
    static Path textAsMp4() {
        return write("notes.mp4", "Meeting notes\nThis is not a video.\n".getBytes(StandardCharsets.UTF_8));
    }

    static Path empty() {
        return write("empty.mp4", new byte[0]);
    }

    /** The first half of {@code source}, as an interrupted download leaves it. */
    static Path firstHalfOf(Path source, String name) {
        try {
            byte[] all = Files.readAllBytes(source);
            return write(name, java.util.Arrays.copyOf(all, all.length / 2));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path missing() {
        return dir().resolve("no such video.mp4");
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("swarmtube-media-test");
                Path created = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temp directory
        }
    }

    private static synchronized Path write(String name, byte[] bytes) {
        Path file = dir().resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.write(file, bytes);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static synchronized Path make(String name, String... ffmpegArgs) {
        Path file = dir().resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"));
        command.addAll(List.of(ffmpegArgs));
        command.add(file.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg took over 60 s for " + name);
            }
            if (process.exitValue() != 0) {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                Files.deleteIfExists(file);
                throw new IllegalStateException("ffmpeg failed for " + name + ": " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the tests need the ffmpeg command (Debian package ffmpeg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return file;
    }
}
