package org.mmsspec.server.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

/** What the reference refuses before its session sees it, and what it lets through. */
class ClientInputTest {

    private static final LinkViewerToMacConnect CONNECT = LinkViewerToMacConnect.of(
            "NSPlayer/9.0.0.2980; {3300AD50-2C39-46c0-AE0A-60B0A5A8D8FC}; Host: 127.0.0.1");

    private static String refusal(byte[] packet) {
        return ClientInput.refusal(CommandPacketCodec.decode(packet, Direction.C2S, DecodeOptions.STRICT));
    }

    private static byte[] connect() {
        return CommandPacketCodec.encode(0, CONNECT);
    }

    @Test
    void aCanonicalPacketPasses() {
        assertThat(refusal(connect())).isNull();
    }

    @Test
    void eitherReadingOfChunkCountPassesAnythingElseIsRefused() {
        byte[] b = connect();
        int messageLength = b.length - 16;
        b[16] = (byte) (b.length / 8); // the spec's words: the whole packet in 8-byte units
        assertThat(refusal(b)).isNull();
        b[16] = (byte) (messageLength / 8 + 1);
        assertThat(refusal(b)).contains("chunkCount");
    }

    @Test
    void aBrokenMustOfTheHeaderIsRefusedPaddingIsNot() {
        byte[] b = connect();
        b[3] = (byte) 0xFF; // padding: receivers ignore it
        assertThat(refusal(b)).isNull();
        b[1] = 1; // version
        assertThat(refusal(b)).contains("version");
    }

    @Test
    void aSubscriberNameWithALoneSurrogateIsRefused() {
        var bad = new LinkViewerToMacConnect(CONNECT.playIncarnation(), CONNECT.MacToViewerProtocolRevision(),
                CONNECT.ViewerToMacProtocolRevision(), "NSPlayer/9.0", "", "");
        byte[] b = CommandPacketCodec.encode(0, bad);
        b[32 + 20] = 0x00; // "N" becomes U+D800, a high surrogate with no low one after it
        b[32 + 21] = (byte) 0xD8;
        assertThat(refusal(b)).contains("surrogate");
    }

    @Test
    void bytesThatStartNoHeaderAreCaughtOnceEightAreKnown() {
        ClientInput in = new ClientInput();
        byte[] data = {0, 0, 0, 0, 1, 0x0C, 0x00, 0x10}; // a Data packet header announcing 4096 bytes
        assertThat(in.unfinishedIsCommand(new byte[] {0, 0, 0, 0}, 4)).isTrue();
        assertThat(in.unfinishedIsCommand(java.util.Arrays.copyOfRange(data, 4, 8), 8)).isFalse();
        ClientInput fresh = new ClientInput();
        byte[] header = connect();
        assertThat(fresh.unfinishedIsCommand(java.util.Arrays.copyOf(header, 20), 20)).isTrue();
    }
}
