package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.quirk;

import java.util.List;

import org.mmsspec.codec.Section;
import org.mmsspec.server.scenario.Mutation.Quirk;

/**
 * Owned by the helper of the negative cases ({@code MmspNegativeCases}): faults in how the server meets malformed or
 * out-of-sequence input, bad identifiers and spoofed resends. Add yours here, one rule each, named by what the server
 * then does; {@code breaks} is the section of the case that must catch it.
 */
final class NegativeMutants {

    private NegativeMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                new Mutant("malformed input stops the listener", Section.mmsp("3.2.5.1"),
                        "bad input gets an error or a close, and the server lives on for other clients",
                        quirk(Quirk.DIE_ON_MALFORMED)),
                new Mutant("a message out of sequence is silently ignored", Section.mmsp("3.2.5.1"),
                        "a message the state does not allow gets an error or a close, never silence",
                        quirk(Quirk.IGNORE_OUT_OF_ORDER)),
                new Mutant("any openFileId is served", Section.mmsp("3.2.5.8"),
                        "R3: ReadBlock's openFileId must be the File-ID (so must Start*, StopPlaying, CloseFile's)",
                        quirk(Quirk.ACCEPT_ANY_OPEN_FILE_ID)),
                new Mutant("a SecurityResponse with another cookie is accepted", Section.mmsp("3.2.5.7"),
                        "the SecurityResponse's cookie must be the challenge's", quirk(Quirk.IGNORE_COOKIE)),
                new Mutant("resends are made for any dwClientId", Section.mmsp("3.2.5.13"),
                        "a RequestPacketListResend is checked against Client-ID and File-ID",
                        quirk(Quirk.RESEND_ANY_CLIENT)));
    }
}
