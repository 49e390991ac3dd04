package org.swarmtube.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "node", description = {"Run headless (a seedbox) until interrupted (SIGINT or SIGTERM).",
        "Other commands on the same data directory talk to it through a control API on 127.0.0.1."})
final class NodeVerb extends Verb {
    @Mixin
    NodeFlags nodeFlags;

    @Override
    public Integer call() throws Exception {
        Home home = root.openHome();
        if (ControlClient.connect(home).isPresent()) {
            throw new IllegalStateException("a node is already running on " + home);
        }
        Node node = Node.start(home, nodeFlags.toOptions());
        ControlServer control;
        try {
            control = ControlServer.start(node, home);
        } catch (Exception e) {
            node.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.close();
            node.close();
            stopped.countDown();
        }, "node-shutdown"));
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("home", home.dir().toString());
        started.put("listenPort", node.swarm().listenPort());
        started.put("controlPort", control.port());
        started.put("torrents", node.swarm().torrents().size());
        print(started, "node running on " + home + ": BitTorrent port " + node.swarm().listenPort() + ", "
                + node.swarm().torrents().size() + " torrents; stop with Ctrl+C");
        stopped.await();
        return 0;
    }
}
