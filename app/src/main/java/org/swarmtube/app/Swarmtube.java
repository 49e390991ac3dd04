package org.swarmtube.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code swarmtube} command: the entry point of the command line. */
@Command(name = "swarmtube", mixinStandardHelpOptions = true, versionProvider = Swarmtube.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Peer-to-peer video sharing over BitTorrent.", "",
                "Every verb works on the data directory's node: if 'swarmtube node' runs there, the verb talks to it;",
                "otherwise the verb starts the node for as long as it runs."},
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
            root.configureLogging();
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        // the desktop window arrives with the desktop issue; until then, say how to use the verbs
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    Home openHome() {
        return Home.at(home != null ? home : Home.defaultDir());
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
