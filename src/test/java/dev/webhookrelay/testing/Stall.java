package dev.webhookrelay.testing;

import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the function's threads were doing when a request through the mock Lambda event server got no answer: the poll
 * thread's top frames and the other threads by name and state in one line, for the failure message, and every
 * thread's stack on standard output, for the test report. A stall that shows up once in CI can then be read there.
 */
public final class Stall {

    private static final String POLL_THREAD = StalePollThreads.POLL_THREAD;

    private Stall() {
    }

    /** Returns whether {@code failure}, or one of its causes, is a socket that timed out waiting for an answer. */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Prints every thread's stack and returns the one-line summary. */
    public static String describe() {
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        StringBuilder dump = new StringBuilder("== threads at the stall\n");
        stacks.forEach((thread, frames) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            Arrays.stream(frames).limit(40).forEach(frame -> dump.append("    at ").append(frame).append('\n'));
        });
        System.out.print(dump);

        String poll = stacks.entrySet().stream()
                .filter(entry -> POLL_THREAD.equals(entry.getKey().getName()))
                .map(entry -> entry.getKey().getState() + " at " + Arrays.stream(entry.getValue()).limit(6)
                        .map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                                + frame.getMethodName())
                        .collect(Collectors.joining(" < ")))
                .collect(Collectors.joining("; ", "poll thread(s): ", ""));
        Map<String, Long> others = new TreeMap<>(stacks.keySet().stream()
                .filter(thread -> !POLL_THREAD.equals(thread.getName()))
                .collect(Collectors.groupingBy(thread -> thread.getName().replaceAll("[-#\\d]+$", "") + " "
                        + thread.getState(), Collectors.counting())));
        return poll + "; others: " + others + " (stacks on standard output)";
    }
}
