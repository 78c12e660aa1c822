package org.mmsspec.codec.gen;

import static org.mmsspec.codec.gen.Gen.between;
import static org.mmsspec.codec.gen.Gen.pick;
import static org.mmsspec.codec.gen.Gen.u32;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.WireWriter;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportDisconnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportRedirect;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartStriding;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamChange;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkMacToViewerSecurityChallenge;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.NtlmAuth;

/** Generators of valid server-to-client messages, one per type. */
public final class MacToViewerGenerators {

    private MacToViewerGenerators() {
    }

    public static final List<MessageGenerator> ALL = List.of(
            MessageGenerator.of(LinkMacToViewerPing.TYPE, r -> LinkMacToViewerPing.of()),
            MessageGenerator.of(LinkMacToViewerReportConnectedEX.TYPE, MacToViewerGenerators::reportConnectedEX),
            MessageGenerator.of(LinkMacToViewerReportConnectedFunnel.TYPE,
                    r -> LinkMacToViewerReportConnectedFunnel.of()),
            MessageGenerator.of(LinkMacToViewerReportDisconnectedFunnel.TYPE,
                    r -> LinkMacToViewerReportDisconnectedFunnel.of(hr(r))),
            MessageGenerator.of(LinkMacToViewerReportEndOfStream.TYPE,
                    r -> LinkMacToViewerReportEndOfStream.of(pick(r, 0L, 1L, u32(r)), u32(r))),
            MessageGenerator.of(LinkMacToViewerReportFunnelInfo.TYPE, MacToViewerGenerators::reportFunnelInfo),
            MessageGenerator.of(LinkMacToViewerReportOpenFile.TYPE, MacToViewerGenerators::reportOpenFile),
            MessageGenerator.of(LinkMacToViewerReportReadBlock.TYPE,
                    r -> LinkMacToViewerReportReadBlock.of(hr(r), u32(r))),
            MessageGenerator.of(LinkMacToViewerReportRedirect.TYPE, MacToViewerGenerators::reportRedirect),
            MessageGenerator.of(LinkMacToViewerReportStartedPlaying.TYPE,
                    r -> new LinkMacToViewerReportStartedPlaying(hr(r), u32(r), u32(r), pick(r, 0L, 0x40000000L),
                            Bytes.copyOf(new byte[LinkMacToViewerReportStartedPlaying.UNUSED2_SIZE]))),
            MessageGenerator.of(LinkMacToViewerReportStartStriding.TYPE,
                    r -> LinkMacToViewerReportStartStriding.of(hr(r), u32(r))),
            MessageGenerator.of(LinkMacToViewerReportStreamChange.TYPE,
                    r -> LinkMacToViewerReportStreamChange.of(u32(r), u32(r), u32(r))),
            MessageGenerator.of(LinkMacToViewerReportStreamSwitch.TYPE,
                    r -> LinkMacToViewerReportStreamSwitch.of(hr(r))),
            MessageGenerator.of(LinkMacToViewerSecurityChallenge.TYPE, MacToViewerGenerators::securityChallenge));

    /** Success half the time, else any HRESULT. */
    static long hr(RandomGenerator r) {
        return r.nextBoolean() ? 0 : u32(r);
    }

    static LinkMacToViewerReportConnectedEX reportConnectedEX(RandomGenerator r) {
        String server = version(r, true);
        boolean upgrade = r.nextInt(4) == 0;
        String versionInfo = upgrade ? version(r, r.nextBoolean()) : "";
        String versionUrl = upgrade ? "http://update.example.org/" + Gen.ascii(r, 40, "abcdefghij/") : "";
        String authen = pick(r, "", "BASIC", "NTLM");
        return new LinkMacToViewerReportConnectedEX(hr(r), pick(r, LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR,
                LinkViewerToMacConnect.MMS_USE_PACKET_PAIR), LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, 1.0, 1, 1, 0x8000, 0x00989680L, chars(server),
                chars(versionInfo), chars(versionUrl), chars(authen), server, versionInfo, versionUrl, authen);
    }

    /** major.minor, optionally .build.revision, at the edges of the digit counts. */
    static String version(RandomGenerator r, boolean mayHaveBuild) {
        return between(r, 0, 99) + "." + between(r, 0, 99)
                + (mayHaveBuild && r.nextBoolean() ? "." + between(r, 0, 9999) + "." + between(r, 0, 9999) : "");
    }

    /** A ReportConnectedEX cb value: characters plus NUL, 0 for an absent string. */
    static long chars(String s) {
        return s.isEmpty() ? 0 : s.length() + 1;
    }

