package org.swarmtube.media;

import java.util.List;
import java.util.function.Supplier;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;

/**
 * Creates the headless libvlc instances used for probing and thumbnails, and holds the options the
 * player ({@code org.swarmtube.media.player}) starts its own instance with. Public only for that
 * package; not an API for the rest of the application.
 *
 * <p>libvlc is found by vlcj's default {@link NativeDiscovery}: on Debian its Linux strategy looks in
 * {@code /usr/lib/x86_64-linux-gnu} (and the other multiarch/lib64 directories), finds
 * {@code libvlc.so.5}, adds that directory to JNA's search path and points {@code VLC_PLUGIN_PATH} at
 * {@code vlc/plugins} below it. No extra strategy or {@code jna.library.path} is needed there.
 */
public final class Vlc {
    /**
     * Nothing may open a window, a sound device or the network, or read the user's VLC settings:
     * these instances run in services and tests without a display. Players that deliver pictures to
     * Java ask for libvlc's memory output themselves, which overrides {@code --vout}.
     */
    static final List<String> HEADLESS_OPTIONS = List.of(
            "--quiet",
            "--ignore-config",
            "--no-video-title-show",
            "--no-osd",
            "--no-spu",
            "--no-sub-autodetect-file",
            "--no-snapshot-preview",
            "--no-stats",
            "--no-metadata-network-access",
            "--vout=dummy",
            "--aout=dummy");

    /**
     * For the player's HTTP input (the node's stream server). libvlc reads HTTP through its prefetch
     * filter, whose default buffer (16 MiB, filled in one read) keeps the filter's thread blocked
     * on the server while the bytes a still-downloading file needs next are missing; a seek the
     * demuxer asks for meanwhile (an MP4's index at the end, then back to its start) waits until
     * those bytes come. With a small buffer the thread waits for room instead and seeks at once.
     * Local files do not go through the filter. Measured on loopback (docs/stream-first-frame.md):
     * first picture from another node's stream, median of 20, 0.226 s without, 0.157 s with.
     */
    public static final List<String> STREAM_INPUT_OPTIONS = List.of("--prefetch-buffer-size=64", "--prefetch-read-size=16384");

    private static final Object DISCOVERY = new Object();

    private Vlc() {
    }

    static MediaPlayerFactory newHeadlessFactory() {
        return serially(() -> {
            try {
                return new MediaPlayerFactory(new NativeDiscovery(), HEADLESS_OPTIONS.toArray(String[]::new));
            } catch (RuntimeException | LinkageError e) {
                throw startFailure(e);
            }
        });
    }

    /**
     * Runs {@code start}, which makes a libvlc instance, while no other thread makes one. vlcj's default
     * {@link NativeDiscovery} shares its strategies, and the {@code ServiceLoader} inside them, between
     * all instances: a thumbnailer and a player started at the same moment on two threads failed with
     * {@code NoSuchElementException} from that iterator (seen in the player demo).
     *
     * @param start makes the instance
     * @param <T>   what it returns
     * @return what {@code start} returned
     */
    public static <T> T serially(Supplier<T> start) {
        synchronized (DISCOVERY) {
            return start.get();
        }
    }

    /**
     * Options for a libvlc instance that plays to a person: the {@linkplain #HEADLESS_OPTIONS headless
     * ones} (pictures still go to Java through callbacks), with the system's sound output unless
     * {@code sound} is false, and the {@linkplain #STREAM_INPUT_OPTIONS stream input options}.
     *
     * @param sound whether libvlc may open the sound device
     * @return libvlc command-line options
     */
    public static List<String> playerOptions(boolean sound) {
        List<String> base = sound ? HEADLESS_OPTIONS.stream().filter(o -> !o.startsWith("--aout=")).toList() : HEADLESS_OPTIONS;
        return java.util.stream.Stream.concat(base.stream(), STREAM_INPUT_OPTIONS.stream()).toList();
    }

    /**
     * vlcj reports a missing library as {@code UnsatisfiedLinkError} and missing plugins as a bare
     * {@code RuntimeException}; neither tells an operator what to install.
     *
     * @param cause what starting libvlc threw
     * @return the exception to throw instead
     */
    public static IllegalStateException startFailure(Throwable cause) {
        return new IllegalStateException("libvlc could not be started; on Debian install the packages "
                + "libvlc5 and vlc-plugin-base (" + cause + ")", cause);
    }
}
