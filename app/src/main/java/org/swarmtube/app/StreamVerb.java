package org.swarmtube.app;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stream", description = {"Print a URL on 127.0.0.1 from which VLC, mpv or a browser plays a video while it downloads.",
        "Needs a running node ('swarmtube node' or the app) on the data directory; the URL works while it runs."})
final class StreamVerb extends Verb {
    @Parameters(index = "0", paramLabel = "MAGNET|INFOHASH|VIDEO_ID", description = "The video.")
    String what;

    @Override
    public Integer call() {
        Home home = root.openHome();
        ControlClient node = ControlClient.connect(home).orElseThrow(() -> new IllegalStateException(
                "no node is running on " + home + "; start 'swarmtube node' there first (the URL is served while it runs)"));
        NodeApi.StreamUrl stream = node.stream(what);
        print(Map.of("url", stream.url()), stream.url());
        return 0;
    }
}
