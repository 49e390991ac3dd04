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
 * into one native buffer and calls {@link #deliver} on its video output thread. Three Java buffers take
 * turns: the output thread copies into a spare one and hands it over as pending; the FX thread takes the
 * pending one and copies it into the {@code PixelBuffer} inside {@link PixelBuffer#updateBuffer}, as
 * JavaFX requires, so no picture is ever drawn half-written. The lock between them guards only the
 * exchange of buffers, never a copy, so neither thread waits for the other's copying. When the FX thread
 * falls behind, the pending picture is replaced, never queued.
 *
 * <p>libvlc shows the same picture again (about every 80 ms) while paused or starved; those repeats are
 * recognised by comparing the bytes with the last picture delivered (a vectorised compare that stops at
 * the first difference, so a new picture costs almost nothing) and are neither counted nor copied. A
 * video whose consecutive pictures are identical therefore counts only its first.
 */
final class VideoSurface {
    /** One picture's pixels and the media time they show. */
    private static final class Picture {
        final int width;
        final int height;
        final ByteBuffer pixels;
        long millis;

        Picture(int width, int height) {
            this.width = width;
            this.height = height;
            this.pixels = ByteBuffer.allocateDirect(width * height * 4);
        }

        boolean fits(int otherWidth, int otherHeight) {
            return width == otherWidth && height == otherHeight;
        }
    }

    private final ImageView view;
    private final FrameClock clock;
    private final LongConsumer onShown;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}: the newest picture not yet taken by the FX thread, and a free buffer. */
    private Picture pending;
    private Picture spare;

    /** Video output thread (the first two are set by FX-thread {@link #clear()} and any-thread {@link #expectNewPicture()} too). */
    private volatile Picture lastDelivered;
    private volatile boolean acceptRepeat;
    private volatile int width;
    private volatile int height;

    private final AtomicBoolean showScheduled = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong shown = new AtomicLong();
    private volatile long lastShownMillis = -1;
    private volatile long lastShownNanos = System.nanoTime();

    /** FX thread only. */
    private Picture onScreen;
    private PixelBuffer<ByteBuffer> pixelBuffer;
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
    void resize(int newWidth, int newHeight) {
        width = newWidth;
        height = newHeight;
        lastDelivered = null;
        synchronized (lock) {
            if (spare != null && !spare.fits(newWidth, newHeight)) {
                spare = null;
            }
        }
    }

    /** Video output thread: libvlc shows {@code picture} (valid only during this call). */
    void deliver(ByteBuffer picture) {
        int w = width;
        int h = height;
        int bytes = w * h * 4;
        if (bytes == 0 || picture.capacity() < bytes) {
            return;
        }
        ByteBuffer source = picture.duplicate().clear().limit(bytes);
        Picture last = lastDelivered;
        if (!acceptRepeat && last != null && last.fits(w, h) && last.pixels.duplicate().clear().mismatch(source) == -1) {
            return; // the same picture shown again
        }
        acceptRepeat = false;
        Picture target;
        synchronized (lock) {
            target = spare;
            spare = null;
        }
        if (target == null || !target.fits(w, h)) {
            target = new Picture(w, h);
        }
        target.pixels.clear().put(source);
        target.millis = clock.nextPicture(System.nanoTime());
        synchronized (lock) {
            if (pending != null && pending.fits(w, h)) {
                spare = pending; // never shown: the FX thread fell behind
            }
            pending = target;
        }
        lastDelivered = target;
        delivered.incrementAndGet();
        if (showScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::show);
        }
    }

    private void show() {
        showScheduled.set(false);
        Picture next;
        synchronized (lock) {
            next = pending;
            pending = null;
            if (next == null) {
                return;
            }
            if (onScreen != null && spare == null && onScreen.fits(next.width, next.height)) {
                spare = onScreen;
            }
        }
        onScreen = next;
        if (pixelBuffer == null || pixelBuffer.getWidth() != next.width || pixelBuffer.getHeight() != next.height) {
            front = ByteBuffer.allocateDirect(next.pixels.capacity());
            pixelBuffer = new PixelBuffer<>(next.width, next.height, front, PixelFormat.getByteBgraPreInstance());
            view.setImage(new WritableImage(pixelBuffer));
        }
        pixelBuffer.updateBuffer(buffer -> {
            front.clear().put(next.pixels.duplicate().clear());
            return null;
        });
        lastShownMillis = next.millis;
        lastShownNanos = System.nanoTime();
        shown.incrementAndGet();
        onShown.accept(next.millis);
    }

    /** FX thread: removes the picture (a different video is about to play). */
    void clear() {
        synchronized (lock) {
            pending = null;
        }
        lastDelivered = null;
        onScreen = null;
        pixelBuffer = null;
        front = null;
        view.setImage(null);
    }

    /**
     * Any thread: a start or a seek. The next picture counts as new even if it equals the one on screen
     * (a restart at the last picture shown begins with that very picture), and
     * {@link #sinceLastShownNanos()} counts from now until a picture is shown.
     */
    void expectNewPicture() {
        acceptRepeat = true;
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

    /** @return nanoseconds since the last new picture was put on screen, or since {@link #expectNewPicture()} */
    long sinceLastShownNanos() {
        return System.nanoTime() - lastShownNanos;
    }
}
