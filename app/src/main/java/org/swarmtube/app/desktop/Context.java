package org.swarmtube.app.desktop;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.swarmtube.app.Node;
import org.swarmtube.catalog.MagnetLink;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.swarm.TorrentStatus;

/** What every view of the window shares: the node, the bridge to it, caches, navigation and messages. */
final class Context {
    private final Node node;
    private final FxBridge bridge;
    private final Thumbnails thumbnails;
    private final String ownKey;
    private final ObjectProperty<Map<String, TorrentStatus>> torrents = new SimpleObjectProperty<>(Map.of());
    /** Peer hints of the channel links the viewer opened, by channel key: the creator likely seeds its videos. */
    private final Map<String, List<String>> hints = new ConcurrentHashMap<>();
    private final Navigator navigator;
    private final Messages messages;
    private final List<String> ownPeers;

    /** Where the views can send the viewer. */
    interface Navigator {
        void watch(VideoSummary video);

        void watchLink(MagnetLink magnet, String title);

        void channel(String channelKey);

        void channel(ChannelLink link);

        void myChannel();

        void subscriptions();

        void home();

        void publishFiles(List<java.io.File> files);

        void pickFiles();

        void addChannel();

        /** The catalog changed here (a publication, a subscription): views reload. */
        void catalogChanged();
    }

    /** @param ownPeers this node's address as a peer hint, if it listens on a specific address */
    Context(Node node, FxBridge bridge, String ownKey, List<String> ownPeers, Navigator navigator, Messages messages) {
        this.node = node;
        this.ownPeers = List.copyOf(ownPeers);
        this.bridge = bridge;
        this.ownKey = ownKey;
        this.navigator = navigator;
        this.messages = messages;
        this.thumbnails = new Thumbnails(node, bridge);
    }

    Node node() {
        return node;
    }

    FxBridge bridge() {
        return bridge;
    }

    Thumbnails thumbnails() {
        return thumbnails;
    }

    String ownKey() {
        return ownKey;
    }

    boolean isOwn(String channelKey) {
        return ownKey.equals(channelKey);
    }

    /** The engine's torrents by infohash, refreshed every two seconds. */
    ObjectProperty<Map<String, TorrentStatus>> torrents() {
        return torrents;
    }

    Navigator go() {
        return navigator;
    }

    Messages messages() {
        return messages;
    }

    private final java.util.Set<String> quiet = ConcurrentHashMap.newKeySet();

    /** While a channel is being subscribed to, its first videos raise no notification. */
    void quiet(String channelKey, boolean on) {
        if (on) quiet.add(channelKey);
        else quiet.remove(channelKey);
    }

    boolean isQuiet(String channelKey) {
        return quiet.contains(channelKey);
    }

    /** The infohashes of the cards on screen, per grid (FX thread), and their union for the snapshot thread. */
    private final Map<Object, java.util.Set<String>> onScreenByGrid = new java.util.WeakHashMap<>();
    private volatile java.util.Set<String> onScreen = java.util.Set.of();

    /** A grid tells which videos it shows. FX thread. */
    void showing(Object grid, java.util.Set<String> infohashes) {
        if (infohashes.equals(onScreenByGrid.get(grid))) return;
        onScreenByGrid.put(grid, infohashes);
        java.util.Set<String> all = new java.util.HashSet<>();
        onScreenByGrid.values().forEach(all::addAll);
        onScreen = java.util.Set.copyOf(all);
    }

    /** The infohashes of the videos on screen. Any thread. */
    java.util.Set<String> onScreen() {
        return onScreen;
    }

    void rememberHints(ChannelLink link) {
        if (!link.peers().isEmpty()) hints.put(link.publicKeyHex(), link.peers());
    }

    /** The magnet link to share or play a video: with peer hints where this node knows the creator's address. */
    MagnetLink magnet(VideoSummary video) {
        MagnetLink magnet = video.magnet();
        List<String> peers = isOwn(video.channelKey()) ? ownPeers : hints.getOrDefault(video.channelKey(), List.of());
        for (String peer : peers) magnet = magnet.withPeer(peer);
        return magnet;
    }

    /** A link to one of this node's own videos, with this node's address as a peer hint where it has one. */
    MagnetLink magnetWithOwnPeers(MagnetLink magnet) {
        MagnetLink m = magnet;
        for (String peer : ownPeers) if (!m.peers().contains(peer)) m = m.withPeer(peer);
        return m;
    }

    /** Puts text on the clipboard and says so. */
    void copy(String text, String what) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        messages.info(what + " copied to the clipboard.");
    }

    /** A colour for a channel without an avatar, the same for the same key everywhere. */
    static String channelColour(String key) {
        String[] palette = {"#e53935", "#8e24aa", "#3949ab", "#039be5", "#00897b", "#7cb342", "#fb8c00", "#6d4c41", "#d81b60",
                "#5e35b1"};
        return palette[Math.floorMod(key.hashCode(), palette.length)];
    }
}
