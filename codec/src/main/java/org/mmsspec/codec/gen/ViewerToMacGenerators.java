package org.mmsspec.codec.gen;

import static org.mmsspec.codec.gen.Gen.between;
import static org.mmsspec.codec.gen.Gen.pick;
import static org.mmsspec.codec.gen.Gen.u32;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.ClientLog;
import org.mmsspec.codec.mmsp.ClientLogInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacCancelReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacSecurityResponse;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartStriding;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/** Generators of valid client-to-server messages, one per type, in the order of their sections. */
public final class ViewerToMacGenerators {

    private ViewerToMacGenerators() {
    }

    /** SecurityResponse: two zero bytes before the NTLM token. */
    static final byte[] RESPONSE_NTLM = {0, 0};
    /** OpenFile: an NTLM_AUTH header (Zero 0, One 1) or the NTLMSSP signature of a raw NTLM message. */
    static final byte[] NTLM_AUTH = {0, 0, 0, 0, 1, 0, 0, 0};
    static final byte[] NTLMSSP = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};

    public static final List<MessageGenerator> ALL = List.of(
            MessageGenerator.of(LinkViewerToMacCancelReadBlock.TYPE,
                    r -> new LinkViewerToMacCancelReadBlock(incarnation(r))),
            MessageGenerator.of(LinkViewerToMacCloseFile.TYPE, r -> LinkViewerToMacCloseFile.of(u32(r))),
            MessageGenerator.of(LinkViewerToMacConnect.TYPE, ViewerToMacGenerators::connect),
            MessageGenerator.of(LinkViewerToMacConnectFunnel.TYPE,
                    r -> LinkViewerToMacConnectFunnel.of(funnelName(r))),
            MessageGenerator.of(LinkViewerToMacFunnelInfo.TYPE, r -> new LinkViewerToMacFunnelInfo(pick(r,
                    LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR, LinkViewerToMacFunnelInfo.MMS_USE_PACKET_PAIR,
                    LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_TCP_HIGH_ENTROPY,
                    LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_UDP_HIGH_ENTROPY))),
            MessageGenerator.of(LinkViewerToMacLogging.TYPE, ViewerToMacGenerators::logging),
            MessageGenerator.of(LinkViewerToMacOpenFile.TYPE, ViewerToMacGenerators::openFile),
            MessageGenerator.of(LinkViewerToMacPong.TYPE, r -> LinkViewerToMacPong.of()),
            MessageGenerator.of(LinkViewerToMacReadBlock.TYPE, r -> new LinkViewerToMacReadBlock(u32(r), 0, 0,
                    0x8000, 0xFFFFFFFFL, 0, 0.0, 3600.0, incarnation(r), 0)),
            MessageGenerator.of(LinkViewerToMacSecurityResponse.TYPE, r -> LinkViewerToMacSecurityResponse.of(u32(r),
                    u32(r), token(r, RESPONSE_NTLM))),
            MessageGenerator.of(LinkViewerToMacStartPlaying.TYPE, ViewerToMacGenerators::startPlaying),
            MessageGenerator.of(LinkViewerToMacStartStriding.TYPE, ViewerToMacGenerators::startStriding),
            MessageGenerator.of(LinkViewerToMacStopPlaying.TYPE,
                    r -> new LinkViewerToMacStopPlaying(u32(r), incarnation(r))),
            MessageGenerator.of(LinkViewerToMacStreamSwitch.TYPE, ViewerToMacGenerators::streamSwitch));

    static long incarnation(RandomGenerator r) {
        return between(r, 1, 0xFE);
    }

    static LinkViewerToMacConnect connect(RandomGenerator r) {
        String token = r.nextInt(8) == 0 ? pick(r, "Spoooon!", "Spooooon!")
                : "NSPlayer/" + between(r, 0, 99) + "." + between(r, 0, 99)
                        + (r.nextBoolean() ? "." + between(r, 0, 9999) + "." + between(r, 0, 9999) : "")
                        + "; {" + Gen.guid(r) + "}";
        String host = r.nextBoolean() ? "" : hostInfo(r);
        String name = token + (r.nextBoolean() ? "; Host: " + hostInfo(r) : "");
        String via = r.nextInt(4) == 0 ? "VIA: WMCacheProxy/9.1, proxy2" : "";
        return new LinkViewerToMacConnect(pick(r, LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR,
                LinkViewerToMacConnect.MMS_USE_PACKET_PAIR), LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, name, host.isEmpty() ? "" : "HOST: " + host, via);
    }

    static String hostInfo(RandomGenerator r) {
        String host = pick(r, "127.0.0.1", "media.example.org", "a");
        return r.nextBoolean() ? host : host + ":" + between(r, 1, 65535);
    }

    /** IPv4 and the IPv6 forms (full, compressed, with embedded IPv4), ports at their edges, either transport. */
    static String funnelName(RandomGenerator r) {
        String ip = switch (r.nextInt(5)) {
            case 0 -> between(r, 0, 255) + "." + between(r, 0, 255) + "." + between(r, 0, 255) + "."
                    + between(r, 0, 255);
            case 1 -> "2001:db8:0:0:0:0:0:" + Long.toHexString(between(r, 0, 0xFFFF));
            case 2 -> pick(r, "::", "::1", "fe80::", "2001:DB8::8:800:200C:417A");
            case 3 -> "::ffff:" + between(r, 0, 255) + ".0.2." + between(r, 0, 255);
            default -> pick(r, "192.168.0.129", "192.168.0.1");
        };
        return "\\\\" + ip + "\\" + pick(r, "TCP", "UDP") + "\\" + between(r, 1, 65535);
    }

    /** A path of any Unicode text without '%' (no percent-encoding) and without NUL. */
    static String path(RandomGenerator r) {
        return Gen.text(r, 260).replace('%', '_');
    }

    /** Basic credentials as NUL-terminated ASCII, or an NTLM token (any bytes) behind {@code ntlmPrefix}. */
    static Bytes token(RandomGenerator r, byte[] ntlmPrefix) {
        if (r.nextBoolean()) {
            String cred = Gen.ascii(r, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");
            return Bytes.copyOf((cred + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] raw = Gen.bytes(r, 200).toArray();
        byte[] b = new byte[ntlmPrefix.length + raw.length];
        System.arraycopy(ntlmPrefix, 0, b, 0, ntlmPrefix.length);
        System.arraycopy(raw, 0, b, ntlmPrefix.length, raw.length);
        return Bytes.copyOf(b);
    }


    static LinkViewerToMacOpenFile openFile(RandomGenerator r) {
        Bytes data = r.nextBoolean() ? Bytes.EMPTY : token(r, r.nextBoolean() ? NTLM_AUTH : NTLMSSP);
        return LinkViewerToMacOpenFile.of(incarnation(r), path(r), data);
    }

    static LinkViewerToMacStartPlaying startPlaying(RandomGenerator r) {
        double position = pick(r, 0.0, Double.MAX_VALUE, r.nextDouble() * 86_400);
        long asf = pick(r, 0L, LinkViewerToMacStartPlaying.NOT_USED, u32(r));
        long loc = pick(r, 0L, LinkViewerToMacStartPlaying.NOT_USED, u32(r));
        if (position == Double.MAX_VALUE && (asf == 0 || asf == 0xFFFFFFFFL) && (loc == 0 || loc == 0xFFFFFFFFL)) {
            loc = between(r, 1, 0xFFFFFFFEL);
        }
        int optional = pick(r, 0, 2, 3);
        return new LinkViewerToMacStartPlaying(u32(r), 0, position, asf, loc, pick(r, 0L, u32(r)), incarnation(r),
                optional, optional >= 2 ? u32(r) : 0, optional >= 2 ? u32(r) : 0, optional == 3 ? u32(r) : 0);
    }

    static LinkViewerToMacStartStriding startStriding(RandomGenerator r) {
        long unusedA = pick(r, 0L, LinkViewerToMacStartPlaying.NOT_USED);
        long unusedB = pick(r, 0L, LinkViewerToMacStartPlaying.NOT_USED);
        long point = between(r, 1, 0xFFFFFFFEL);
        double position = Double.MAX_VALUE;
        long asf = unusedA;
        long loc = unusedB;
        switch (r.nextInt(3)) {
            case 0 -> position = pick(r, 0.0, r.nextDouble() * 86_400);
            case 1 -> asf = point;
            default -> loc = point;
        }
        double any = r.nextDouble() * 10 - 5;
        double rate = pick(r, -5.0, 5.0, Double.MIN_VALUE, -Double.MIN_VALUE, 2.0, -1.0, any == 0 ? 1.0 : any);
        return new LinkViewerToMacStartStriding(u32(r), 0, position, asf, loc, 0, incarnation(r), rate);
    }

    static LinkViewerToMacStreamSwitch streamSwitch(RandomGenerator r) {
        // At least one entry: every ASF file has a stream, and Wireshark calls an empty StreamSwitch malformed.
        int n = (int) between(r, 1, 127);
        List<StreamSwitchEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int stream = (int) between(r, 1, 127);
            entries.add(switch (r.nextInt(3)) {
                case 0 -> StreamSwitchEntry.on(stream);
                case 1 -> StreamSwitchEntry.off(stream);
                default -> new StreamSwitchEntry(StreamSwitchEntry.NO_STREAM, stream, (int) between(r, 0, 2));
            });
        }
        return new LinkViewerToMacStreamSwitch(n, entries);
    }

    /** ANSI text for a fixed field of {@code size} bytes: 1..size-1 Latin-1 characters, "-" for empty. */
    static String ansi(RandomGenerator r, int size) {
        StringBuilder sb = new StringBuilder();
        int n = (int) between(r, 0, size - 1);
        for (int i = 0; i < n; i++) {
            sb.append((char) between(r, 0x01, 0xFF));
        }
        return sb.isEmpty() ? "-" : sb.toString();
    }

    static LinkViewerToMacLogging logging(RandomGenerator r) {
        ClientLogInfo info = new ClientLogInfo(ClientLogInfo.SIZE, ansi(r, 260), ansi(r, 260), ansi(r, 64),
                ansi(r, 260), r.nextLong(), ansi(r, 16), ansi(r, 40), ansi(r, 32), r.nextLong(), u32(r),
                r.nextLong(), u32(r), ansi(r, 64), ansi(r, 64), u32(r), u32(r), (int) between(r, -32768, 32767),
                u32(r), u32(r), r.nextLong(), u32(r), u32(r), 0, between(r, 0, 100), 0);
        return new LinkViewerToMacLogging(new ClientLog(ClientLog.SIZE, info, u32(r), u32(r), ansi(r, 260),
                ansi(r, 16), r.nextLong(), ansi(r, 16), "mms", pick(r, "UDP", "TCP"), u32(r), u32(r), u32(r), u32(r),
                u32(r)));
    }
}
