package org.swarmtube.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
}
