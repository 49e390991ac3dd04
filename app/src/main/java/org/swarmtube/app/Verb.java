package org.swarmtube.app;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.swarmtube.swarm.SwarmException;
import picocli.CommandLine;

/** What the verbs share: finding or starting the node, and printing results. */
abstract class Verb implements Callable<Integer> {
    @CommandLine.ParentCommand
    Swarmtube root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Runs {@code work} against the node of the data directory: the running one through its
     * control API, or one started here for as long as the work takes.
     */
    <T> T withNode(NodeFlags flags, Function<NodeApi, T> work) {
        Home home = root.openHome();
        Optional<ControlClient> running = ControlClient.connect(home);
        if (running.isPresent()) {
            if (flags.anyGiven()) err().println("note: a node is running on " + home + "; node options are ignored");
            return work.apply(running.get());
        }
        NodeOptions options = flags.toOptions();
        Node node = Node.start(home, options);
        Thread closer = new Thread(node::close, "node-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            return work.apply(node);
        } finally {
            node.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /** Prints a result: as one JSON object with --json, else as the human text. */
    void print(Object jsonValue, String human) {
        if (root.json) {
            try {
                out().println(Json.MAPPER.writeValueAsString(jsonValue));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out().println(human);
        }
        out().flush();
    }

    /** A failure as one sentence for a person. */
    static String sentence(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (t instanceof SwarmException || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof Node.NodeBusyException) {
            return message != null ? message : t.toString();
        }
        return (message != null ? message : t.getClass().getSimpleName()) + " (" + t.getClass().getSimpleName() + ")";
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        do {
            v /= 1000;
            u++;
        } while (v >= 1000 && u < units.length - 1);
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
