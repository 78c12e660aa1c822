package org.mmsspec.cases.client;

/** The judgement of a client case, made once the client has been stopped, from what the mock server saw. */
@FunctionalInterface
public interface ClientCheck {

    /** Judges through {@code ctx}: a broken MUST ends the check, a broken SHOULD is recorded and it goes on. */
    void check(ClientContext ctx) throws Exception;
}
