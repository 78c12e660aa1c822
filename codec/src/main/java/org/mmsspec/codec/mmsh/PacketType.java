package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Section;

/** The PacketID values of MS-WMSP 2.2.3 and the section that defines each. */
public enum PacketType {
    /** $C, stream change notification. */
    C('C', "2.2.3.2"),
    /** $D, one ASF data packet. */
    D('D', "2.2.3.3"),
    /** $E, end-of-stream notification. */
    E('E', "2.2.3.4"),
    /** $H, a piece of the ASF header. */
    H('H', "2.2.3.5"),
    /** $M, a piece of the playlist entry's metadata. */
    M('M', "2.2.3.6"),
    /** $P, packet-pair. */
    P('P', "2.2.3.7"),
    /** $T, test data notification. */
    T('T', "2.2.3.8");

    private final int id;
    private final Section section;

    PacketType(char id, String section) {
        this.id = id;
        this.section = Section.wmsp(section);
    }

    public int id() {
        return id;
    }

    public Section section() {
        return section;
    }

    /** The type with this PacketID, or null. */
    public static PacketType of(int packetId) {
        for (PacketType t : values()) {
            if (t.id == packetId) {
                return t;
            }
        }
        return null;
    }
}
