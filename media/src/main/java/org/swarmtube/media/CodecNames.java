package org.swarmtube.media;

import java.util.Locale;
import java.util.Map;

/**
 * Turns libvlc's four-letter codec codes into the lower-case names people and other tools (ffprobe)
 * use, so the catalog does not store VLC-specific spellings such as {@code VP90} or {@code mp4a}.
 */
final class CodecNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("h264", "h264"),
            Map.entry("hevc", "hevc"),
            Map.entry("VP90", "vp9"),
            Map.entry("VP80", "vp8"),
            Map.entry("av01", "av1"),
            Map.entry("mp4v", "mpeg4"),
            Map.entry("mpgv", "mpeg2video"),
            Map.entry("theo", "theora"),
            Map.entry("MJPG", "mjpeg"),
            Map.entry("WVC1", "vc1"),
            Map.entry("mp4a", "aac"),
            Map.entry("Opus", "opus"),
            Map.entry("vorb", "vorbis"),
            // libvlc 3 labels all MPEG-1/2 audio layers 'mpga'; in video files that is nearly always MP3.
            Map.entry("mpga", "mp3"),
            Map.entry("mp3", "mp3"),
            Map.entry("flac", "flac"),
            Map.entry("a52", "ac3"),
            Map.entry("eac3", "eac3"),
            Map.entry("dts", "dts"),
            Map.entry("alac", "alac"),
            Map.entry("s16l", "pcm"),
            Map.entry("s16b", "pcm"),
            Map.entry("s24l", "pcm"),
            Map.entry("s32l", "pcm"),
            Map.entry("f32l", "pcm"),
            Map.entry("u8", "pcm"),
            Map.entry("araw", "pcm"));

    private CodecNames() {
    }

    /** @param vlcCode vlcj's {@code TrackInfo.codecName()}, already trimmed; may be null */
    static String of(String vlcCode) {
        if (vlcCode == null || vlcCode.isBlank()) {
            return "unknown";
        }
        return NAMES.getOrDefault(vlcCode, vlcCode.toLowerCase(Locale.ROOT));
    }
}
