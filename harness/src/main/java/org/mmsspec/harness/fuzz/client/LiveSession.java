package org.mmsspec.harness.fuzz.client;

import java.util.HashMap;
import java.util.Map;

import org.mmsspec.harness.fuzz.FuzzState;

/**
 * A fuzzed session: the attack's damages applied to the replies they name. What went out ({@link #sent()}) is the
 * transcript of a finding, which {@link ReplaySession} sends again.
 */
final class LiveSession extends SessionWire {

    private final ClientAttack attack;
    private final Map<Integer, byte[]> held = new HashMap<>();
    private int anchorConn = -1;
    private int target;
    private String trigger;

    LiveSession(long seed, ClientAttack attack) {
        super(seed);
        this.attack = attack;
    }

    @Override
    Damage.Out substitute(Conn c, int k, byte[] original, Reply reply) {
        if (anchorConn < 0 && (attack.state() == FuzzState.START || attack.state() == reply.state())) {
            anchorConn = c.index;
            target = k + attack.offset();
        }
        Damage.Out out = Damage.Out.unchanged(original);
        if (c.index == anchorConn) {
            for (Damage d : attack.damages()) {
                if (k == target + d.after()) {
                    out = d.apply(out, reply);
                    if (trigger == null) {
                        trigger = reply.name();
                    }
                }
            }
        }
        byte[] before = held.remove(c.index);
        if (before != null) {
            out = new Damage.Out(Damage.concat(before, out.bytes()), out.segmenting(), out.closeAfter(), out.hold(),
                    out.what() + " (with the reply before)");
        }
        if (out.hold()) {
            held.put(c.index, out.bytes());
            return new Damage.Out(new byte[0], out.segmenting(), false, false, out.what());
        }
        return out;
    }

    /** The first damaged reply's name, or "undamaged" where the client never reached the attacked one. */
    synchronized String trigger() {
        return trigger == null ? "undamaged" : trigger;
    }

    ClientAttack attack() {
        return attack;
    }
}
