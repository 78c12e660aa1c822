package org.mmsspec.harness.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A finding, as saved in {@code DIR/findings/}: enough to send the same bytes again and to say what they did. Two
 * findings with the same {@link #key()} are one finding; the key is also the file name, so that merging the output
 * directories of several shards merges their findings without duplicates.
 *
 * @param role           whose bug: a server's (mmsspec sent the steps as a client) or a client's (mmsspec sent them
 *                       as the server)
 * @param seed           the campaign's seed
 * @param session        the session that found it; seed and session regenerate the original plan
 * @param transport      MMST or MMSH
 * @param symptom        what the oracle saw
 * @param state          the state the steps reach before the guilty one
 * @param trigger        the kind of the guilty step ("LinkViewerToMacPong", "MMSH Play request"), after minimisation
 * @param detail         what the oracle saw, in a sentence (exit status, signal, sanitizer line, probe result)
 * @param target         what was fuzzed, so that {@code mmsspec replay} can reach it again
 * @param attack         the attack of the original session
 * @param steps          the smallest transcript known to reproduce it
 * @param minimised      whether {@code steps} went through minimisation
 * @param originalSteps  how many steps the session had before minimisation
 * @param originalBytes  and how many bytes
 */
public record Reproducer(Role role, long seed, long session, SessionPlan.Transport transport, Symptom symptom,
        FuzzState state, String trigger, String detail, Target target, String attack, List<Step> steps,
        boolean minimised, int originalSteps, int originalBytes) {

    public enum Role { SERVER, CLIENT }

    /**
     * Where the bytes went. Exactly one way to reach the target is used on replay: the command when set (started
     * anew, as {@code --target-cmd} does), else the embedded reference with its planted bugs when {@code planted} is
     * not null, else the address.
     *
     * @param address host:port of a server, or null for a client target
     * @param command the command that starts the target (a server with --target-cmd, or the client with {url}), or
     *                null
     * @param planted the planted bugs of the embedded reference server (empty for the unmutated one), or null when the
     *                target is not the embedded reference
     */
    public record Target(String address, String command, List<String> planted) {
        public Target {
            planted = planted == null ? null : List.copyOf(planted);
        }
    }

    public Reproducer {
        Objects.requireNonNull(role);
        Objects.requireNonNull(transport);
        Objects.requireNonNull(symptom);
        Objects.requireNonNull(state);
        Objects.requireNonNull(trigger);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(target);
        Objects.requireNonNull(attack);
        steps = List.copyOf(steps);
    }

    /** Symptom, state and trigger: what makes two findings one. Safe as a file name. */
    public String key() {
        return symptom.label() + "-" + state.label() + "-" + slug(trigger);
    }

    public Reproducer withSteps(List<Step> smaller, String newTrigger, FuzzState newState) {
        return new Reproducer(role, seed, session, transport, symptom, newState, newTrigger, detail, target, attack,
                smaller, true, originalSteps, originalBytes);
    }

    public int bytes() {
        return steps.stream().mapToInt(Step::length).sum();
    }

    static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return t.isEmpty() ? "unknown" : t.length() > 60 ? t.substring(0, 60) : t;
    }
}
