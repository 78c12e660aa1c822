package org.mmsspec.client;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mmsspec.codec.DataPacket;

/** The ASF file header as it arrived: the Data packets that carried it, in order (MS-MMSP 2.2.2, 3.1.5.1). */
public record AsfHeader(List<DataPacket> fragments) {

    /** Stream Properties Object GUID B7DC0791-A9B7-11CF-8EE6-00C00C205365, as stored (little-endian parts). */
    private static final byte[] STREAM_PROPERTIES = {(byte) 0x91, 0x07, (byte) 0xDC, (byte) 0xB7, (byte) 0xB7,
            (byte) 0xA9, (byte) 0xCF, 0x11, (byte) 0x8E, (byte) 0xE6, 0x00, (byte) 0xC0, 0x0C, 0x20, 0x53, 0x65};
    /** GUID, Size, Stream Type, Error Correction Type, Time Offset and two lengths come before Flags. */
    private static final int FLAGS_OFFSET = 16 + 8 + 16 + 16 + 8 + 4 + 4;

    public AsfHeader {
        fragments = List.copyOf(fragments);
    }

    /** The payloads joined: the ASF Header Object and the start of the Data Object. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fragments.forEach(f -> out.writeBytes(f.Payload().toArray()));
        return out.toByteArray();
    }

    /**
     * The stream numbers of the Stream Properties Objects found in the header, for a StreamSwitch that selects all.
     * A plain scan for the object's GUID: enough for a client that only needs the numbers.
     */
    public Set<Integer> streamNumbers() {
        byte[] h = bytes();
        Set<Integer> out = new LinkedHashSet<>();
        outer:
        for (int i = 0; i + FLAGS_OFFSET + 2 <= h.length; i++) {
            for (int j = 0; j < STREAM_PROPERTIES.length; j++) {
                if (h[i + j] != STREAM_PROPERTIES[j]) {
                    continue outer;
                }
            }
            out.add(h[i + FLAGS_OFFSET] & 0x7F);
        }
        return out;
    }
}
