package org.swarmtube.media.player;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.stage.Stage;
import org.swarmtube.media.VideoSource;
import org.swarmtube.media.BufferView;
import org.swarmtube.media.PreviewStrip;

/**
 * A video player for the desktop UI: the picture, kept in its shape and letterboxed in the space given,
 * with a control bar below it (play/pause, a seek slider with a {@link BufferBar} under it and preview
 * pictures on hover, elapsed and total time, volume and mute, full screen).
 *
 * <p>Keyboard, while the player has the focus: space (or {@code k}) plays/pauses, left/right seek 5 s
 * back/ahead, up/down change the volume, {@code f} toggles full screen, {@code m} mute. A click on the picture
 * plays/pauses, a double click toggles full screen.
 *
 * <p>Plays whatever libvlc can open: a local file path, a {@code file:} or {@code http://} URL. Each player
 * starts its own libvlc instance the first time it plays (on a private thread, about 0.1-0.3 s) and holds
 * it until {@link #dispose()}. Pictures reach the screen through a {@code PixelBuffer} at the video's
 * own size; nothing here blocks the FX thread.
 *
 * <p><b>Threads.</b> Build it and call its methods on the FX thread, except those marked thread-safe:
 * {@link #pause()}, {@link #resume()}, {@link #stop()}, {@link #restartAt}, {@link #isPlaying()},
 * {@link #lastFrameTime()}, {@link #sinceLastFrame()}, {@link #renderedFrames()}, meant for a stream
 * source that pauses playback while the swarm is short of data. Properties change on the FX thread only.
 *
 * <p><b>Saving the position.</b> {@link #currentTimeProperty()} is the time of the picture on screen;
 * {@link #play(String, Duration)} starts at a saved time.
 */
public final class VideoPlayer extends Region {
    /** How far left/right jump. */
    public static final Duration SEEK_STEP = Duration.ofSeconds(5);
    /** How much up/down change the volume (of 0 to 1). */
    public static final double VOLUME_STEP = 0.05;
    /** After a seek, the slider ignores pictures far from the target for this long (they are in flight). */
    private static final long SEEK_SETTLE_NANOS = 1_500_000_000L;
    private static final PseudoClass MUTED = PseudoClass.getPseudoClass("muted");

    private final FrameClock clock = new FrameClock();
    private final ImageView picture = new ImageView();
    private final PictureArea pictureArea = new PictureArea(picture);
    private final VideoSurface surface;
    private final Playback playback;

    private final ReadOnlyObjectWrapper<PlayerState> state = new ReadOnlyObjectWrapper<>(this, "state", PlayerState.IDLE);
    private final ReadOnlyObjectWrapper<Duration> currentTime = new ReadOnlyObjectWrapper<>(this, "currentTime", Duration.ZERO);
    private final ReadOnlyObjectWrapper<Duration> duration = new ReadOnlyObjectWrapper<>(this, "duration", Duration.ZERO);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper fullScreen = new ReadOnlyBooleanWrapper(this, "fullScreen");
    private final DoubleProperty volume = new SimpleDoubleProperty(this, "volume", 1.0);
    private final BooleanProperty muted = new SimpleBooleanProperty(this, "muted");
    private final BooleanProperty buffering = new SimpleBooleanProperty(this, "buffering");
    private final ObjectProperty<PreviewStrip> previewStrip = new SimpleObjectProperty<>(this, "previewStrip");

    private final Slider seekSlider = new Slider(0, 1, 0);
    private final BufferBar bufferBar = new BufferBar();
    private final SeekArea seekArea = new SeekArea(seekSlider, bufferBar);
    private final Button playButton = iconButton(Icons.PLAY, "play-button");
    private final Button muteButton = iconButton(Icons.VOLUME, "mute-button");
    private final Button fullScreenButton = iconButton(Icons.FULL_SCREEN, "full-screen-button");
    private final Slider volumeSlider = new Slider(0, 1, 1);
    private final Label timeLabel = new Label();
    private final VBox controls;
    private final StackPane bufferingOverlay;
    private final Label errorLabel = new Label();
    private final ImageView previewPicture = new ImageView();
    private final Label previewTime = new Label();
    private final VBox preview = new VBox(previewPicture, previewTime);
    private Image previewImage;

