package org.mmsspec.harness.fuzz;

/** What an oracle saw go wrong: the first half of a finding's identity (the state is the other). */
public enum Symptom {
    /** Server: connections refused afterwards, or the liveness probe reset or closed. */
    CRASH("crash"),
    /** No answer within the timeout while the liveness probe stalls as well (server), or the client still runs. */
    HANG("hang"),
    /** The target process exited by itself (a server started with --target-cmd). */
    EXIT("exit"),
    /** The target process died by a signal (SIGSEGV, SIGABRT, ...). */
    SIGNAL("signal"),
    /** AddressSanitizer, UBSan, LeakSanitizer or another sanitizer reported on the target's stderr. */
    SANITIZER("sanitizer");

    private final String label;

    Symptom(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Symptom byLabel(String label) {
        for (Symptom s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no symptom '" + label + "'");
    }
}
