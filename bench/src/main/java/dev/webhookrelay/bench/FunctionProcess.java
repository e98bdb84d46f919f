package dev.webhookrelay.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;

import dev.webhookrelay.testing.LambdaRuntimeApi;
import dev.webhookrelay.testing.PackagedFunction;

/**
 * A deployment package run as the {@code java21} Lambda runtime runs it, with the same command line, class path and
 * environment as the tests' {@link PackagedFunction}, but in the shape a benchmark needs: the package is unzipped once
 * into a task root that every run reuses (so that unzipping is not timed), {@link #startedNanos} is taken right before
 * the process is started, and the process id is known (for {@code jcmd} and {@code /proc/<pid>/status}).
 */
final class FunctionProcess implements AutoCloseable {

    private final Process process;
    private final long startedNanos;
    private final Path log;

    private FunctionProcess(Process process, long startedNanos, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /** Unzips {@code zip} into {@code taskRoot}, which is emptied first. */
    static void unzip(Path zip, Path taskRoot) {
        try {
            if (Files.exists(taskRoot)) {
                try (var paths = Files.walk(taskRoot)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(taskRoot);
            PackagedFunction.unzip(zip, taskRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unzip " + zip + " into " + taskRoot, e);
        }
    }

    /**
     * Moves everything at the top of {@code taskRoot} but {@code lib/} into {@code lib/task-root.jar}, leaving an
     * empty task root: the layout an AppCDS archive needs, since CDS refuses a class path with a non-empty directory.
     */
    static void jarTaskRoot(Path taskRoot) {
        Path jar = taskRoot.resolve("lib").resolve("task-root.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                var paths = Files.walk(taskRoot)) {
            List<Path> files = paths.filter(Files::isRegularFile)
                    .filter(path -> !taskRoot.relativize(path).startsWith("lib"))
                    .sorted()
                    .toList();
            for (Path file : files) {
                out.putNextEntry(new ZipEntry(taskRoot.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            for (Path file : files) {
                Files.delete(file);
            }
            try (var dirs = Files.walk(taskRoot)) {
                for (Path dir : dirs.filter(Files::isDirectory)
                        .filter(path -> !path.equals(taskRoot) && !taskRoot.relativize(path).startsWith("lib"))
                        .sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot jar the task root " + taskRoot, e);
        }
    }

    /**
     * Returns the function in {@code taskRoot} started against {@code runtime}, with {@code environment} added to the
     * Lambda variables ({@code JAVA_TOOL_OPTIONS} carries JVM flags, as on Lambda) and its output in {@code log}.
     */
    static FunctionProcess start(Path taskRoot, LambdaRuntimeApi runtime, Map<String, String> environment, Path log) {
        List<String> classPath = new ArrayList<>();
        if (!Files.exists(taskRoot.resolve("lib").resolve("task-root.jar"))) {
            classPath.add(taskRoot.toString()); // Unless jarTaskRoot moved its classes, which CDS requires.
        }
        classPath.add(taskRoot.resolve("lib") + File.separator + "*");
        ProcessBuilder builder = PackagedFunction.lambdaProcess(classPath, taskRoot, runtime, environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            long started = System.nanoTime();
            return new FunctionProcess(builder.start(), started, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the function in " + taskRoot, e);
        }
    }

    /** Returns {@link System#nanoTime()} just before the process was started. */
    long startedNanos() {
        return startedNanos;
    }

    /** Returns the CPU time the process has used so far, all threads, user and system, in milliseconds. */
    double cpuMillis() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns everything the function has written so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
