package org.swarmtube.media.player;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Hands libvlc's pictures to an {@link ImageView} through a {@link PixelBuffer}, without vlcj types.
 *
 * <p>libvlc writes each picture (32-bit B,G,R,X with X = 255, which JavaFX reads as premultiplied BGRA)
 * into one native buffer on its video output thread. {@link #deliver} copies it into a back buffer; the
 * FX thread copies the newest back buffer into the {@code PixelBuffer} inside
 * {@link PixelBuffer#updateBuffer}, as JavaFX requires, so no picture is ever drawn half-written. When the
 * FX thread falls behind, pictures in between are skipped, never queued.
 *
 * <p>libvlc shows the same picture again (about every 80 ms) while paused or starved; those repeats are
 * recognised by comparing the bytes (a vectorised compare that stops at the first difference, so a new
 * picture costs almost nothing) and are neither counted nor copied. A video whose consecutive pictures are
 * identical therefore counts only its first.
 */
final class VideoSurface {
    private final ImageView view;
    private final FrameClock clock;
    private final LongConsumer onShown;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private ByteBuffer back;
    private int backWidth;
    private int backHeight;
    private boolean backHolds;
    private boolean backFresh;
    private long backMillis;

    private final AtomicBoolean showScheduled = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong shown = new AtomicLong();
    private volatile long lastShownMillis = -1;
    private volatile long lastShownNanos = System.nanoTime();

    /** FX thread only. */
    private PixelBuffer<ByteBuffer> pixels;
    private ByteBuffer front;

    /**
     * @param onShown called on the FX thread with the media time in milliseconds of each picture shown
     */
    VideoSurface(ImageView view, FrameClock clock, LongConsumer onShown) {
        this.view = view;
        this.clock = clock;
        this.onShown = onShown;
    }

    /** Video output thread: libvlc will deliver pictures of this size from now on. */
    void resize(int width, int height) {
        synchronized (lock) {
            if (back == null || width != backWidth || height != backHeight) {
                back = ByteBuffer.allocateDirect(width * height * 4);
                backWidth = width;
                backHeight = height;
                backHolds = false;
                backFresh = false;
            }
        }
    }

    /** Video output thread: libvlc shows {@code picture} (valid only during this call). */
    void deliver(ByteBuffer picture) {
        synchronized (lock) {
            if (back == null || picture.capacity() < back.capacity()) {
                return;
            }
            ByteBuffer source = picture.duplicate().clear().limit(back.capacity());
            if (backHolds && back.clear().mismatch(source) == -1) {
                return; // the same picture shown again
            }
            back.clear().put(source);
            backHolds = true;
            backFresh = true;
            backMillis = clock.nextPicture(System.nanoTime());
        }
        delivered.incrementAndGet();
        if (showScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::show);
        }
    }

    private void show() {
        showScheduled.set(false);
        long millis;
        synchronized (lock) {
            if (!backFresh) {
                return;
            }
            if (pixels == null || pixels.getWidth() != backWidth || pixels.getHeight() != backHeight) {
                front = ByteBuffer.allocateDirect(back.capacity());
                pixels = new PixelBuffer<>(backWidth, backHeight, front, PixelFormat.getByteBgraPreInstance());
                view.setImage(new WritableImage(pixels));
            }
            pixels.updateBuffer(buffer -> {
                front.clear().put(back.clear());
                return null;
            });
            backFresh = false;
            millis = backMillis;
        }
        lastShownMillis = millis;
        lastShownNanos = System.nanoTime();
        shown.incrementAndGet();
        onShown.accept(millis);
    }

    /** FX thread: removes the picture (a different video is about to play). */
    void clear() {
        synchronized (lock) {
            backHolds = false;
            backFresh = false;
        }
        pixels = null;
        front = null;
        view.setImage(null);
    }

    /** Any thread: a new start; {@link #sinceLastShownNanos()} counts from now until a picture is shown. */
    void restartWaiting() {
        lastShownNanos = System.nanoTime();
    }

    /** @return new pictures put on screen so far */
    long shown() {
        return shown.get();
    }

    /** @return new pictures libvlc delivered so far (some may have been skipped before reaching the screen) */
    long delivered() {
        return delivered.get();
    }

    /** @return media time in milliseconds of the picture on screen, or -1 if none yet */
    long lastShownMillis() {
        return lastShownMillis;
    }

    /** @return nanoseconds since the last new picture was put on screen, or since {@link #restartWaiting()} */
    long sinceLastShownNanos() {
        return System.nanoTime() - lastShownNanos;
    }
}