    private boolean settingSlider;
    private Duration seekTarget;
    private long seekNanos;

    /** A player that plays sound through the system's sound output. */
    public VideoPlayer() {
        this(true);
    }

    /** @param sound false to play without opening a sound device (tests, muted previews) */
    public VideoPlayer(boolean sound) {
        surface = new VideoSurface(picture, clock, this::pictureShown);
        playback = new Playback(sound, surface, clock, new Playback.Events() {
            @Override
            public void state(PlayerState next) {
                Platform.runLater(() -> state.set(next));
            }

            @Override
            public void length(long millis) {
                Platform.runLater(() -> duration.set(Duration.ofMillis(Math.max(0, millis))));
            }

            @Override
            public void failed(String message) {
                Platform.runLater(() -> errorMessage.set(message == null ? "" : message));
            }
        });

        getStyleClass().add("video-player");
        getStylesheets().add(Objects.requireNonNull(VideoPlayer.class.getResource("player.css")).toExternalForm());
        setFocusTraversable(true);

        HBox buttons = new HBox(playButton, timeLabel, spacer(), muteButton, volumeSlider, fullScreenButton);
        buttons.getStyleClass().add("buttons");
        buttons.setAlignment(Pos.CENTER_LEFT);
        controls = new VBox(seekArea, buttons);
        controls.getStyleClass().add("controls");
        timeLabel.getStyleClass().add("time");
        volumeSlider.getStyleClass().add("volume");
        volumeSlider.setFocusTraversable(false);
        seekSlider.getStyleClass().add("seek");
        seekSlider.setFocusTraversable(false);

        ProgressIndicator spinner = new ProgressIndicator();
        Label bufferingLabel = new Label("Buffering…");
        VBox bufferingBox = new VBox(10, spinner, bufferingLabel);
        bufferingBox.setAlignment(Pos.CENTER);
        bufferingBox.getStyleClass().add("buffering");
        bufferingBox.visibleProperty().bind(buffering.or(state.isEqualTo(PlayerState.OPENING))
                .and(state.isNotEqualTo(PlayerState.ERROR)));
        errorLabel.getStyleClass().add("error");
        errorLabel.setWrapText(true);
        errorLabel.visibleProperty().bind(state.isEqualTo(PlayerState.ERROR));
        errorLabel.textProperty().bind(Bindings.when(errorMessage.isEmpty())
                .then("This video could not be played.").otherwise(errorMessage));
        bufferingOverlay = new StackPane(bufferingBox, errorLabel);
        bufferingOverlay.getStyleClass().add("overlay");
        bufferingOverlay.setMouseTransparent(true);
        bufferingOverlay.visibleProperty().bind(bufferingBox.visibleProperty().or(errorLabel.visibleProperty()));

        preview.getStyleClass().add("preview");
        preview.setAlignment(Pos.CENTER);
        preview.setManaged(false);
        preview.setMouseTransparent(true);
        preview.setVisible(false);
        previewTime.getStyleClass().add("preview-time");

        getChildren().addAll(pictureArea, bufferingOverlay, controls, preview);
        wireControls();
        wireKeys();
    }

    // ---------------------------------------------------------------- playing

    /** Plays {@code mrl} from the start. FX thread. */
    public void play(String mrl) {
        play(mrl, Duration.ZERO);
    }

    /**
     * Plays a video, replacing the one playing.
     *
     * @param mrl     a local file path, or a {@code file:}, {@code http://} or {@code https://} URL
     * @param startAt where to start (libvlc's {@code :start-time}; precise to the frame)
     */
    public void play(String mrl, Duration startAt) {
        Objects.requireNonNull(mrl, "mrl");
        play(Playback.Playable.of(mrl), startAt);
    }

