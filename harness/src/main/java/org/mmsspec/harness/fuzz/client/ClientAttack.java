package org.mmsspec.harness.fuzz.client;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.mmsspec.cases.client.Scheme;
import org.mmsspec.harness.fuzz.FuzzState;

/**
 * What one client session does to the mock server's replies, fixed by the campaign's seed and the session number:
 * the state under attack (its first damaged reply is the first reply of that state, or a few after it) and one to
 * three damages, the first on that reply, the others on it or on the replies right after it.
 *
 * @param state   the state under attack
 * @param offset  how many replies of the attacked connection after the state's first one the first damage hits
 * @param damages what is done, in the order applied
 */
record ClientAttack(FuzzState state, int offset, List<Damage> damages) {

    static final List<FuzzState> MMST = List.of(FuzzState.START, FuzzState.CONNECTED, FuzzState.FUNNEL,
            FuzzState.OPENED, FuzzState.READ_BLOCK, FuzzState.PLAYING, FuzzState.STREAMING, FuzzState.END_OF_STREAM);
    static final List<FuzzState> MMSH = List.of(FuzzState.START, FuzzState.MMSH_DESCRIBE, FuzzState.MMSH_PLAY,
            FuzzState.MMSH_STREAMING);

    ClientAttack {
        damages = List.copyOf(damages);
    }

    /** The states a client on {@code scheme} can be attacked in. */
    static List<FuzzState> states(Scheme scheme) {
        return switch (scheme) {
            case MMSH -> MMSH;
            case MMS -> {
                List<FuzzState> all = new ArrayList<>(MMST);
                all.addAll(MMSH.subList(1, MMSH.size()));
                yield all;
            }
            default -> MMST;
        };
    }

    static ClientAttack draw(long seed, long number, Scheme scheme) {
        SplittableRandom r = new SplittableRandom(mix(seed, number));
        List<FuzzState> states = states(scheme);
        FuzzState state = states.get(r.nextInt(states.size()));
        // a few replies into the header, the Play response or the content, where one reply is not the whole state
        int offset = switch (state) {
            case READ_BLOCK, MMSH_PLAY -> r.nextInt(3);
            case STREAMING, MMSH_STREAMING -> r.nextInt(6);
            default -> 0;
        };
        Damage.Kind[] kinds = Damage.Kind.values();
        List<Damage> damages = new ArrayList<>();
        int n = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
        for (int i = 0; i < n; i++) {
            // field-aware damage half the time: it reaches deeper into the client's parsing than noise
            Damage.Kind k = r.nextBoolean() ? Damage.Kind.FIELD : kinds[r.nextInt(kinds.length)];
            damages.add(new Damage(k, i == 0 ? 0 : r.nextInt(3), r.nextLong()));
        }
        return new ClientAttack(state, offset, damages);
    }

    /** A session's seed: seed and number mixed (SplitMix64's finaliser), so neighbouring sessions share nothing. */
    static long mix(long seed, long number) {
        long z = seed * 0x9E3779B97F4A7C15L + number;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** "opened+0: field, flip @+1" */
    String describe() {
        return state.label() + "+" + offset + ": " + damages.stream().map(Damage::toString)
                .collect(Collectors.joining(", "));
    }
}
