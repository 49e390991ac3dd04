package org.swarmtube.app.desktop;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.swarmtube.app.Node;
import org.swarmtube.swarm.SwarmException;

/** A failure as one sentence for a person, never a stack trace. */
public final class Sentences {
    private Sentences() {
    }

    public static String of(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof java.lang.reflect.UndeclaredThrowableException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (t instanceof SwarmException || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof Node.NodeBusyException || t instanceof java.io.IOException) {
            return capitalised(message != null && !message.isBlank() ? message : "something went wrong");
        }
        if (t instanceof java.util.concurrent.TimeoutException) return "It took too long and was given up.";
        if (t instanceof OutOfMemoryError) return "Swarmtube ran out of memory.";
        return capitalised(message != null && !message.isBlank() ? message : "something went wrong ("
                + t.getClass().getSimpleName() + ")");
    }

    /** The failure as a clause to follow a colon: "…: the file is empty" (no capital, no full stop). */
    public static String clause(Throwable e) {
        String s = of(e);
        if (s.endsWith(".") && !s.endsWith("..")) s = s.substring(0, s.length() - 1);
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    /** The first letter upper case and a full stop at the end, as a sentence on screen. */
    public static String capitalised(String text) {
        String t = text.strip();
        if (t.isEmpty()) return t;
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ')' && t.endsWith(".)") ? t : t + ".";
    }
}
