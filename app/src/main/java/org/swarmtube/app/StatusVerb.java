package org.swarmtube.app;

import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", description = "List the node's torrents with progress, peers and rates.")
final class StatusVerb extends Verb {
    @Mixin
    NodeFlags nodeFlags;

    @Override
    public Integer call() {
        NodeApi.StatusReport report = withNode(nodeFlags, NodeApi::status);
        StringBuilder human = new StringBuilder();
        human.append(report.torrents().size()).append(" torrents, listening on port ").append(report.listenPort());
        for (NodeApi.TorrentView t : report.torrents()) {
            human.append(String.format(Locale.ROOT, "%n  %s  %5.1f%%  %-11s %3d peers %3d seeds  down %s/s  up %s/s  %s",
                    t.infohash(), t.progress() * 100, t.state().toLowerCase(Locale.ROOT), t.peers(), t.seeds(),
                    bytes(t.downloadRate()), bytes(t.uploadRate()), t.name()));
        }
        print(report, human.toString());
        return 0;
    }
}
