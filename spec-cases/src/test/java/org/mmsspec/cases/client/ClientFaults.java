package org.mmsspec.cases.client;

import static org.mmsspec.client.player.PlayerFault.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mmsspec.client.player.PlayerFault;

/**
 * Which fault of the reference player each client case catches: the proof that the case can fail. A case writer adds
 * the line for each new case; {@link ClientCaseProofTest} runs it.
 */
final class ClientFaults {

    private static final Map<String, PlayerFault> TABLE = new LinkedHashMap<>();

    static {
        // MS-MMSP 2.2.4.17 LinkViewerToMacConnect
        TABLE.put("C-MMSP-2.2.4.17-01", FUNNEL_INFO_BEFORE_CONNECT);
        TABLE.put("C-MMSP-2.2.4.17-02", WRONG_REVISIONS);
        TABLE.put("C-MMSP-2.2.4.17-03", WRONG_CONNECT_INCARNATION);
    }

    private ClientFaults() {
    }

    static Optional<PlayerFault> of(String caseId) {
        return Optional.ofNullable(TABLE.get(caseId));
    }

    static Map<String, PlayerFault> table() {
        return Map.copyOf(TABLE);
    }
}
