package org.mmsspec.cases.client;

import java.io.IOException;

/**
 * Starts the client under test for one case: a command line (the harness), or an in-process scripted client (the
 * proof that every case catches a fault).
 */
public interface ClientLauncher {

    /** How reports name the client graded: its command line, with placeholders. */
    String describe();

    /** Starts the client on {@code url}; it runs until it exits or {@link RunningClient#stop()}. */
    RunningClient start(ClientUrl url) throws IOException;
}