    /**
     * Plays a video read through Java (a file of the node's swarm, in this process), replacing the
     * one playing. FX thread.
     *
     * @param startAt where to start (precise to the frame)
     */
    public void play(VideoSource source, Duration startAt) {
        Objects.requireNonNull(source, "source");
        play(Playback.Playable.of(source), startAt);
    }

    private void play(Playback.Playable what, Duration startAt) {
        Playback.Playable now = playback.current();
        if (now == null || !what.id().equals(now.id())) {
            surface.clear();
            duration.set(Duration.ZERO);
        }
        errorMessage.set("");
        currentTime.set(startAt);
        seekTarget = null;
        playback.play(what, startAt.toMillis());
    }

    /** Pauses; ignored by libvlc while its read of a stalled stream blocks. Thread-safe. */
    public void pause() {
        playback.pause();
    }

    /** Continues after {@link #pause()}. Thread-safe. */
    public void resume() {
        playback.resume();
    }

    /** Stops playing; the last picture stays on screen. Thread-safe. */
    public void stop() {
        playback.stop();
    }

    /**
     * Stops, then plays the same video again from {@code time}: the fallback when libvlc starved
     * (its pictures go grey until the next keyframe). The last picture stays on screen meanwhile.
     * Thread-safe.
     *
     * @param time usually {@link #lastFrameTime()}
     */
    public void restartAt(Duration time) {
        playback.restart(time.toMillis());
    }

    /** Play/pause as the button and the space key do: also replays a finished video. FX thread. */
    public void togglePlayPause() {
        Playback.Playable now = playback.current();
        switch (state.get()) {
            case PLAYING, OPENING -> pause();
            case PAUSED -> resume();
            case FINISHED -> {
                if (now != null) {
                    play(now, Duration.ZERO);
                }
            }
            case STOPPED, ERROR -> {
                if (now != null) {
                    play(now, currentTime.get());
                }
            }
            case IDLE -> {
            }
        }
    }

    /**
     * Moves to {@code time} (clamped to the video); the picture at that time shows next. Plays again if
     * stopped or finished. FX thread.
     */
    public void seek(Duration time) {
        Duration target = time.isNegative() ? Duration.ZERO : time;
        Duration length = duration.get();
        if (!length.isZero() && target.compareTo(length) > 0) {
            target = length;
        }
        seekTarget = target;
        seekNanos = System.nanoTime();
        currentTime.set(target);
        playback.seek(target.toMillis());
    }

    /** Toggles the window's full-screen mode, if the player is in a {@link Stage}. FX thread. */
    public void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    /**
     * Stops playing and frees libvlc. The player shows nothing and plays nothing afterwards. FX thread.
     *
     * @return completes once libvlc is released (libvlc's stop can take a moment)
     */
    public CompletableFuture<Void> dispose() {
        surface.clear();
        return playback.release();
    }

    // ---------------------------------------------------------------- stall hooks (thread-safe)

    /** @return whether libvlc reports that it is playing (also while its read blocks). Thread-safe. */
    public boolean isPlaying() {
        return playback.state() == PlayerState.PLAYING;
    }

    /**
     * @return the media time of the picture on screen, to the frame (libvlc's own time moves in 0.25-1 s
     *         steps); zero before the first picture. Thread-safe.
     */
    public Duration lastFrameTime() {
        return Duration.ofMillis(Math.max(0, surface.lastShownMillis()));
    }

    /**
     * @return how long ago a new picture was last put on screen, or how long since the last
     *         {@code play}/{@code restartAt}/seek if none came since. Repeats of the same picture (libvlc
     *         repeats it while paused or starved) do not count, so this grows while paused too: a stall
     *         is {@code isPlaying() && sinceLastFrame()} over a second or so. Thread-safe.
     */
    public Duration sinceLastFrame() {
        return Duration.ofNanos(surface.sinceLastShownNanos());
    }

    /** @return how many new pictures were put on screen since the player was made. Thread-safe. */
    public long renderedFrames() {
        return surface.shown();
    }

    // ---------------------------------------------------------------- properties

