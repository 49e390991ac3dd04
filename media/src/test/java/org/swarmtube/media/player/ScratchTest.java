package org.swarmtube.media.player;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.swarmtube.media.TestClips;
import org.swarmtube.media.Vlc;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

class ScratchTest {
    volatile long lastTime = -1, lastTimeNanos;
    volatile EmbeddedMediaPlayer player;
    final long t0 = System.nanoTime();
    double ms(long n) { return (n - t0) / 1e6; }

    @Test
    void explore() throws Exception {
        String clip = TestClips.frameCounter().toString();
        MediaPlayerFactory factory = new MediaPlayerFactory(new NativeDiscovery(), Vlc.playerOptions(false).toArray(String[]::new));
        player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        CountDownLatch done = new CountDownLatch(1);
        int[] px = new int[640 * 360];
        int[] count = {0};
        player.videoSurface().set(factory.videoSurfaces().newVideoSurface(new BufferFormatCallback() {
            public BufferFormat getBufferFormat(int w, int h) {
                System.out.println(ms(System.nanoTime()) + " format " + w + "x" + h + " tracks " + player.media().info().videoTracks());
                return new RV32BufferFormat(640, 360);
            }
            public void allocatedBuffers(ByteBuffer[] b) { }
        }, (MediaPlayer mp, ByteBuffer[] buffers, BufferFormat f) -> {
            long now = System.nanoTime();
            buffers[0].duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(px);
            int n = TestClips.readFrameCounter(px, 640);
            if (count[0]++ % 5 == 0 || count[0] < 5)
            System.out.printf("%8.1f frame %4d (%6d ms) vlcTime %6d age %6.1f  est %6.1f alpha %08x%n", ms(now), n, n * 40, lastTime, (now - lastTimeNanos) / 1e6,
                    lastTime + (now - lastTimeNanos) / 1e6, px[1000]);
        }, true));
        player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
            public void timeChanged(MediaPlayer mp, long t) { lastTime = t; lastTimeNanos = System.nanoTime(); System.out.println(ms(lastTimeNanos) + " time " + t); }
            public void playing(MediaPlayer mp) { System.out.println(ms(System.nanoTime()) + " playing"); }
            public void finished(MediaPlayer mp) { done.countDown(); }
        });
        System.out.println(ms(System.nanoTime()) + " play");
        player.media().play(clip, ":start-time=3");
        Thread.sleep(2000);
        System.out.println(ms(System.nanoTime()) + " seek to 12000");
        player.submit(() -> player.controls().setTime(12000));
        Thread.sleep(1500);
        System.out.println(ms(System.nanoTime()) + " pause");
        player.submit(() -> player.controls().setPause(true));
        Thread.sleep(500);
        System.out.println(ms(System.nanoTime()) + " resume; status " + player.status().time());
        player.submit(() -> player.controls().setPause(false));
        Thread.sleep(1000);
        player.controls().stop();
        player.release();
        factory.release();
    }
}
