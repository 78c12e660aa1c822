package org.mmsspec.harness.fuzz.client;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mmsspec.cases.client.ClientExit;
import org.mmsspec.harness.fuzz.Symptom;

/** What a client's end says: a death by a crash signal, a sanitizer's report on its output, or a hang. */
final class ClientOracle {

    /** Signals a client dies by when it breaks; TERM and KILL are ours. */
    static final Set<String> CRASH_SIGNALS = Set.of("SIGSEGV", "SIGABRT", "SIGBUS", "SIGILL", "SIGFPE");
    /** What AddressSanitizer, UBSan, LeakSanitizer and the other sanitizers print. */
    static final List<String> SANITIZER_WORDS = List.of("AddressSanitizer", "UndefinedBehaviorSanitizer",
            "LeakSanitizer", "ThreadSanitizer", "MemorySanitizer", "runtime error:");

    /** A symptom, and the sentence that says what the oracle saw. */
    record Verdict(Symptom symptom, String detail) {
    }

    private ClientOracle() {
    }

    static Optional<Verdict> judge(Lane.Outcome o) {
        ClientExit exit = o.exit();
        String output = exit.outputTail() == null ? "" : exit.outputTail();
        // a sanitizer first: its report is the better detail, and ASan may end by SIGABRT as well
        for (String line : output.split("\n")) {
            if (SANITIZER_WORDS.stream().anyMatch(line::contains)) {
                return Optional.of(new Verdict(Symptom.SANITIZER, line.strip() + " (" + exit.summary() + ")"));
            }
        }
        if (exit.signal() != null && CRASH_SIGNALS.contains(exit.signal())) {
            return Optional.of(new Verdict(Symptom.SIGNAL, exit.summary()));
        }
        if (o.hung()) {
            return Optional.of(new Verdict(Symptom.HANG, "still running a timeout after the server had nothing more"
                    + " to say; " + exit.summary()));
        }
        return Optional.empty();
    }
}