    /** @return what libvlc reported last */
    public ReadOnlyObjectProperty<PlayerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** @return the time of the picture on screen (set to the target at once when seeking) */
    public ReadOnlyObjectProperty<Duration> currentTimeProperty() {
        return currentTime.getReadOnlyProperty();
    }

    /** @return the video's length; zero until libvlc knows it */
    public ReadOnlyObjectProperty<Duration> durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** @return why the video could not be played (when {@link #stateProperty()} is {@link PlayerState#ERROR}) */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** @return whether the player's window is in full-screen mode */
    public ReadOnlyBooleanProperty fullScreenProperty() {
        return fullScreen.getReadOnlyProperty();
    }

    /** @return the volume, 0 to 1 (libvlc's 0-100 %) */
    public DoubleProperty volumeProperty() {
        return volume;
    }

    /** @return whether the sound is off */
    public BooleanProperty mutedProperty() {
        return muted;
    }

    /**
     * @return set to show the "Buffering…" overlay (while the stream source waits for the swarm); the
     *         overlay also shows while a video is opening
     */
    public BooleanProperty bufferingProperty() {
        return buffering;
    }

    /** @return what the buffer bar under the slider shows; {@link BufferView#UNKNOWN} for nothing */
    public ObjectProperty<BufferView> bufferViewProperty() {
        return bufferBar.viewProperty();
    }

    /** @return the seek-preview pictures shown while the mouse is over the slider; null for none */
    public ObjectProperty<PreviewStrip> previewStripProperty() {
        return previewStrip;
    }

    // ---------------------------------------------------------------- package-private, for tests

    ImageView picture() {
        return picture;
    }

    Slider seekSlider() {
        return seekSlider;
    }

    BufferBar bufferBar() {
        return bufferBar;
    }

    Node bufferingOverlay() {
        return bufferingOverlay;
    }

    Node preview() {
        return preview;
    }

    ImageView previewPicture() {
        return previewPicture;
    }

    long deliveredFrames() {
        return surface.delivered();
    }

    // ---------------------------------------------------------------- layout

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double controlsHeight = snapSizeY(controls.prefHeight(width));
        double videoHeight = Math.max(0, height - controlsHeight);
        pictureArea.resizeRelocate(0, 0, width, videoHeight);
        bufferingOverlay.resizeRelocate(0, 0, width, videoHeight);
        controls.resizeRelocate(0, videoHeight, width, controlsHeight);
        preview.autosize();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360 + controls.prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 320;
    }

    @Override
    protected double computeMinHeight(double width) {
        return controls.minHeight(width) + 90;
    }

    // ---------------------------------------------------------------- wiring

    private void pictureShown(long millis) {
        Duration shown = Duration.ofMillis(millis);
        if (seekTarget != null) {
            boolean near = shown.minus(seekTarget).abs().compareTo(Duration.ofSeconds(1)) <= 0;
            if (!near && System.nanoTime() - seekNanos < SEEK_SETTLE_NANOS) {
                return; // a picture from before the seek
            }
            seekTarget = null;
        }
        currentTime.set(shown);
    }

    private void wireControls() {
        playButton.setOnAction(e -> togglePlayPause());
        state.addListener((o, old, now) -> {
            String icon = switch (now) {
                case PLAYING, OPENING -> Icons.PAUSE;
                case FINISHED -> Icons.REPLAY;
                default -> Icons.PLAY;
            };
            ((SVGPath) playButton.getGraphic()).setContent(icon);
        });

        seekSlider.disableProperty().bind(duration.isEqualTo(Duration.ZERO));
        duration.addListener((o, old, now) -> {
            setSlider(seekSlider.getValue());
            seekSlider.setMax(Math.max(1, now.toMillis() / 1000.0));
            updateTime();
        });
        currentTime.addListener((o, old, now) -> {
            if (!seekSlider.isValueChanging()) {
                setSlider(now.toMillis() / 1000.0);
            }
            updateTime();
        });
        seekSlider.valueProperty().addListener((o, old, now) -> {
            seekArea.played(fraction(now.doubleValue()));
            if (seekSlider.isValueChanging()) {
                updateTime();
            } else if (!settingSlider) {
                seek(Duration.ofMillis(Math.round(now.doubleValue() * 1000)));
            }
        });
        seekSlider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                seek(Duration.ofMillis(Math.round(seekSlider.getValue() * 1000)));
            }
        });
        seekSlider.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> showPreview(e.getX()));
        seekSlider.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showPreview(e.getX()));
        seekSlider.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> showPreview(e.getX()));
        seekSlider.addEventHandler(MouseEvent.MOUSE_EXITED, e -> preview.setVisible(false));
        seekSlider.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!seekSlider.isHover()) {
                preview.setVisible(false);
            }
        });
        previewStrip.addListener((o, old, strip) -> {
            previewImage = strip == null ? null : new Image(strip.file().toUri().toString(), true);
            previewPicture.setImage(previewImage);
            if (strip != null) {
                previewPicture.setViewport(new Rectangle2D(0, 0, strip.tileWidth(), strip.tileHeight()));
                previewPicture.setFitWidth(strip.tileWidth());
                previewPicture.setFitHeight(strip.tileHeight());
            }
        });

        volumeSlider.valueProperty().bindBidirectional(volume);
        volume.addListener((o, old, now) -> playback.volume((int) Math.round(clamp(now.doubleValue()) * 100)));
        muted.addListener((o, old, now) -> {
            playback.mute(now);
            ((SVGPath) muteButton.getGraphic()).setContent(now ? Icons.MUTED : Icons.VOLUME);
            volumeSlider.pseudoClassStateChanged(MUTED, now);
        });
        muteButton.setOnAction(e -> muted.set(!muted.get()));

        fullScreenButton.setOnAction(e -> toggleFullScreen());
        fullScreen.bind(sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(w -> w instanceof Stage stage ? stage.fullScreenProperty() : null).orElse(false));
        fullScreen.addListener((o, old, now) -> ((SVGPath) fullScreenButton.getGraphic())
                .setContent(now ? Icons.EXIT_FULL_SCREEN : Icons.FULL_SCREEN));

        pictureArea.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            if (e.getClickCount() == 2) {
                toggleFullScreen();
            }
            togglePlayPause(); // a double click toggles twice: back to how it was
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        updateTime();
    }

    private void wireKeys() {
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean handled = true;
            switch (e.getCode()) {
                case SPACE, K -> togglePlayPause();
                case LEFT -> seek(currentTime.get().minus(SEEK_STEP));
                case RIGHT -> seek(currentTime.get().plus(SEEK_STEP));
                case UP -> {
                    muted.set(false);
                    volume.set(clamp(volume.get() + VOLUME_STEP));
                }
                case DOWN -> volume.set(clamp(volume.get() - VOLUME_STEP));
                case F -> toggleFullScreen();
                case M -> muted.set(!muted.get());
                default -> handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
    }

    private void setSlider(double seconds) {
        settingSlider = true;
        try {
            seekSlider.setValue(seconds);
        } finally {
            settingSlider = false;
        }
    }

    private void updateTime() {
        Duration length = duration.get();
        Duration shown = seekSlider.isValueChanging()
                ? Duration.ofMillis(Math.round(seekSlider.getValue() * 1000)) : currentTime.get();
        timeLabel.setText(TimeText.of(shown, length) + " / " + TimeText.of(length, length));
    }

    private double fraction(double seconds) {
        double max = duration.get().toMillis() / 1000.0;
        return max <= 0 ? 0 : Math.max(0, Math.min(1, seconds / max));
    }

    /** Shows the time (and the preview picture, if there is a strip) for the slider position under the mouse. */
    private void showPreview(double sliderX) {
        Duration length = duration.get();
        if (length.isZero()) {
            preview.setVisible(false);
            return;
        }
        double fraction = seekArea.fractionAt(sliderX);
        Duration at = Duration.ofMillis(Math.round(length.toMillis() * fraction));
        previewTime.setText(TimeText.of(at, length));
        PreviewStrip strip = previewStrip.get();
        boolean hasPicture = strip != null && previewImage != null && !previewImage.isError();
        previewPicture.setVisible(hasPicture);
        previewPicture.setManaged(hasPicture);
        if (hasPicture) {
            int tile = strip.tileAt(at);
            previewPicture.setViewport(new Rectangle2D(tile * strip.tileWidth(), 0, strip.tileWidth(), strip.tileHeight()));
        }
        preview.setVisible(true);
        preview.applyCss();
        preview.autosize();
        double x = controls.getLayoutX() + seekArea.getLayoutX() + seekSlider.getLayoutX() + sliderX;
        double left = Math.max(4, Math.min(getWidth() - preview.getWidth() - 4, x - preview.getWidth() / 2));
        double top = controls.getLayoutY() - preview.getHeight() - 6;
        preview.relocate(snapPositionX(left), snapPositionY(Math.max(0, top)));
    }

    private static double clamp(double volume) {
        return Math.max(0, Math.min(1, volume));
    }

    private static Button iconButton(String icon, String styleClass) {
        Button button = new Button();
        button.setGraphic(Icons.icon(icon));
        button.getStyleClass().add(styleClass);
        button.setFocusTraversable(false);
        return button;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    /** Black area with the picture at its largest size that keeps its shape, centred. */
    private static final class PictureArea extends Region {
        private final ImageView picture;

        PictureArea(ImageView picture) {
            this.picture = picture;
            picture.setPreserveRatio(true);
            picture.setSmooth(true);
            getStyleClass().add("picture-area");
            getChildren().add(picture);
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double height = getHeight();
            picture.setFitWidth(width);
            picture.setFitHeight(height);
            double shownWidth = picture.getLayoutBounds().getWidth();
            double shownHeight = picture.getLayoutBounds().getHeight();
            picture.relocate(snapPositionX((width - shownWidth) / 2), snapPositionY((height - shownHeight) / 2));
        }
    }

    /**
     * The seek slider with the buffer bar under it, the bar lined up with the part of the slider the
     * thumb's centre travels, so a byte position and a slider position line up.
     */
    private static final class SeekArea extends Region {
        private final Slider slider;
        private final BufferBar bar;
        private double played;

        SeekArea(Slider slider, BufferBar bar) {
            this.slider = slider;
            this.bar = bar;
            getStyleClass().add("seek-area");
            getChildren().addAll(slider, bar);
        }

        /** Colours the played part of the slider's track. */
        void played(double fraction) {
            played = fraction;
            Node track = slider.lookup(".track");
            if (track != null) {
                double percent = Math.round(fraction * 1000) / 10.0;
                track.setStyle("-fx-background-color: linear-gradient(to right, -swarmtube-accent " + percent
                        + "%, -swarmtube-track " + percent + "%);");
            }
        }

        /** @return the position along the slider, 0 to 1, at {@code x} in the slider's coordinates */
        double fractionAt(double x) {
            double[] span = travel();
            return Math.max(0, Math.min(1, (x - span[0]) / span[1]));
        }

        /** @return {start, length} of the thumb centre's travel in the slider's coordinates */
        private double[] travel() {
            Node thumb = slider.lookup(".thumb");
            double thumbWidth = thumb == null ? 0 : thumb.getLayoutBounds().getWidth();
            double start = slider.snappedLeftInset() + thumbWidth / 2;
            double length = Math.max(1, slider.getWidth() - slider.snappedLeftInset() - slider.snappedRightInset() - thumbWidth);
            return new double[] {start, length};
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double sliderHeight = snapSizeY(slider.prefHeight(width));
            double barHeight = snapSizeY(bar.prefHeight(width));
            slider.resizeRelocate(0, 0, width, sliderHeight);
            slider.layout();
            double[] span = travel();
            bar.resizeRelocate(snapPositionX(span[0]), sliderHeight, snapSizeX(span[1]), barHeight);
            played(played);
        }

        @Override
        protected double computePrefHeight(double width) {
            return slider.prefHeight(width) + bar.prefHeight(width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    }
}
