package dev.webhookrelay.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.ApiGatewayEvents;
import dev.webhookrelay.testing.LambdaRuntimeApi;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Requests;

/**
 * Drives deployment packages as Lambda does (the AWS runtime interface client polling a local stand-in of the Runtime
 * API, API Gateway v2 events) and measures them. One command per figure of issue 6:
 * <ul>
 * <li>{@code coldstart}: process start to the first dispatch response, the relay against the floor app, alternating.
 * <li>{@code classes}: the classes each app loads up to its first response, and what the relay adds, by package.
 * <li>{@code latency}: warm invocations of both apps and the harness's own round trip to the target, paired.
 * <li>{@code fanout}: one event to 1, 10, 50 … automations spread over five loopback receivers.
 * <li>{@code memory}: heap after a full GC and RSS at checkpoints over many dispatches, each with its own event, filter
 * and template text, so that every cache fills to its bound.
 * </ul>
 * Options are {@code --name value}; see {@code bench/README.md} and the {@code run-*.sh} scripts. With
 * {@code --store aws} the relay reads its secrets from AWS Secrets Manager, a local {@code moto_server} seeded with the
 * seed file's secrets, as in production; otherwise from the memory store. Exits non-zero when a
 * response is not what the request should produce; it asserts no timing.
 */
public final class LambdaBench {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");

    private final Map<String, String> options;
    private final Path work;
    private final Path out;
    private final String javaOpts;
    /** The local Secrets Manager when {@code --store aws}: the relay then reads its secrets as in production. */
    private Moto moto;

    private LambdaBench(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(option("work", "target/work")).toAbsolutePath();
        this.out = options.containsKey("out") ? Path.of(options.get("out")).toAbsolutePath() : null;
        this.javaOpts = option("java-opts", "");
    }

    public static void main(String[] args) {
        int status = 0;
        LambdaBench bench = null;
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("usage: LambdaBench coldstart|classes|latency|fanout|memory|async [--name value]...");
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value at " + args[i]);
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            bench = new LambdaBench(options);
            Files.createDirectories(bench.work);
            if (bench.out != null) {
                Files.createDirectories(bench.out);
            }
            if (bench.option("store", "memory").equals("aws")) {
                bench.startMoto();
            }
            switch (args[0]) {
                case "coldstart" -> bench.coldStart();
                case "classes" -> bench.classes();
                case "latency" -> bench.latency();
                case "fanout" -> bench.fanOut();
                case "memory" -> bench.memory();
                case "async" -> bench.async();
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            if (bench != null && bench.moto != null) {
                bench.moto.close();
            }
        }
        // The runtime API stand-ins keep threads parked on their queues; end here rather than wait for them.
        System.exit(status);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Commands

    private void coldStart() throws IOException {
        int runs = intOption("runs", 10);
        String label = option("label", "default");
        // Two apps: "relay" and "floor" by default; any name starting with "relay" is a relay package (--NAME-zip).
        List<String> apps = List.of(option("apps", "relay,floor").split(","));
        if (apps.size() != 2) {
            throw new IllegalArgumentException("--apps takes two apps, e.g. relay,floor");
        }
        boolean appCds = Boolean.parseBoolean(option("appcds", "false"));
        Map<String, Path> roots = new HashMap<>();
        Map<String, String> opts = new HashMap<>();
        for (String app : apps) {
            roots.put(app, unpack(app));
            String appOpts = (javaOpts + " " + option(app + "-opts", "")).trim(); // --NAME-opts: that app's own flags
            opts.put(app, appCds ? (appOpts + " -XX:SharedArchiveFile=" + trainAppCds(app)).trim() : appOpts);
        }
        Map<String, List<ColdStart>> results = new TreeMap<>();
        List<String> rows = new ArrayList<>();
        rows.add("label,app,run,first_response_ms,quarkus_started_ms,cpu_ms,init_ms,first_invocation_ms,load1");
        log("coldstart %s: %d runs each of %s, JAVA_TOOL_OPTIONS=%s", label, runs, apps, javaOpts);
        try (Receiver receiver = Receiver.start()) {
            String event = ApiGatewayEvents.post("/v1/dispatch",
                    Requests.githubDispatch(receiver.url("/hook")).toString());
            for (int run = 0; run < runs; run++) {
                // Alternate which app goes first, so that neither always runs on the cooler machine.
                List<String> order = run % 2 == 0 ? apps : List.of(apps.get(1), apps.get(0));
                for (String app : order) {
                    ColdStart result = firstResponse(app, roots.get(app), event, environment(app, opts.get(app)));
                    results.computeIfAbsent(app, k -> new ArrayList<>()).add(result);
                    rows.add(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.1f,%.0f,%.1f,%.1f,%.2f", label, app, run,
                            result.totalMs(), result.quarkusMs(), result.cpuMs(), result.initMs(),
                            result.firstInvocationMs(), result.load()));
                    log("  run %d %-5s first response %5.0f ms = init %5.0f + first invocation %4.0f"
                            + " (Quarkus: started in %4.0f ms); CPU %4.0f ms; load %.2f", run, app, result.totalMs(),
                            result.initMs(), result.firstInvocationMs(), result.quarkusMs(), result.cpuMs(),
                            result.load());
                    receiver.reset();
                }
            }
        }
        for (String app : apps) {
            log("coldstart %s %-5s: first response %s; first invocation %s; CPU %s", label, app,
                    ColdStart.stats(results.get(app), ColdStart::totalMs).summary("ms"),
                    ColdStart.stats(results.get(app), ColdStart::firstInvocationMs).summary("ms"),
                    ColdStart.stats(results.get(app), ColdStart::cpuMs).summary("ms"));
        }
        List<ColdStart> a = results.get(apps.get(0));
        List<ColdStart> b = results.get(apps.get(1));
        Stats total = ColdStart.pairedRatios(a, b, ColdStart::totalMs);
        Stats first = ColdStart.pairedRatios(a, b, ColdStart::firstInvocationMs);
        Stats load = ColdStart.stats(a, ColdStart::load);
        // One line per figure for run-floor.sh's table: the median of the paired ratios, their range, the load.
        log("table | cold start %s: first response %s/%s | %.0f / %.0f ms | %.2fx (pairs %.2f-%.2f) | %.1f-%.1f",
                label, apps.get(0), apps.get(1), ColdStart.stats(a, ColdStart::totalMs).median(),
                ColdStart.stats(b, ColdStart::totalMs).median(), total.median(), total.min(), total.max(), load.min(),
                load.max());
        log("table | first invocation %s: from first poll %s/%s | %.0f / %.0f ms | %.2fx (pairs %.2f-%.2f) | %.1f-%.1f",
                label, apps.get(0), apps.get(1), ColdStart.stats(a, ColdStart::firstInvocationMs).median(),
                ColdStart.stats(b, ColdStart::firstInvocationMs).median(), first.median(), first.min(), first.max(),
                load.min(), load.max());
        write("coldstart-" + label + ".csv", rows);
    }