    static LinkMacToViewerReportFunnelInfo reportFunnelInfo(RandomGenerator r) {
        long inc = pick(r, LinkMacToViewerReportFunnelInfo.MMS_DISABLE_PACKET_PAIR,
                LinkMacToViewerReportFunnelInfo.MMS_USE_PACKET_PAIR,
                LinkMacToViewerReportFunnelInfo.MMS_PACKET_PAIR_TCP_HIGH_ENTROPY,
                LinkMacToViewerReportFunnelInfo.MMS_PACKET_PAIR_UDP_HIGH_ENTROPY);
        Bytes pair = Bytes.EMPTY;
        if (LinkMacToViewerReportFunnelInfo.carriesPacketPair(inc)) {
            // the 432- and 976-byte fills that make 512- and 1056-byte packets (3.2.5.4), or any multiple of 8:
            // the field runs to the end of the message, so only whole chunks survive a round trip
            int n = r.nextInt(3) == 0 ? (int) between(r, 0, 128) * 8 : pick(r, 432, 976);
            byte[] b = new byte[n];
            r.nextBytes(b);
            pair = Bytes.copyOf(b);
        }
        return LinkMacToViewerReportFunnelInfo.of(hr(r), inc, u32(r), pair);
    }

    static LinkMacToViewerReportOpenFile reportOpenFile(RandomGenerator r) {
        long attributes = 0;
        for (long flag : new long[] {LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_CANSTRIDE,
                LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_CANSEEK,
                LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_BROADCAST,
                LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_LIVE,
                LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_PLAYLIST}) {
            attributes |= r.nextBoolean() ? flag : 0;
        }
        double duration = switch (r.nextInt(4)) {
            case 0 -> 0.0; // live or unknown
            case 1 -> between(r, 0, 0xFFFFFFFFL); // whole seconds, up to what fileBlocks can hold
            case 2 -> Math.nextDown((double) 0xFFFFFFFFL);
            default -> r.nextDouble() * 100_000;
        };
        return new LinkMacToViewerReportOpenFile(hr(r), u32(r), u32(r), 0, 0, attributes, duration,
                (long) Math.ceil(duration), Bytes.copyOf(new byte[LinkMacToViewerReportOpenFile.UNUSED1_SIZE]),
                u32(r), r.nextBoolean() ? 0 : r.nextLong(), u32(r), u32(r),
                Bytes.copyOf(new byte[LinkMacToViewerReportOpenFile.UNUSED2_SIZE]));
    }

    static LinkMacToViewerReportRedirect reportRedirect(RandomGenerator r) {
        int type = pick(r, LinkMacToViewerReportRedirect.REDIRECT_URL, LinkMacToViewerReportRedirect.REDIRECT_PROXY);
        String location;
        if (type == LinkMacToViewerReportRedirect.REDIRECT_PROXY && r.nextInt(4) == 0) {
            location = ""; // stop using a proxy
        } else {
            String host = pick(r, "a", "media.example.org", "192.0.2.7", "[2001:db8::1]");
            String port = r.nextBoolean() ? "" : ":" + between(r, 1, 65535);
            String head = pick(r, "mms", "mmsu", "mmst", "MMST") + "://" + host + port;
            // the longest location a packet within the default decode bound holds (32 header, 16 fixed, NUL);
            // the u16 cbLocation itself would allow 32766 code units
            int room = (DecodeOptions.DEFAULT_MAX_MESSAGE_SIZE - 48) / 2 - 1 - head.length() - 1;
            String path = r.nextInt(16) == 0 ? "x".repeat(room) : urlSafe(Gen.text(r, 200));
            location = r.nextInt(8) == 0 ? head : head + "/" + path;
        }
        return new LinkMacToViewerReportRedirect(hr(r), type, 2 * (location.length() + 1), location);
    }

    /**
     * {@code s} with what a percent-encoding-free URL (or a quoted-string) cannot hold replaced by 'x': '%', spaces
     * and controls.
     */
    static String urlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(c == '%' || Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c) ? 'x' : (char) c));
        return b.toString();
    }

    static LinkMacToViewerSecurityChallenge securityChallenge(RandomGenerator r) {
        Bytes token = switch (r.nextInt(5)) {
            case 0 -> LinkMacToViewerSecurityChallenge.basicToken(urlSafe(Gen.text(r, 60)));
            case 1 -> LinkMacToViewerSecurityChallenge.basicToken(pick(r, "", "a\"b\\c", "WMS"));
            case 2 -> LinkMacToViewerSecurityChallenge.ntlmToken(ntlmChallenge(r));
            case 3 -> NtlmAuth.of(ntlmChallenge(r)).toToken();
            default -> LinkMacToViewerSecurityChallenge.ntlmToken(Bytes.EMPTY);
        };
        return LinkMacToViewerSecurityChallenge.of(u32(r), u32(r), token);
    }

    /** Bytes that begin like an NTLM CHALLENGE_MESSAGE ("NTLMSSP\0", type 2); the rest is opaque here. */
    static Bytes ntlmChallenge(RandomGenerator r) {
        byte[] tail = new byte[(int) between(r, 0, 200)];
        r.nextBytes(tail);
        return Bytes.copyOf(new WireWriter().bytes("NTLMSSP\0".getBytes(
                StandardCharsets.US_ASCII)).u32(2).bytes(tail).toByteArray());
    }
}
