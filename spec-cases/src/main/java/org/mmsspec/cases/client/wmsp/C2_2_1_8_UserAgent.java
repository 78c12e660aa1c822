package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.Profile;
import org.mmsspec.server.mmsh.RecordedRequest;

/** MS-WMSP 2.2.1.8 User-Agent: the client-token and version every request names. */
final class C2_2_1_8_UserAgent {

    /** user-agent-data: client-token "/" major "." minor, then an optional via and products (2.2.1.8). */
    static final Pattern USER_AGENT = Pattern.compile(
            "(NSPlayer|NSServer|WMCacheProxy)/(\\d{1,2})\\.(\\d{1,2})(?:\\.\\d{1,4}\\.\\d{1,4})?(?:; via WMCacheProxy)?"
                    + "(?: \\S+)*");
    /** The client-token and major.minor pairs 2.2.1.8's table lists. */
    static final Set<String> VERSIONS = Set.of("NSServer/4.0", "NSServer/4.1", "NSServer/9.0", "NSServer/9.1",
            "NSServer/9.5", "WMCacheProxy/9.0", "WMCacheProxy/9.1", "WMCacheProxy/9.5", "NSPlayer/6.4",
            "NSPlayer/7.0", "NSPlayer/7.1", "NSPlayer/8.0", "NSPlayer/9.0", "NSPlayer/10.0", "NSPlayer/11.0",
            "NSPlayer/12.0");

    private C2_2_1_8_UserAgent() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("2.2.1.8", "UserAgent")
                .add(1, MUST, "the User-Agent reads NSPlayer (or NSServer, WMCacheProxy) / major.minor[.build.rev]")
                .covers("WMSP-3.1.5.1-R2").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    for (RecordedRequest r : ctx.requireMmsh()) {
                        String ua = r.header("User-Agent");
                        ctx.expect(ua != null && USER_AGENT.matcher(ua.strip()).matches(),
                                Mmsh.line(r) + ": User-Agent '" + ua + "' is not token/major.minor[.b.r]");
                    }
                })
                .add(2, MUST, "the User-Agent's token and major.minor are a pair the spec's table lists")
                .covers("WMSP-3.1.5.1-R3").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .erratum("FFmpeg, MPlayer, xine and libmms send NSPlayer/4.1.0.3856 and VLC NSPlayer/7.10.0.3059,"
                        + " neither in the table; servers answer them as old players. A WARN by default, a FAIL"
                        + " under the literal profile.")
                .check(ctx -> {
                    for (RecordedRequest r : ctx.requireMmsh()) {
                        String ua = r.header("User-Agent");
                        Matcher m = ua == null ? null : USER_AGENT.matcher(ua.strip());
                        if (m == null || !m.matches()) {
                            ctx.skip("User-Agent '" + ua + "' has no version to look up (C-WMSP-2.2.1.8-01)");
                        }
                        String pair = m.group(1) + "/" + Integer.parseInt(m.group(2)) + "." + m.group(3);
                        boolean literal = ctx.settings().profile() == Profile.LITERAL;
                        ctx.check(ctx.clientCase().section(), literal ? MUST : org.mmsspec.codec.Level.SHOULD,
                                VERSIONS.contains(pair), Mmsh.line(r) + ": " + pair + " is not in 2.2.1.8's table",
                                "one of " + new java.util.TreeSet<>(VERSIONS), ua);
                    }
                });
    }
}
