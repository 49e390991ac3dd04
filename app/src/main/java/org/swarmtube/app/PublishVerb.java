package org.swarmtube.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", description = {"Check that a file is a video, hash it into a torrent, seed it, and list it",
        "in this node's channel (a new signed catalog version, announced on the DHT).",
        "The file is seeded from where it is: keep it there."})
final class PublishVerb extends Verb {
    @Parameters(index = "0", paramLabel = "FILE", description = "The video file.")
    Path file;

    @Option(names = "--title", required = true, paramLabel = "T", description = "The video's title.")
    String title;

    @Option(names = "--description", paramLabel = "D", description = "A description.")
    String description = "";

    @Option(names = "--tag", paramLabel = "T", description = "A tag; repeat for more.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--tracker", paramLabel = "URL", description = "A tracker's announce URL; repeat for more.")
    List<String> trackers = new ArrayList<>();

    @Option(names = "--web-seed", paramLabel = "URL", description = "An HTTP URL serving the same file (BEP 19); repeat for more.")
    List<String> webSeeds = new ArrayList<>();

    @Option(names = "--any-file", hidden = true, description = "Publish a file that is not a video (no probing, no thumbnail).")
    boolean anyFile;

    @Mixin
    NodeFlags nodeFlags;

    @Override
    public Integer call() {
        boolean[] embedded = {false};
        NodeApi.PublishResult result = withNode(nodeFlags, node -> {
            NodeApi.PublishCommand command = new NodeApi.PublishCommand(file, title, description, tags, trackers, webSeeds, anyFile);
            if (node instanceof Node local) {
                embedded[0] = true;
                return local.publish(command, new ProgressLine(err(), "hashing " + file.getFileName()));
            }
            return node.publish(command);
        });
        if (embedded[0]) {
            err().println("note: no node is running on " + root.openHome()
                    + "; the video is seeded while 'swarmtube node' (or the app) runs there");
        }
        print(result, "published " + file.getFileName() + "\n  video id: " + result.videoId()
                + "\n  infohash: " + result.infohash() + "\n  magnet:   " + result.magnet());
        return 0;
    }
}
