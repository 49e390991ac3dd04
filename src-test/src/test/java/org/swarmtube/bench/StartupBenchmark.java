package org.swarmtube.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time from starting the process to a usable window, for the app ({@code swarmtube} with no verb: the
 * window with the node inside, Home drawn with what it loaded) against a bare JavaFX window started the
 * same way (same java, class path, JVM options, libjsig, display). Each figure is the median of several
 * runs, measured from outside: from {@code ProcessBuilder.start} to the line the process prints once
 * its window is laid out. Run by {@code scripts/bench startup} (under Xvfb if there is no display).
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    /**
     * @param wallSeconds  process start to the usable line, measured here
     * @param jvmSeconds   JVM start to usable, as the process measured it
     * @param frameSeconds JVM start to the first frame (the app's start-up frame), or -1
     */
    private record Run(double wallSeconds, double jvmSeconds, double frameSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        String appClasspath = System.getProperty("app.classpath");
        String benchClasses = System.getProperty("bench.classes");
        if (appClasspath == null || benchClasses == null) {
            throw new IllegalStateException("run through scripts/bench startup (needs -Dapp.classpath and -Dbench.classes)");
        }
        if (System.getenv("DISPLAY") == null) throw new IllegalStateException("no DISPLAY: run under Xvfb");
        Path work = Files.createTempDirectory("swarmtube-startup");
        List<String> jvm = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> bare = command(jvm, benchClasses + ":" + appClasspath, List.of(), "org.swarmtube.bench.BareWindow");
        System.out.printf("== Start-up to a usable window (%d rounds, %d cores, DISPLAY=%s)%n", rounds,
                Runtime.getRuntime().availableProcessors(), System.getenv("DISPLAY"));
        // one untimed run of each, so both start from a warm page cache
        measure(bare, "bare-startup");
        measure(app(jvm, appClasspath, work.resolve("warmup")), "swarmtube-startup");

        List<Run> bares = new ArrayList<>();
        List<Run> firsts = new ArrayList<>();
        List<Run> restarts = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path home = work.resolve("home" + i);
            bares.add(measure(bare, "bare-startup"));
            firsts.add(measure(app(jvm, appClasspath, home), "swarmtube-startup"));
            restarts.add(measure(app(jvm, appClasspath, home), "swarmtube-startup"));
            System.out.printf("round %d: bare %.2f s, first start %.2f s, restart %.2f s%n", i + 1,
                    bares.get(i).wallSeconds(), firsts.get(i).wallSeconds(), restarts.get(i).wallSeconds());
        }
        double b = median(bares);
        double f = median(firsts);
        double r = median(restarts);
        System.out.printf(Locale.ROOT, "bare JavaFX window             %.2f s (median; %.2f s after JVM start)%n", b,
                medianJvm(bares));
        System.out.printf(Locale.ROOT, "swarmtube, first start         %.2f s (identity made, database created, node started)%n", f);
        System.out.printf(Locale.ROOT, "swarmtube, restart             %.2f s%n", r);
        System.out.printf(Locale.ROOT, "after JVM start: bare window %.2f s; swarmtube's first frame %.2f s, usable %.2f s (restart)%n",
                medianJvm(bares), restarts.stream().mapToDouble(Run::frameSeconds).sorted().toArray()[rounds / 2], medianJvm(restarts));
        System.out.printf(Locale.ROOT, "ratio first start / bare       %.2f%n", f / b);
        System.out.printf(Locale.ROOT, "ratio restart / bare           %.2f%n", r / b);
    }

    private static List<String> app(List<String> jvm, String classpath, Path home) {
        return command(jvm, classpath, List.of("-Dswarmtube.startup.report=stdout", "-Dswarmtube.startup.exit=true"),
                "org.swarmtube.app.Swarmtube", "--home", home.toString(), "--listen", "127.0.0.1:0", "--dht-bootstrap", "",
                "--no-upnp", "--no-natpmp", "--no-lsd");
    }

    private static List<String> command(List<String> jvm, String classpath, List<String> properties, String main, String... args) {
        List<String> c = new ArrayList<>(jvm);
        c.addAll(properties);
        c.addAll(List.of("-cp", classpath, main));
        c.addAll(Arrays.asList(args));
        return c;
    }

    /** Starts the command and waits for the line starting with {@code marker}; the process then exits by itself. */
    private static Run measure(List<String> command, String marker) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("swarmtube-startup", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put("LD_PRELOAD", Path.of(System.getProperty("java.home"), "lib", "libjsig.so").toString());
        long start = System.nanoTime();
        Process process = builder.start();
        double jvm = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(marker)) {
                    double wall = (System.nanoTime() - start) / 1e9;
                    String ms = line.replaceAll(".*usable-ms=(\\d+).*", "$1");
                    jvm = Long.parseLong(ms) / 1000.0;
                    double frame = line.matches(".*window=\\d+.*")
                            ? Long.parseLong(line.replaceAll(".*window=(\\d+).*", "$1")) / 1000.0 : -1;
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        throw new IllegalStateException(command.get(command.size() - 1) + " did not exit");
                    }
                    return new Run(wall, jvm, frame);
                }
            }
        } finally {
            process.destroyForcibly();
        }
        List<String> err = Files.readAllLines(errors);
        throw new IllegalStateException("no '" + marker + "' line from " + String.join(" ", command) + " (exit "
                + process.waitFor() + "); its last errors:\n" + String.join("\n", err.subList(Math.max(0, err.size() - 15), err.size())));
    }

    private static double median(List<Run> runs) {
        return runs.stream().mapToDouble(Run::wallSeconds).sorted().toArray()[runs.size() / 2];
    }

    private static double medianJvm(List<Run> runs) {
        return runs.stream().mapToDouble(Run::jvmSeconds).sorted().toArray()[runs.size() / 2];
    }
}
