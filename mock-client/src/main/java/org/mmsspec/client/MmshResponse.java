package org.mmsspec.client;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshPacket;

/**
 * One MMSH response: its head and its body cut into packets (MS-WMSP 2.2.3), each decoded strictly and in the
 * transcript.
 *
 * @param head   the response head; null where none arrived ({@code end} says why)
 * @param frames every framed packet of the body, in order
 * @param end    how the body ended: EOF (the usual end of an HTTP/1.0 body), the last chunk or Content-Length reached
 *               (as EOF), a timeout, reset, or a lost stream; or the last packet read where the client's bound cut it
 */
public record MmshResponse(HttpHead head, List<Outcome.Received> frames, Outcome end) {

    public MmshResponse {
        frames = List.copyOf(frames);
    }

    public int status() {
        return head == null ? -1 : head.status();
    }

    public String header(String name) {
        return head == null ? null : head.header(name);
    }

    /** The client-id Pragma the server assigned (MS-WMSP 2.2.1.4.3), or -1. */
    public long clientId() {
        String v = head == null ? null : head.pragma("client-id");
        try {
            return v == null ? -1 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The decoded packets; undecodable ones are left out (they are in {@link #frames()}). */
    public List<MmshPacket> packets() {
        return frames.stream().map(Outcome.Received::mmsh).flatMap(Optional::stream).toList();
    }

    /** The ASF header the $H packets carry, joined. */
    public byte[] asfHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packets().stream().filter(p -> p instanceof MmshHeader).map(p -> ((MmshHeader) p).packet().Payload())
                .forEach(b -> out.writeBytes(b.toArray()));
        return out.toByteArray();
    }

    /** The Data packets of the $D packets. */
    public List<DataPacket> data() {
        return packets().stream().filter(p -> p instanceof MmshData).map(p -> ((MmshData) p).packet()).toList();
    }

    /** True where the client stopped reading at its bound ({@link MmshClient#readAtMost}): {@code end} is the last packet. */
    public boolean cut() {
        return end instanceof Outcome.Received;
    }

    /** True where the whole body arrived: an end by EOF (or last chunk, or Content-Length), not by failure. */
    public boolean complete() {
        return end instanceof Outcome.Eof e && e.partialBytes() == 0;
    }
}
