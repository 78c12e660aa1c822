package org.mmsspec.codec;

/** Who sends a unit. The spec calls the client "viewer" and the server "Mac". */
public enum Direction {
    /** Client to server: LinkViewerToMac*, MID high word 0x0003. */
    C2S(0x0003),
    /** Server to client: LinkMacToViewer*, MID high word 0x0004. */
    S2C(0x0004);

    private final int midHigh;

    Direction(int midHigh) {
        this.midHigh = midHigh;
    }

    /** The high 16 bits every MID of this direction carries (MS-MMSP 2.2.4). */
    public int midHigh() {
        return midHigh;
    }

    public static Direction ofMid(long mid) {
        int high = (int) (mid >>> 16) & 0xFFFF;
        for (Direction d : values()) {
            if (d.midHigh == high) {
                return d;
            }
        }
        return null;
    }

    /** Parses {@code c2s} or {@code s2c}, as the vector tables and the command line write them. */
    public static Direction parse(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "c2s" -> C2S;
            case "s2c" -> S2C;
            default -> throw new IllegalArgumentException("direction must be c2s or s2c: " + text);
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
