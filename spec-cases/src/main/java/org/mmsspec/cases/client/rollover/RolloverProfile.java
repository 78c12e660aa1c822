package org.mmsspec.cases.client.rollover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mmsspec.cases.client.Attempt;
import org.mmsspec.cases.client.Attempt.Kind;

/**
 * An order in which a Microsoft player tries protocols for an mms:// URL. Neither MS-MMSP nor MS-WMSP states one
 * (MS-MMSP 1.6 only says MMS is for servers without RTSP or WMSP); the orders are those of the Windows Media Format
 * SDK and Media Foundation documentation. Chosen with {@code -Dclient.rollover=wmf-sdk|media-foundation}.
 */
public enum RolloverProfile {
    /** Windows Media Format SDK reader (WMP 9 to 11 on XP): RTSPU, RTSPT, MMSU, MMST, HTTP. */
    WMF_SDK("wmf-sdk", List.of(Step.RTSPU, Step.RTSPT, Step.MMSU, Step.MMST, Step.HTTP)),
    /** Media Foundation (WMP 11 on Vista, WMP 12), Fast Cache on: no MMS at all. */
    MEDIA_FOUNDATION("media-foundation", List.of(Step.RTSPT, Step.RTSPU, Step.HTTP, Step.HTTPD));

    /** One step of a profile's order. */
    public enum Step {
        RTSPU, RTSPT, MMSU, MMST,
        /** MMS over HTTP (MS-WMSP). */
        HTTP,
        /** Plain HTTP download. */
        HTTPD;

        /** Whether an attempt of {@code kind} can be this step: the transport of RTSP is not visible before SETUP. */
        boolean fits(Kind kind) {
            return switch (kind) {
                case RTSP -> this == RTSPU || this == RTSPT;
                case MMSU -> this == MMSU;
                case MMST -> this == MMST;
                case MMSH -> this == HTTP;
                case HTTP -> this == HTTPD;
            };
        }
    }

    public static final String PROPERTY = "client.rollover";

    private final String label;
    private final List<Step> order;

    RolloverProfile(String label, List<Step> order) {
        this.label = label;
        this.order = order;
    }

    public String label() {
        return label;
    }

    public List<Step> order() {
        return order;
    }

    /** The profile {@code -Dclient.rollover} names, wmf-sdk by default. */
    public static RolloverProfile selected() {
        return parse(System.getProperty(PROPERTY, WMF_SDK.label));
    }

    public static RolloverProfile parse(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        for (RolloverProfile p : values()) {
            if (p.label.equals(l)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown rollover profile '" + s + "': wmf-sdk or media-foundation");
    }

    /**
     * Where {@code attempts} leave this order: the first attempt that is not a later step than the one before it
     * (a repeat of the same protocol is a retry, not a step back). Empty where they are a subsequence of the order.
     */
    public Optional<String> breach(List<Attempt> attempts) {
        int at = -1;
        Kind last = null;
        for (Attempt a : attempts) {
            if (a.kind() == last && at >= 0 && order.get(at).fits(a.kind())) {
                continue;
            }
            int next = -1;
            for (int i = at + 1; i < order.size(); i++) {
                if (order.get(i).fits(a.kind())) {
                    next = i;
                    break;
                }
            }
            if (next < 0) {
                return Optional.of(a.kind() + " (connection #" + a.connection() + ") after "
                        + (last == null ? "nothing" : last) + " is not in " + label + "'s order " + order);
            }
            at = next;
            last = a.kind();
        }
        return Optional.empty();
    }

    /** The kinds of {@code attempts} in order, retries folded: {@code [MMST, MMSU, MMSH]}. */
    public static List<Kind> kinds(List<Attempt> attempts) {
        List<Kind> out = new ArrayList<>();
        for (Attempt a : attempts) {
            if (out.isEmpty() || out.get(out.size() - 1) != a.kind()) {
                out.add(a.kind());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
