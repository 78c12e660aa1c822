package org.mmsspec.codec.mmsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every message type of MS-MMSP 2.2.4, by MID. */
public final class MessageTypes {

    private static final List<MessageType> ALL;
    private static final Map<Long, MessageType> BY_MID = new HashMap<>();

    static {
        List<MessageType> all = new ArrayList<>(ViewerToMac.TYPES);
        all.addAll(MacToViewer.TYPES);
        ALL = Collections.unmodifiableList(all);
        for (MessageType t : ALL) {
            if (BY_MID.put(t.mid(), t) != null) {
                throw new ExceptionInInitializerError("duplicate MID " + t.midHex());
            }
        }
    }

    private MessageTypes() {
    }

    public static List<MessageType> all() {
        return ALL;
    }

    /** The type with this MID, or null where MS-MMSP defines none. */
    public static MessageType byMid(long mid) {
        return BY_MID.get(mid);
    }

    public static MessageType byName(String name) {
        for (MessageType t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
