package org.swarmtube.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Colourful clips with a title card, for screenshots that look like a real channel (made with Debian's ffmpeg). */
final class ShowcaseClips {
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private ShowcaseClips() {
    }

    /** A 640x360 H.264/AAC clip: drifting colour gradients with {@code caption} in large type. */
    static Path clip(Path file, String caption, int seconds, int seed) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String text = caption.replace("\\", "").replace(":", "\\:").replace("'", "\u2019");
        String font = Files.exists(Path.of(FONT)) ? "fontfile=" + FONT + ":" : "";
        int size = Math.min(44, 880 / Math.max(1, caption.length()));
        String filter = String.format(Locale.ROOT, "drawtext=%stext='%s':fontsize=" + size + ":fontcolor=white:shadowcolor=black@0.6:"
                + "shadowx=3:shadowy=3:x=(w-text_w)/2:y=(h-text_h)/2", font, text);
        List<String> command = List.of("/usr/bin/ffmpeg", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "gradients=size=640x360:rate=25:speed=0.03:n=4:seed=" + seed + ":duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=" + (200 + seed * 20) + ":duration=" + seconds,
                "-vf", filter, "-c:v", "libx264", "-preset", "veryfast", "-b:v", "400k", "-maxrate", "400k", "-bufsize", "400k",
                "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", file.toString());
        run(command, file);
        return file;
    }

    /** A square JPEG avatar with initials. */
    static byte[] avatar(Path file, String initials, int seed) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String font = Files.exists(Path.of(FONT)) ? "fontfile=" + FONT + ":" : "";
        List<String> command = List.of("/usr/bin/ffmpeg", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "gradients=size=160x160:n=3:seed=" + seed,
                "-vf", "drawtext=" + font + "text='" + initials + "':fontsize=64:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2",
                "-frames:v", "1", "-q:v", "4", file.toString());
        run(command, file);
        return Files.readAllBytes(file);
    }

    private static void run(List<String> command, Path file) throws Exception {
        try (ChildProcess ffmpeg = ChildProcess.start(command, file.toAbsolutePath().getParent())) {
            int exit = ffmpeg.waitFor(Duration.ofSeconds(180));
            if (exit != 0) throw new AssertionError("ffmpeg failed: " + ffmpeg.stderr);
        }
    }
}