    /**
     * One cold start: milliseconds from process start to the first response, Quarkus' own "started in", the CPU the
     * process used up to the response, the init phase (process start to its first poll of the Runtime API: what
     * SnapStart snapshots), and the 1-minute load average of the machine just after.
     */
    private record ColdStart(double totalMs, double quarkusMs, double cpuMs, double initMs, double load) {

        double firstInvocationMs() {
            return totalMs - initMs;
        }

        static Stats stats(List<ColdStart> runs, java.util.function.ToDoubleFunction<ColdStart> figure) {
            return new Stats(runs.stream().mapToDouble(figure).toArray());
        }

        /** Returns the ratios {@code a[i] / b[i]} of the runs made next to each other. */
        static Stats pairedRatios(List<ColdStart> a, List<ColdStart> b,
                java.util.function.ToDoubleFunction<ColdStart> figure) {
            double[] ratios = new double[Math.min(a.size(), b.size())];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = figure.applyAsDouble(a.get(i)) / figure.applyAsDouble(b.get(i));
            }
            return new Stats(ratios);
        }
    }

    private ColdStart firstResponse(String app, Path root, String event, Map<String, String> environment) {
        Path logFile = work.resolve(app + "-coldstart.log");
        try (LambdaRuntimeApi runtime = LambdaRuntimeApi.start();
                FunctionProcess function = FunctionProcess.start(root, runtime, environment, logFile)) {
            String response = runtime.invoke(event, TIMEOUT);
            double ms = (System.nanoTime() - function.startedNanos()) / 1e6;
            double cpuMs = function.cpuMillis();
            double initMs = (runtime.firstPollNanos() - function.startedNanos()) / 1e6;
            check(app, response, 1, function);
            Matcher started = STARTED_IN.matcher(function.output());
            double quarkusMs = started.find() ? Double.parseDouble(started.group(1)) * 1000 : Double.NaN;
            return new ColdStart(ms, quarkusMs, cpuMs, initMs, load());
        }
    }

    /** Returns the machine's 1-minute load average, as {@code uptime} shows it. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Returns a dynamic AppCDS archive of {@code app}: the classes a training run loads up to its first response and
     * its shutdown, dumped by the JVM at exit ({@code -XX:ArchiveClassesAtExit}), for the same class path and flags.
     */
    private Path trainAppCds(String app) {
        Path archive = work.resolve(app + ".jsa");
        try {
            Files.deleteIfExists(archive);
            try (Receiver receiver = Receiver.start()) {
                String event = ApiGatewayEvents.post("/v1/dispatch",
                        Requests.githubDispatch(receiver.url("/hook")).toString());
                String opts = (javaOpts + " -XX:ArchiveClassesAtExit=" + archive).trim();
                firstResponse(app, unpack(app), event, environment(app, opts)); // The JVM dumps as it exits.
            }
            for (int i = 0; i < 200 && !Files.exists(archive); i++) {
                Thread.sleep(50);
            }
            if (!Files.exists(archive)) {
                throw new IllegalStateException("The training run wrote no archive " + archive + ":\n"
                        + tail(Files.readString(work.resolve(app + "-coldstart.log"))));
            }
            log("appcds: trained %s, %,d KiB", archive, Files.size(archive) / 1024);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void classes() throws IOException {
        Map<String, List<String>> loaded = new HashMap<>();
        try (Receiver receiver = Receiver.start()) {
            String event = ApiGatewayEvents.post("/v1/dispatch",
                    Requests.githubDispatch(receiver.url("/hook")).toString());
            for (String app : List.of("relay", "floor")) {
                Path classLog = work.resolve(app + "-classes.log");
                Files.deleteIfExists(classLog);
                String opts = (javaOpts + " -Xlog:class+load=info:file=" + classLog).trim();
                firstResponse(app, unpack(app), event, environment(app, opts));
                loaded.put(app, Files.readAllLines(classLog));
            }
        }
        Map<String, Map<String, Integer>> sources = new TreeMap<>();
        Map<String, java.util.Set<String>> names = new HashMap<>();
        Pattern line = Pattern.compile("\\] (\\S+) source: (.*)$");
        for (var entry : loaded.entrySet()) {
            Map<String, Integer> bySource = new TreeMap<>();
            java.util.Set<String> set = new java.util.HashSet<>();
            for (String text : entry.getValue()) {
                Matcher m = line.matcher(text);
                if (!m.find()) {
                    continue;
                }
                set.add(m.group(1));
                String source = m.group(2);
                String kind = source.startsWith("shared objects file") ? "CDS archive"
                        : source.startsWith("jrt:") ? "JDK modules"
                        : source.contains("__JVM") || source.startsWith("instance of") ? "generated at run time"
                        : "class path";
                bySource.merge(kind, 1, Integer::sum);
            }
            sources.put(entry.getKey(), bySource);
            names.put(entry.getKey(), set);
        }
        for (var entry : sources.entrySet()) {
            log("classes %s: %d loaded up to the first response %s", entry.getKey(), names.get(entry.getKey()).size(),
                    entry.getValue());
        }
        Map<String, Integer> added = new TreeMap<>();
        for (String name : names.get("relay")) {
            if (!names.get("floor").contains(name)) {
                added.merge(packageOf(name), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(added.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        int total = top.stream().mapToInt(Map.Entry::getValue).sum();
        log("classes the relay loads and the floor does not: %d; by package:", total);
        log("table | classes loaded up to the first response relay/floor | %d / %d | +%d | %.1f",
                names.get("relay").size(), names.get("floor").size(), total, load());
        List<String> rows = new ArrayList<>(List.of("package,classes"));
        for (var entry : top) {
            rows.add(entry.getKey() + "," + entry.getValue());
        }
        top.stream().limit(intOption("top", 30)).forEach(e -> log("  %5d  %s", e.getValue(), e.getKey()));
        write("classes-relay-not-floor.csv", rows);
    }

    /**
     * A warm function for the latency and fan-out loops. An invocation without a response within
     * {@link #HUNG_AFTER} counts as hung: the function is then restarted (the runtime client serves one invocation at a
     * time, so a hung one blocks it for good), the invocation returns null and the caller leaves it out of its
     * percentiles, and the count is reported.
     */
    private final class Warm implements AutoCloseable {

        private final String app;
        private final String logName;
        private LambdaRuntimeApi runtime;
        private FunctionProcess process;
        private int hung;

        Warm(String app, String logName) {
            this.app = app;
            this.logName = logName;
            start();
        }

        private void start() {
            runtime = LambdaRuntimeApi.start();
            process = FunctionProcess.start(unpack(app), runtime, environment(app, javaOpts), work.resolve(logName));
            // The runtime client unpacks its JNI library to one fixed path in /tmp: two functions starting at once
            // can map it while the other rewrites it (SIGBUS in ld.so). Start the next only once this one polls.
            runtime.awaitFirstPoll(TIMEOUT);
        }

        /** Returns the response to {@code event}, or null when the function hung and was restarted. */
        String invoke(String event, boolean first) {
            try {
                return runtime.invoke(event, first ? TIMEOUT : HUNG_AFTER);
            } catch (AssertionError e) {
                hung++;
                log("  %s: no response within %s; restarting it (log kept as %s.hung-%d)", app, HUNG_AFTER, logName,
                        hung);
                close();
                try {
                    Files.copy(work.resolve(logName), work.resolve(logName + ".hung-" + hung),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException copy) {
                    throw new UncheckedIOException(copy);
                }
                start();
                return null;
            }
        }

        @Override
        public void close() {
            process.close();
            runtime.close();
        }
    }

    private static final Duration HUNG_AFTER = Duration.ofSeconds(10);

    private void latency() throws IOException {
        int warmup = intOption("warmup", 2000);
        int invocations = intOption("invocations", 5000);
        List<String> rows = new ArrayList<>(List.of("i,direct_rtt_ms,relay_ms,floor_ms,relay_attempt_ms"));
        int deliveredInLastMinute = 0;
        try (Receiver receiver = Receiver.start();
                Warm relay = new Warm("relay", "relay-latency.log");
                Warm floor = new Warm("floor", "floor-latency.log")) {
            String request = Requests.githubDispatch(receiver.url("/hook")).toString();
            String event = ApiGatewayEvents.post("/v1/dispatch", request);
            // The direct round trip sends what the relay sends: a body of the same size, the same headers.
            check("relay", relay.invoke(event, true), 1, relay.process);
            floor.invoke(event, true);
            Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));
            Map<String, String> headers = new LinkedHashMap<>(sent.headers());
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length"));
            try (RawHttp direct = new RawHttp(receiver.url("/hook"), headers, sent.body())) {
                log("latency: warm-up %d invocations of each, then %d measured (JAVA_TOOL_OPTIONS=%s)", warmup,
                        invocations, javaOpts);
                for (int i = 0; i < warmup; i++) {
                    direct.post();
                    relay.invoke(event, false);
                    floor.invoke(event, false);
                    resetEvery(List.of(receiver), i);
                }
                double[] rtt = new double[invocations];
                double[] relayMs = new double[invocations];
                double[] floorMs = new double[invocations];
                double[] attemptMs = new double[invocations];
                int n = 0;
                long measuring = System.nanoTime();
                for (int i = 0; i < invocations; i++) {
                    long t0 = System.nanoTime();
                    int status = direct.post();
                    long t1 = System.nanoTime();
                    String response = relay.invoke(event, false);
                    long t2 = System.nanoTime();
                    String floorResponse = floor.invoke(event, false);
                    long t3 = System.nanoTime();
                    resetEvery(List.of(receiver), i);
                    if (status != 204) {
                        throw new IllegalStateException("The receiver answered the harness with " + status);
                    }
                    if (response == null || floorResponse == null) {
                        continue;
                    }
                    JsonNode report = check("relay", response, 1, relay.process);
                    rtt[n] = (t1 - t0) / 1e6;
                    relayMs[n] = (t2 - t1) / 1e6;
                    floorMs[n] = (t3 - t2) / 1e6;
                    attemptMs[n] = report.at("/deliveries/0/attempts/0/durationMs").asDouble();
                    rows.add(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.4f,%.1f", i, rtt[n], relayMs[n], floorMs[n],
                            attemptMs[n]));
                    n++;
                }
                double seconds = (System.nanoTime() - measuring) / 1e9;
                deliveredInLastMinute = (int) Math.min(invocations, Math.round(invocations * 60 / seconds));
                rtt = java.util.Arrays.copyOf(rtt, n);
                relayMs = java.util.Arrays.copyOf(relayMs, n);
                floorMs = java.util.Arrays.copyOf(floorMs, n);
                attemptMs = java.util.Arrays.copyOf(attemptMs, n);
                double[] added = new double[n];
                double[] addedOverFloor = new double[n];
                for (int i = 0; i < n; i++) {
                    added[i] = relayMs[i] - rtt[i];
                    addedOverFloor[i] = relayMs[i] - floorMs[i] - rtt[i];
                }
                log("latency direct round trip to the target   : %s", new Stats(rtt).summary("ms"));
                log("latency relay invocation, end to end       : %s", new Stats(relayMs).summary("ms"));
                log("latency floor invocation (no-op endpoint)  : %s", new Stats(floorMs).summary("ms"));
                log("latency relay's own attempt (its report)   : %s", new Stats(attemptMs).summary("ms"));
                log("latency added: relay - direct, paired      : %s", new Stats(added).summary("ms"));
                log("latency added: relay - floor - direct      : %s", new Stats(addedOverFloor).summary("ms"));
                Stats over = new Stats(addedOverFloor);
                log("table | warm: whole invocation over the floor's, beyond the target's round trip | relay %.2f,"
                        + " floor %.2f, target %.2f ms p50 | +%.2f ms p50, +%.2f p99 | %.1f", new Stats(relayMs).median(),
                        new Stats(floorMs).median(), new Stats(rtt).median(), over.median(), over.quantile(0.99), load());
            }
            log("latency hung invocations (no response within %s, restarted, left out): relay %d, floor %d",
                    HUNG_AFTER, relay.hung, floor.hung);
            log("latency connections to the target closed in the last minute: %d (over %d deliveries in that time)",
                    closedConnections(receiver.url("/").getPort()), deliveredInLastMinute);
        }
        write(option("csv", "latency.csv"), rows);
    }

    private void fanOut() throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (String size : option("sizes", "1,10,50").split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        int warmup = intOption("warmup", 200);
        int invocations = intOption("invocations", 300);
        // --target-delay-ms: how long each target takes to answer, so that the figure is the relay's concurrency
        // rather than the receivers' CPU.
        Receiver.Response answer = Receiver.Response.status(204).after(Duration.ofMillis(intOption("target-delay-ms", 0)));
        List<Receiver> receivers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            receivers.add(Receiver.start().byDefault(answer));
        }
        java.util.function.IntConsumer reset = i -> {
            resetEvery(receivers, i);
            receivers.forEach(receiver -> receiver.byDefault(answer));
        };
        List<String> rows = new ArrayList<>(List.of("automations,i,ms"));
        Map<Integer, Stats> results = new LinkedHashMap<>();
        try (Warm relay = new Warm("relay", "relay-fanout.log")) {
            log("fanout: %s automations over %d receivers; warm-up %d, then %d measured each (JAVA_TOOL_OPTIONS=%s)",
                    sizes, receivers.size(), warmup, invocations, javaOpts);
            for (int size : sizes) {
                String event = ApiGatewayEvents.post("/v1/dispatch", fanOutRequest(size, receivers).toString());
                check("relay", relay.invoke(event, true), size, relay.process);
                for (int i = 0; i < warmup; i++) {
                    String response = relay.invoke(event, false);
                    if (response != null) {
                        check("relay", response, size, relay.process);
                    }
                    reset.accept(i);
                }
                double[] ms = new double[invocations];
                int n = 0;
                for (int i = 0; i < invocations; i++) {
                    long t0 = System.nanoTime();
                    String response = relay.invoke(event, false);
                    double elapsed = (System.nanoTime() - t0) / 1e6;
                    reset.accept(i);
                    if (response == null) {
                        continue;
                    }
                    check("relay", response, size, relay.process);
                    ms[n++] = elapsed;
                    rows.add(String.format(Locale.ROOT, "%d,%d,%.4f", size, i, elapsed));
                }
                results.put(size, new Stats(java.util.Arrays.copyOf(ms, n)));
                log("fanout %3d automations: %s", size, results.get(size).summary("ms"));
            }
            log("fanout hung invocations (no response within %s, restarted, left out): %d", HUNG_AFTER, relay.hung);
        } finally {
            receivers.forEach(Receiver::close);
        }
        Stats one = results.get(sizes.get(0));
        for (var entry : results.entrySet()) {
            log("fanout %3d / %d: median %.2fx, p90 %.2fx", entry.getKey(), sizes.get(0),
                    entry.getValue().median() / one.median(), entry.getValue().quantile(0.9) / one.quantile(0.9));
        }
        Stats most = results.get(sizes.get(sizes.size() - 1));
        log("table | fan-out: %d automations against %d, targets answering in %d ms | %.1f / %.1f ms p50 | %.2fx | %.1f",
                sizes.get(sizes.size() - 1), sizes.get(0), intOption("target-delay-ms", 0), most.median(),
                one.median(), most.median() / one.median(), load());
        write(option("csv", "fanout.csv"), rows);
    }

    private void memory() throws IOException, InterruptedException {
        int warmup = intOption("warmup", 2000);
        int dispatches = intOption("dispatches", 10000);
        int every = intOption("every", 2000);
        List<String> rows = new ArrayList<>(List.of("dispatches,heap_used_after_gc_kb,metaspace_used_kb,rss_kb"));
        try (Receiver receiver = Receiver.start();
                LambdaRuntimeApi runtime = LambdaRuntimeApi.start();
                FunctionProcess relay = FunctionProcess.start(unpack("relay"), runtime, environment("relay", javaOpts),
                        work.resolve("relay-memory.log"))) {
            log("memory: %d dispatches of warm-up, then %d, each with its own event id, filter regex and template"
                    + " (JAVA_TOOL_OPTIONS=%s)", warmup, dispatches, javaOpts);
            int done = 0;
            for (; done < warmup; done++) {
                check("relay", runtime.invoke(distinctEvent(done, receiver), TIMEOUT), 1, relay);
                resetEvery(List.of(receiver), done);
            }
            long[] base = checkpoint(relay, done, rows);
            for (int i = 0; i < dispatches; i++, done++) {
                check("relay", runtime.invoke(distinctEvent(done, receiver), TIMEOUT), 1, relay);
                resetEvery(List.of(receiver), done);
                if ((i + 1) % every == 0 || i + 1 == dispatches) {
                    long[] now = checkpoint(relay, done + 1, rows);
                    if (i + 1 == dispatches) {
                        log("memory after %d more dispatches: heap after GC %+d KiB, RSS %+d KiB", dispatches,
                                now[0] - base[0], now[2] - base[2]);
                    }
                }
            }
        }
        write(option("csv", "memory.csv"), rows);
    }

    /**
     * The async mode of the packaged relay with the memory stores (queue and status in the process, its consumer
     * there too): the added latency to the first attempt of an async dispatch over a sync one (each timed from the
     * invocation to the receiver's receipt, alternating); then deliveries per second of the consumer, from dispatches
     * of 10 automations each (the consumer gets them 10 at a time, as SQS hands batches of 10), to a loopback
     * receiver; with the heap after a full GC at checkpoints while {@code --deliveries} of them are queued and
     * delivered.
     */
    private void async() throws IOException, InterruptedException {
        int latencyRuns = intOption("latency-runs", 200);
        int deliveries = intOption("deliveries", 10000);
        int every = intOption("every", 2000);
        List<String> rows = new ArrayList<>(List.of("delivered,heap_used_after_gc_kb,metaspace_used_kb,rss_kb"));
        Map<String, String> environment = environment("relay", javaOpts);
        environment.put("RELAY_QUEUE_STORE", "memory");
        environment.put("RELAY_STATE_STORE", "memory");
        try (Receiver receiver = Receiver.start();
                LambdaRuntimeApi runtime = LambdaRuntimeApi.start();
                FunctionProcess relay = FunctionProcess.start(unpack("relay"), runtime, environment,
                        work.resolve("relay-async.log"))) {
            List<Double> sync = new ArrayList<>();
            List<Double> async = new ArrayList<>();
            for (int i = 0; i < latencyRuns; i++) {
                sync.add(firstAttemptMs(runtime, receiver, distinctEvent(2 * i, receiver)));
                String event = ApiGatewayEvents.withQuery(distinctEvent(2 * i + 1, receiver), "async=true");
                async.add(firstAttemptMs(runtime, receiver, event));
            }
            log("async: invocation to first attempt, sync  %s", stats(sync).summary("ms"));
            log("async: invocation to first attempt, async %s", stats(async).summary("ms"));
            log("async: added latency of async over sync to the first attempt: p50 %+.3f ms",
                    stats(async).median() - stats(sync).median());
            receiver.reset();
            checkpoint(relay, 0, rows);
            long started = System.nanoTime();
            int delivered = 0;
            for (int batch = 0; delivered < deliveries; batch++) {
                ObjectNode request = fanOutRequest(10, List.of(receiver));
                ((ObjectNode) request.get("event")).put("id", "evt-async-" + batch);
                JsonNode response = Requests.JSON.readTree(runtime.invoke(ApiGatewayEvents.post(
                        "/v1/dispatch?async=true", request.toString()), TIMEOUT));
                if (response.path("statusCode").asInt() != 202) {
                    throw new IllegalStateException("async dispatch answered " + response);
                }
                for (int i = 0; i < 10; i++) {
                    receiver.takeRequest(TIMEOUT);
                }
                delivered += 10;
                if (delivered % every == 0 || delivered >= deliveries) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log("async: %d delivered in %.1f s: %.0f deliveries/s", delivered, seconds, delivered / seconds);
                    checkpoint(relay, delivered, rows);
                    receiver.reset();
                    started = System.nanoTime() - (long) (seconds * 1e9);
                }
            }
        }
        write(option("csv", "async-memory.csv"), rows);
    }

    /**
     * Returns the milliseconds from invoking {@code event} to the receiver's getting its first attempt, wherever that
     * falls: inside a sync invocation, after an async one has answered.
     */
    private static double firstAttemptMs(LambdaRuntimeApi runtime, Receiver receiver, String event) {
        long started = System.nanoTime();
        runtime.invoke(event, TIMEOUT);
        return (receiver.takeRequest(TIMEOUT).receivedNanos() - started) / 1e6;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Requests

    private static ObjectNode fanOutRequest(int size, List<Receiver> receivers) {
        ArrayNode integrations = Requests.JSON.createArrayNode();
        List<JsonNode> automations = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "integration-" + i;
            integrations.add(Requests.integration(id, receivers.get(i % receivers.size()).url("/hook/" + i)));
            automations.add(Requests.automation("automation-" + i, id, Requests.GITHUB_TEMPLATE));
        }
        return Requests.dispatch(integrations, automations.toArray(JsonNode[]::new));
    }

    /** Returns dispatch {@code n}: its own event id, a filter with its own regex, a template with its own text. */
    private static String distinctEvent(int n, Receiver receiver) {
        String template = Requests.GITHUB_TEMPLATE.replace("\"event_type\": \"BUILD_AND_DEPLOY\"",
                "\"event_type\": \"BUILD_AND_DEPLOY\", \"sequence\": \"" + n + "\"");
        ObjectNode automation = Requests.automation("deploy-" + n, "SW50ZWdyYXRpb246MQ==", template);
        automation.put("eventFilter",
                "{\"$or\":[{\"$and\":[{\"alias\":{\"$regex\":\"^prod.*|^never-" + n + "$\"}}]}]}");
        ObjectNode request = Requests.dispatch(Requests.integration("SW50ZWdyYXRpb246MQ==", receiver.url("/hook")),
                automation);
        ((ObjectNode) request.get("event")).put("id", "evt-" + n);
        return ApiGatewayEvents.post("/v1/dispatch", request.toString());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    /** Returns the report in {@code response} after checking it: 200 and {@code deliveries} DELIVERED (relay). */
    private static JsonNode check(String app, String response, int deliveries, FunctionProcess function) {
        try {
            JsonNode lambda = Requests.JSON.readTree(response);
            if (lambda.path("statusCode").asInt() != 200) {
                throw new IllegalStateException(app + " answered " + response + "\n" + tail(function.output()));
            }
            JsonNode report = Requests.JSON.readTree(lambda.path("body").asText());
            if (app.startsWith("relay")) {
                JsonNode list = report.path("deliveries");
                if (list.size() != deliveries) {
                    throw new IllegalStateException("expected " + deliveries + " deliveries: " + report);
                }
                for (JsonNode delivery : list) {
                    if (!delivery.path("outcome").asText().equals("DELIVERED")) {
                        throw new IllegalStateException("not delivered: " + delivery);
                    }
                }
            }
            return report;
        } catch (IOException e) {
            throw new IllegalStateException(app + " answered something that is not JSON: " + response, e);
        }
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }

    private static void resetEvery(List<Receiver> receivers, int i) {
        if (i % 500 == 0) {
            receivers.forEach(Receiver::reset); // The receivers keep what they got; keep the harness's heap flat.
        }
    }

    /** Returns {heap used after a full GC, metaspace used, RSS}, in KiB, and logs and records them. */
    private long[] checkpoint(FunctionProcess function, int dispatches, List<String> rows)
            throws IOException, InterruptedException {
        jcmd(function.pid(), "GC.run");
        String heap = jcmd(function.pid(), "GC.heap_info");
        long used = heapUsed(heap);
        Matcher metaspace = Pattern.compile("Metaspace\\s+used (\\d+)K").matcher(heap);
        long meta = metaspace.find() ? Long.parseLong(metaspace.group(1)) : -1;
        String status = Files.readString(Path.of("/proc", Long.toString(function.pid()), "status"));
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
        long rssKb = rss.find() ? Long.parseLong(rss.group(1)) : -1;
        rows.add(dispatches + "," + used + "," + meta + "," + rssKb);
        if (javaOpts.contains("NativeMemoryTracking")) {
            // Committed native memory by area: what RSS is made of besides the Java heap.
            Matcher area = Pattern.compile("(?m)^-\\s+(\\w[\\w ]*?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)")
                    .matcher(jcmd(function.pid(), "VM.native_memory summary"));
            StringBuilder areas = new StringBuilder();
            while (area.find()) {
                areas.append(areas.length() == 0 ? "" : ", ").append(area.group(1).trim()).append(' ')
                        .append(area.group(2)).append("K");
            }
            log("  native memory committed: %s", areas);
        }
        log("memory after %6d dispatches: heap used after GC %,d KiB, metaspace %,d KiB, RSS %,d KiB", dispatches,
                used, meta, rssKb);
        return new long[] { used, meta, rssKb };
    }

    /** Returns the heap in use, in KiB: the G1 heap, or the young and old generations of the serial collector. */
    static long heapUsed(String heapInfo) {
        long used = 0;
        boolean found = false;
        Pattern generation = Pattern.compile(
                "(garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");
        Matcher m = generation.matcher(heapInfo);
        while (m.find()) {
            used += Long.parseLong(m.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("Cannot read the heap from: " + heapInfo);
        }
        return used;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    /**
     * Returns how many TCP connections to the loopback port {@code port} were closed in the last minute (still in
     * TIME_WAIT, on either side). Without connection reuse, every delivery of that minute would have left one.
     */
    private static int closedConnections(int port) throws IOException {
        int timeWait = 0;
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String row : Files.readAllLines(path)) {
                String[] columns = row.trim().split("\\s+");
                if (columns.length > 3 && (columns[1].endsWith(hexPort) || columns[2].endsWith(hexPort))
                        && columns[3].equals("06")) {
                    timeWait++;
                }
            }
        }
        return timeWait;
    }

    private Map<String, String> environment(String app, String opts) {
        Map<String, String> environment = new HashMap<>();
        if (!opts.isBlank()) {
            environment.put("JAVA_TOOL_OPTIONS", opts);
        }
        if (app.startsWith("relay")) {
            if (moto != null) {
                environment.put("RELAY_SECRETS_STORE", "aws-secrets-manager");
                environment.put("RELAY_SECRETS_AWS_ENDPOINT_OVERRIDE", moto.endpoint());
                environment.put("RELAY_SECRETS_AWS_REGION", "us-east-1");
                environment.put("AWS_ACCESS_KEY_ID", "testing");
                environment.put("AWS_SECRET_ACCESS_KEY", "testing");
            } else {
                environment.put("RELAY_SECRETS_STORE", "memory");
                environment.put("RELAY_SECRETS_SEED_FILE", seedFile().toString());
            }
            environment.put("RELAY_EGRESS_ALLOWED_CIDRS", "127.0.0.1/32");
            environment.put("RELAY_STATE_STORE", "memory"); // Once-per-run windows; prod's DynamoDB needs a table.
        }
        return environment;
    }

    private Path seedFile() {
        return Path.of(option("seed", "../src/test/resources/secrets.json")).toAbsolutePath();
    }

    /** Starts the local Secrets Manager with the seed file's secrets as {@code wandb/<entity>/<name>}. */
    private void startMoto() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        Requests.JSON.readTree(seedFile().toFile()).fields().forEachRemaining(entity -> entity.getValue().fields()
                .forEachRemaining(secret -> secrets.put("wandb/" + entity.getKey() + "/" + secret.getKey(),
                        secret.getValue().asText())));
        moto = Moto.start(secrets, work.resolve("moto.log"));
        log("secrets: relay.secrets.store=aws-secrets-manager, a local moto_server at %s", moto.endpoint());
    }

    /** Returns the task root of {@code app}, unzipped from its package once per harness run. */
    private Path unpack(String app) {
        // With AppCDS, the task root's classes go into a jar (see FunctionProcess.jarTaskRoot).
        boolean jarred = Boolean.parseBoolean(option("appcds", "false"));
        String name = app + (jarred ? "-task-jarred" : "-task");
        Path root = work.resolve(name);
        Path marker = work.resolve(name + ".unpacked");
        Path zip = Path.of(option(app + "-zip", app.startsWith("relay") ? "../target/function.zip"
                : "floor-app/target/function.zip")).toAbsolutePath();
        try {
            if (!Files.exists(zip)) {
                throw new IllegalStateException(zip + " does not exist: build it first (see bench/README.md)");
            }
            String stamp = zip + " " + Files.getLastModifiedTime(zip) + " " + Files.size(zip);
            if (!Files.exists(marker) || !Files.readString(marker).equals(stamp)) {
                FunctionProcess.unzip(zip, root);
                if (jarred) {
                    FunctionProcess.jarTaskRoot(root);
                }
                Files.writeString(marker, stamp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private static Stats stats(List<Double> values) {
        return new Stats(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String packageOf(String className) {
        String[] parts = className.split("\\.");
        int depth = Math.min(parts.length - 1, parts[0].equals("io") || parts[0].equals("org")
                || parts[0].equals("com") || parts[0].equals("dev") || parts[0].equals("software") ? 3 : 2);
        return String.join(".", java.util.Arrays.copyOf(parts, Math.max(1, depth)));
    }

    private void write(String name, List<String> rows) throws IOException {
        if (out != null) {
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out.resolve(name)))) {
                rows.forEach(writer::println);
            }
            log("wrote %s", out.resolve(name));
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
