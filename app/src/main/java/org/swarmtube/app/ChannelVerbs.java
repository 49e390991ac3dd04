package org.swarmtube.app;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The channel verbs: one small class each, sharing how they print. */
final class ChannelVerbs {
    private ChannelVerbs() {
    }

    static String videos(NodeApi.VideoList list, String empty) {
        if (list.videos().isEmpty()) return empty;
        StringBuilder b = new StringBuilder();
        for (NodeApi.FeedVideo v : list.videos()) {
            if (b.length() > 0) b.append('\n');
            b.append(String.format(Locale.ROOT, "%s  %-40s  %-24s  %s", v.videoId(), clip(v.title(), 40),
                    clip(v.channel(), 24), v.published().substring(0, Math.min(10, v.published().length()))));
        }
        return b.toString();
    }

    static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    static String change(NodeApi.ChannelChange c) {
        String name = c.name().isEmpty() ? c.publicKey().substring(0, 16) + "…" : c.name();
        return name + ": " + c.message() + (c.videos() > 0 ? " (" + c.videos() + " videos)" : "");
    }

    @Command(name = "channel", description = {"Show this node's channel: the link to share, its public key and name;",
            "with options, change its name, description or recommended channels (a new signed catalog version).",
            "Anyone with the link can subscribe; the channel is found through the BitTorrent DHT."})
    static final class Channel extends Verb {
        @picocli.CommandLine.Option(names = "--name", paramLabel = "NAME", description = "Rename the channel.")
        String name;

        @picocli.CommandLine.Option(names = "--description", paramLabel = "TEXT", description = "Describe the channel.")
        String description;

        @picocli.CommandLine.Option(names = "--recommend", paramLabel = "LINK",
                description = "Recommend another channel in the catalog (repeat for more; replaces the list).")
        List<String> recommend;

        @picocli.CommandLine.Option(names = "--no-recommendations", description = "Recommend no channel.")
        boolean noRecommendations;

        @Mixin
        NodeFlags nodeFlags;

        @Override
        public Integer call() {
            boolean edit = name != null || description != null || recommend != null || noRecommendations;
            List<String> links = noRecommendations ? List.of() : recommend;
            NodeApi.ChannelView view = withNode(nodeFlags, node -> edit ? node.editChannel(name, description, links) : node.channel());
            print(view, view.name() + "\n  link:       " + view.link() + "\n  public key: " + view.publicKey());
            return 0;
        }
    }

    @Command(name = "subscribe", description = {"Follow a channel by its link (magnet:?xs=urn:btpk:...).",
            "Its catalog is fetched at once and looked up again every poll interval; new videos enter the feed."})
    static final class Subscribe extends Verb {
        @Parameters(paramLabel = "LINK", description = "The channel's link.")
        String link;

        @picocli.CommandLine.Option(names = "--keep-copy",
                description = "Also download and seed every video of the channel, so it stays available when its creator is offline.")
        boolean keepCopy;

        @Mixin
        NodeFlags nodeFlags;

        @Override
        public Integer call() {
            NodeApi.ChannelChange change = withNode(nodeFlags, node -> node.subscribe(link, keepCopy));
            print(change, "subscribed to " + change(change));
            return 0;
        }
    }

    @Command(name = "unsubscribe", description = "Stop following a channel; what is known of it stays searchable.")
    static final class Unsubscribe extends Verb {
        @Parameters(paramLabel = "LINK", description = "The channel's link.")
        String link;

        @Mixin
        NodeFlags nodeFlags;

        @Override
        public Integer call() {
            NodeApi.ChannelChange change = withNode(nodeFlags, node -> node.unsubscribe(link));
            print(change, change(change));
            return 0;
        }
    }

    @Command(name = "block", description = "Hide a channel from the feed, browsing and search, and stop fetching its catalog.")
    static final class Block extends Verb {
        @Parameters(paramLabel = "LINK", description = "The channel's link.")
        String link;

        @Mixin
        NodeFlags nodeFlags;

        @Override
        public Integer call() {
            NodeApi.ChannelChange change = withNode(nodeFlags, node -> node.block(link));
            print(change, change(change));
            return 0;
        }
    }

    @Command(name = "feed", description = "New videos of subscribed channels, newest first.")
    static final class Feed extends Verb {
        @Mixin
        NodeFlags nodeFlags;

        @Override
        public Integer call() {
            NodeApi.VideoList list = withNode(nodeFlags, NodeApi::feed);
            print(list, videos(list, "the feed is empty: subscribe to a channel with 'swarmtube subscribe LINK'"));
            return 0;
        }
    }

    @Command(name = "search", description = "Search titles, descriptions, tags and channel names of every catalog this node knows.")
    static final class Search extends Verb {
        @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to look for (prefixes match).")
        List<String> words;

        @Mixin
        NodeFlags nodeFlags;

        @Override
        public Integer call() {
            String query = String.join(" ", words);
            NodeApi.VideoList list = withNode(nodeFlags, node -> node.search(query));
            print(list, videos(list, "nothing found for '" + query + "'"));
            return 0;
        }
    }

    @Command(name = "channels", description = "Every channel this node knows: subscribed, recommended, seen on the LAN, opened by link.")
    static final class Channels extends Verb {
        @Mixin
        NodeFlags nodeFlags;

        @Override
        public Integer call() {
            NodeApi.ChannelList list = withNode(nodeFlags, NodeApi::channels);
            StringBuilder b = new StringBuilder();
            for (NodeApi.ChannelEntry c : list.channels()) {
                if (b.length() > 0) b.append('\n');
                String flag = c.blocked() ? "blocked   " : c.subscribed() ? "subscribed" : c.source();
                b.append(String.format(Locale.ROOT, "%-10s  %-30s  %4d videos  %s", flag,
                        clip(c.name().isEmpty() ? "(not fetched yet)" : c.name(), 30), c.videos(),
                        c.link().isEmpty() ? c.publicKey() : c.link()));
            }
            print(list, b.length() == 0 ? "no channels known yet" : b.toString());
            return 0;
        }
    }

    @Command(name = "unpublish", description = {"Take one of your videos out of your channel's catalog.",
            "Subscribers drop it from their feed at their next poll. Copies others already downloaded",
            "cannot be recalled: BitTorrent has no way to delete a file from someone else's disk."})
    static final class Unpublish extends Verb {
        @Parameters(paramLabel = "VIDEO_ID", description = "The video's id, as 'publish' printed it.")
        String videoId;

        @Mixin
        NodeFlags nodeFlags;

        @Override
        public Integer call() {
            NodeApi.UnpublishResult result = withNode(nodeFlags, node -> node.unpublish(videoId));
            print(result, "unpublished " + result.videoId() + ": " + result.note());
            return 0;
        }
    }
}
