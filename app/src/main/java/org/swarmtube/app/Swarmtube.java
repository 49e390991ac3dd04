package org.swarmtube.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** The {@code swarmtube} command: the entry point of the command line. */
@Command(name = "swarmtube", mixinStandardHelpOptions = true, versionProvider = Swarmtube.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Peer-to-peer video sharing over BitTorrent.", "",
                "With no verb, opens the window (the node runs inside it); with a channel or video link",
                "(magnet:?..., a .torrent file) opens that. If the window is already open on the data directory,",
                "the link is handed to it.", "",
                "Every verb works on the data directory's node: if the window or 'swarmtube node' runs there, the verb",
                "talks to it; otherwise the verb starts the node for as long as it runs."},
        subcommands = {NodeVerb.class, PublishVerb.class, FetchVerb.class, StreamVerb.class, StatusVerb.class,
                ChannelVerbs.Channel.class, ChannelVerbs.Subscribe.class, ChannelVerbs.Unsubscribe.class,
                ChannelVerbs.Feed.class, ChannelVerbs.Channels.class, ChannelVerbs.Search.class, ChannelVerbs.Block.class,
                ChannelVerbs.Unpublish.class})
public final class Swarmtube implements Callable<Integer> {
    static final String VERSION = "0.1.0";

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: $XDG_DATA_HOME/swarmtube or ~/.local/share/swarmtube).")
    Path home;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the result as one JSON object on stdout.")
    boolean json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LINK",
            description = "A channel or video link (magnet:?...) or a .torrent file (path or file:// URI) to open in the window.")
    String link;

    @Mixin
    NodeFlags nodeFlags;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Swarmtube root = new Swarmtube();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        // every verb answers --help (and -h) too, not only the root command
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().optionsMap().get("--help") == null) sub.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cli.setParameterExceptionHandler((e, a) -> {
            String message = e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
                String first = unmatched.getUnmatched().get(0);
                message = (first.startsWith("-") ? "unknown option '" : "unknown verb or extra argument '") + first + "'";
            }
            err.println("swarmtube: " + message + " (see 'swarmtube --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("swarmtube: " + Verb.sentence(e));
            return 1;
        });
        cli.setExecutionStrategy(parseResult -> {
            if (root.link != null && (!org.swarmtube.app.desktop.Links.looksLikeLink(root.link) || parseResult.hasSubcommand())) {
                // a word that is no verb lands in LINK: say so as picocli would
                throw new CommandLine.ParameterException(cli, org.swarmtube.app.desktop.Links.looksLikeLink(root.link)
                        ? "a link cannot be given together with a verb" : "unknown verb or extra argument '" + root.link + "'");
            }
            root.configureLogging();
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli.execute(args);
    }

    /** No verb: opens the window with the node inside, or hands the link to the window already open. */
    @Override
    public Integer call() throws Exception {
        // JavaFX starts while this process finds out whether a window already runs on the data directory
        org.swarmtube.app.desktop.DesktopApp.prestart();
        Home h = openHome();
        if (ControlClient.connect(h).isPresent()) return handOver(h);
        try {
            return org.swarmtube.app.desktop.DesktopApp.run(h, nodeFlags.toOptions(), java.util.Optional.ofNullable(link),
                    node -> ControlServer.start(node, h));
        } catch (Node.NodeBusyException busy) {
            // another launch is starting on the same data directory: wait for its control API
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (ControlClient.connect(h).isPresent()) return handOver(h);
                Thread.sleep(200);
            }
            throw busy;
        }
    }

    /** Gives the link (or "" to raise the window) to the window running on the data directory. */
    private int handOver(Home h) throws java.io.IOException, InterruptedException {
        ControlEndpoint endpoint = ControlEndpoint.read(h)
                .orElseThrow(() -> new IllegalStateException("the node on " + h + " stopped answering"));
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(2)).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + endpoint.port() + "/v1/open"))
                .header("Authorization", "Bearer " + endpoint.token())
                .header("Content-Type", "application/json")
                .timeout(java.time.Duration.ofSeconds(10))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                        Json.MAPPER.writeValueAsBytes(java.util.Map.of("link", link == null ? "" : link))))
                .build();
        java.net.http.HttpResponse<byte[]> response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(Json.MAPPER.readTree(response.body()).path("error")
                    .asText("the running node answered " + response.statusCode()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(java.util.Map.of("handedOver", true, "link", link == null ? "" : link)));
        } else {
            spec.commandLine().getErr().println("swarmtube: " + (link == null ? "the window is already open on " + h
                    : "opened in the window already running on " + h));
        }
        out.flush();
        return 0;
    }

    Home openHome() {
        // without --home: the directory chosen in Settings, else the XDG default
        return Home.at(home != null ? home : DataDirectory.user().preferred());
    }

    private void configureLogging() {
        try {
            Home h = openHome();
            System.setProperty("swarmtube.log.dir", h.dir().resolve("logs").toString());
        } catch (IllegalArgumentException e) {
            // the verb reports the bad home itself
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"swarmtube " + VERSION};
        }
    }
}
