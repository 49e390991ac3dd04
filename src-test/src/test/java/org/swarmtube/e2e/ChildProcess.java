package org.swarmtube.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A process whose stdout and stderr lines are collected as they come. */
final class ChildProcess implements AutoCloseable {
    final Process process;
    final List<String> stdout = new CopyOnWriteArrayList<>();
    final List<String> stderr = new CopyOnWriteArrayList<>();

    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ChildProcess(Process process) {
        this.process = process;
        stdoutPump = pump(process.getInputStream(), stdout);
        stderrPump = pump(process.getErrorStream(), stderr);
    }

    static ChildProcess start(List<String> command, Path workDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) builder.directory(workDir.toFile());
        // the test JVM runs with the JDK's libjsig preloaded; other programs must not inherit it
        builder.environment().remove("LD_PRELOAD");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new ChildProcess(builder.start());
    }

    /** The swarmtube command line in a new JVM, with libjsig preloaded as the launcher does. */
    static ChildProcess swarmtube(String... args) throws IOException {
        String javaHome = System.getProperty("java.home");
        List<String> command = new ArrayList<>(List.of(javaHome + "/bin/java", "-cp", System.getProperty("java.class.path"),
                "org.swarmtube.app.Swarmtube"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LD_PRELOAD", javaHome + "/lib/libjsig.so");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new ChildProcess(builder.start());
    }

    private static Thread pump(java.io.InputStream in, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not finish within " + timeout + "\nstdout: " + stdout + "\nstderr: " + stderr);
        }
        // the process has exited, but its last lines may still be in the pipes: read them to the end
        // (a child that left a grandchild holding the pipe open is not waited for beyond 5 s)
        stdoutPump.join(5_000);
        stderrPump.join(5_000);
        return process.exitValue();
    }

    String lastStdout() {
        Await.until(Duration.ofSeconds(5), "output from the process", () -> !stdout.isEmpty());
        return stdout.get(stdout.size() - 1);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
