package org.swarmtube.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Video clips made at test time with Debian's ffmpeg (the app itself never runs ffmpeg). */
public final class TestClips {
    private TestClips() {
    }

    /**
     * An H.264/AAC MP4 with its index (moov) at the end, as cameras and plain ffmpeg write it, a
     * keyframe every second, and a moving test pattern.
     */
    public static Path mp4(Path file, int seconds, String bitrate) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/ffmpeg"))) {
            throw new AssertionError("ffmpeg is missing: run the README's test command, which installs it");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> command = List.of("/usr/bin/ffmpeg", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", bitrate,
                "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", file.toString());
        try (ChildProcess ffmpeg = ChildProcess.start(command, file.toAbsolutePath().getParent())) {
            int exit = ffmpeg.waitFor(Duration.ofSeconds(120));
            if (exit != 0) throw new AssertionError("ffmpeg failed: " + ffmpeg.stderr);
        }
        return file;
    }

    /**
     * Like {@link #mp4}, 640x360 at {@value FrameBarcode#FPS} fps, with the frame number burnt in as the
     * barcode {@link FrameBarcode} reads, and a keyframe every {@code keyframeSeconds} (a long interval
     * makes any corrupt picture after a stall last, so a test sees it).
     */
    public static Path frameCounterMp4(Path file, int seconds, String bitrate, int keyframeSeconds) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/ffmpeg"))) {
            throw new AssertionError("ffmpeg is missing: run the README's test command, which installs it");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder filter = new StringBuilder(String.format(Locale.ROOT,
                "drawbox=x=%d:y=%d:w=%d:h=%d:color=black:t=fill", FrameBarcode.X - 6, FrameBarcode.Y - 6,
                FrameBarcode.BITS * FrameBarcode.PITCH + 8, FrameBarcode.BOX + 12));
        for (int bit = 0; bit < FrameBarcode.BITS; bit++) {
            filter.append(String.format(Locale.ROOT,
                    ",drawbox=x=%d:y=%d:w=%d:h=%d:color=white:t=fill:enable='mod(floor(n/%d)\\,2)'",
                    FrameBarcode.X + bit * FrameBarcode.PITCH, FrameBarcode.Y, FrameBarcode.BOX, FrameBarcode.BOX, 1 << bit));
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/ffmpeg", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=" + FrameBarcode.FPS + ":duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds, "-vf", filter.toString(),
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", bitrate,
                "-g", String.valueOf(keyframeSeconds * FrameBarcode.FPS), "-keyint_min", String.valueOf(keyframeSeconds * FrameBarcode.FPS),
                "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", file.toString()));
        try (ChildProcess ffmpeg = ChildProcess.start(command, file.toAbsolutePath().getParent())) {
            int exit = ffmpeg.waitFor(Duration.ofSeconds(180));
            if (exit != 0) throw new AssertionError("ffmpeg failed: " + ffmpeg.stderr);
        }
        return file;
    }
}
