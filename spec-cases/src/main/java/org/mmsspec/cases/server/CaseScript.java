package org.mmsspec.cases.server;

/** The body of a server case: a short script on the mock client, in the spec's words. */
@FunctionalInterface
public interface CaseScript {

    /**
     * Drives the target and judges it through {@code ctx}. A broken MUST ends the script ({@code ctx.must}); a broken
     * SHOULD is recorded and the script goes on; an {@code ExpectationFailure} of the mock client is a broken rule of
     * the case's own section and level.
     */
    void run(CaseContext ctx) throws Exception;
}
