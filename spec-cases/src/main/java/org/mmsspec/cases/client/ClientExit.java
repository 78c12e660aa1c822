package org.mmsspec.cases.client;

import java.util.Set;

/**
 * How the client of one case ended.
 *
 * @param byItself   it exited before the case stopped it
 * @param code       its exit status, or -1 where it died by a signal
 * @param signal     the signal it died by ({@code SIGSEGV}), or null
 * @param stoppedBy  the signal the case sent to stop it ({@code SIGTERM}, {@code SIGKILL}), or null
 * @param outputTail the last lines of its output, bounded
 * @param ms         how long it ran
 */
public record ClientExit(boolean byItself, int code, String signal, String stoppedBy, String outputTail, long ms) {

    /** Signals a client dies by when it breaks on its own: never ones the case sends. */
    static final Set<String> CRASHES = Set.of("SIGSEGV", "SIGABRT", "SIGBUS", "SIGILL", "SIGFPE", "SIGPIPE",
            "SIGSYS", "SIGTRAP");

    /**
     * Whether the client died by a signal of its own making: one that signals a crash, or any signal where the case
     * never stopped it. A client stopped with TERM may end by TERM or KILL (or by a wrapper re-raising either).
     */
    public boolean crashed() {
        return signal != null && (CRASHES.contains(signal) || stoppedBy == null);
    }

    /**
     * The signal an exit status {@code code} reports, or null: Java, like a shell, reports a death by signal n as
     * 128 + n.
     */
    public static String signalOfStatus(int code) {
        return code > 128 && code < 128 + 65 ? signalName(code - 128) : null;
    }

    /** Conventional shell status for a death by signal {@code n}: 128 + n. */
    public static String signalName(int n) {
        return switch (n) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 4 -> "SIGILL";
            case 5 -> "SIGTRAP";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 14 -> "SIGALRM";
            case 15 -> "SIGTERM";
            case 31 -> "SIGSYS";
            default -> "signal " + n;
        };
    }

    /** One line: {@code exit 1 by itself after 412 ms}, {@code died by SIGSEGV after 80 ms}. */
    public String summary() {
        String how = signal != null ? "died by " + signal : "exit " + code;
        String who = byItself ? "by itself" : "stopped with " + stoppedBy;
        return how + " (" + who + ") after " + ms + " ms";
    }
}
