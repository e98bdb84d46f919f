package dev.webhookrelay.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The deployment package ({@code target/function.zip}) run as the {@code java21} Lambda runtime runs it: unzipped into
 * a task root whose root and {@code lib/*.jar} form the class path, started by the AWS Lambda runtime interface client
 * with a handler setting (the HTTP function's {@code QuarkusStreamHandler::handleRequest}, or the queue consumer's
 * {@link #QUEUE_HANDLER}), polling a {@link LambdaRuntimeApi}.
 */
public final class PackagedFunction implements AutoCloseable {

    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** The handler setting of the queue consumer function in template.yaml. */
    public static final String QUEUE_HANDLER = "dev.webhookrelay.queue.DeliveryQueueHandler::handleRequest";

    private final Process process;
    private final Path log;

    private PackagedFunction(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Returns the function in {@code zip}, started with {@code environment} against {@code runtime}; its output goes to
     * {@code log}.
     */
    public static PackagedFunction start(Path zip, Path taskRoot, LambdaRuntimeApi runtime,
            Map<String, String> environment, Path log) {
        return start(zip, taskRoot, runtime, HANDLER, environment, log);
    }

    /** Returns the function in {@code zip}, started as {@code start} without a handler does, with {@code handler}. */
    public static PackagedFunction start(Path zip, Path taskRoot, LambdaRuntimeApi runtime, String handler,
            Map<String, String> environment, Path log) {
        unzip(zip, taskRoot);
        ProcessBuilder builder = lambdaProcess(
                List.of(taskRoot.toString(), taskRoot.resolve("lib") + File.separator + "*"), taskRoot, runtime,
                handler, environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new PackagedFunction(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the packaged function", e);
        }
    }

    /**
     * Returns a process that runs the function as the {@code java21} runtime does: {@code taskClassPath} (the task
     * root's classes and {@code lib/*}) behind the runtime interface client, which polls {@code runtime}; with the Lambda
     * variables and then {@code environment} ({@code JAVA_TOOL_OPTIONS} there carries JVM flags, as on Lambda).
     */
    public static ProcessBuilder lambdaProcess(List<String> taskClassPath, Path taskRoot, LambdaRuntimeApi runtime,
            Map<String, String> environment) {
        return lambdaProcess(taskClassPath, taskRoot, runtime, HANDLER, environment);
    }

    /** Returns a process as {@link #lambdaProcess(List, Path, LambdaRuntimeApi, Map)} does, with {@code handler}. */
    public static ProcessBuilder lambdaProcess(List<String> taskClassPath, Path taskRoot, LambdaRuntimeApi runtime,
            String handler, Map<String, String> environment) {
        List<String> classPath = new ArrayList<>(taskClassPath);
        classPath.add(jarOf(AWSLambda.class));
        classPath.add(jarOf(PojoSerializer.class));
        classPath.add(jarOf(SdkInternalThreadLocal.class));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), AWSLambda.class.getName(), handler);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
        builder.environment().put("_HANDLER", handler);
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "webhook-relay");
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // Only what the caller gives, as on Lambda.
        builder.environment().putAll(environment);
        return builder;
    }

    /** Returns everything the function has written so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unzips {@code zip} into {@code target}, refusing entries that would land outside it. */
    public static void unzip(Path zip, Path target) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unzip " + zip, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
