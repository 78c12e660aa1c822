package org.mmsspec.harness.fuzz;

/**
 * How far a session walked the protocol with valid messages before it attacked: the state under attack. The MMST
 * states follow the TCP sequence of MS-MMSP 3.1.5.1 (and 3.2.5 on the server), the MMSH ones the request types of
 * MS-WMSP 3.1.5. For a client campaign it is the state the client had reached when the mock server's reply was
 * damaged.
 */
public enum FuzzState {
    /** Nothing valid sent yet: the attack is the first bytes on the connection. */
    START("start"),
    /** After Connect and ReportConnectedEX (MS-MMSP 2.2.4.17, 2.2.4.4). */
    CONNECTED("connected"),
    /** After ConnectFunnel and ReportConnectedFunnel (2.2.4.18, 2.2.4.3). */
    FUNNEL("funnel"),
    /** After OpenFile and ReportOpenFile (2.2.4.21, 2.2.4.7). */
    OPENED("opened"),
    /** After ReadBlock, ReportReadBlock and the header's Data packets (2.2.4.23, 2.2.4.8). */
    READ_BLOCK("read-block"),
    /** After StartPlaying and ReportStartedPlaying (2.2.4.27, 2.2.4.10), before any Data packet arrived. */
    PLAYING("playing"),
    /** While Data packets of the content arrive. */
    STREAMING("streaming"),
    /** After ReportEndOfStream (2.2.4.5). */
    END_OF_STREAM("end-of-stream"),
    /** MMSH: the attack is the Describe request itself (MS-WMSP 2.2.1.1, 3.1.5.1). */
    MMSH_DESCRIBE("mmsh-describe"),
    /** MMSH: after a good Describe, the attack is the Play request (MS-WMSP 3.1.5.2). */
    MMSH_PLAY("mmsh-play"),
    /** MMSH: while the Play response streams, on a second connection (stream switch, keep-alive, log). */
    MMSH_STREAMING("mmsh-streaming");

    private final String label;

    FuzzState(String label) {
        this.label = label;
    }

    /** The name in stats.json, status lines and finding file names. */
    public String label() {
        return label;
    }

    public static FuzzState byLabel(String label) {
        for (FuzzState s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no fuzz state '" + label + "'");
    }
}
