package org.mmsspec.harness.fuzz.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpMethod;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.MessageType;
import org.mmsspec.codec.mmsp.MessageTypes;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;
import org.mmsspec.codec.mmsp.UnknownMessage;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.SessionPlan;
import org.mmsspec.harness.fuzz.Step;
import org.mmsspec.server.mmsh.PragmaTokens;
import org.mmsspec.server.mmsh.RequestType;

/**
 * What a step is, read from its bytes alone: the identity of a finding once minimisation has cut its transcript (the
 * notes of a plan no longer fit then), and the state the valid steps before the guilty one reach.
 */
public final class Triggers {

    /** Where the MID of the first message lies: the TcpMessageHeader, then chunkLen. */
    private static final int MID_AT = TcpMessageHeader.SIZE + 4;
    /** The header bytes messageLength does not count (MS-MMSP 2.2.3). */
    private static final int BEFORE_LENGTH = 16;
    /** A request line or head longer than this is not read further. */
    private static final int MAX_HEAD = 64 * 1024;
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Za-z]+) (\\S+) HTTP/\\d\\.\\d");

    private Triggers() {
    }

    /**
     * MMST: the MID name of the step's first message ("LinkViewerToMacConnect"), decoded leniently, or what keeps it
     * from being one ("unframed bytes", "short packet", "unknown MID"). MMSH: the request type ("MMSH Describe",
     * "MMSH Log (POST)", "MMSH malformed request line").
     */
    public static String trigger(SessionPlan.Transport transport, Step step) {
        return transport == SessionPlan.Transport.MMSH ? mmsh(step.bytes()) : mmst(step.bytes());
    }

    /**
     * The state that the valid steps before {@code steps.get(guiltyIndex)} reach: MMST walks connection 0 through the
     * sequence of MS-MMSP 3.1.5.1 and stops at the first step that is not its next valid message; MMSH counts the
     * valid Describe and Play before it.
     */
    public static FuzzState stateBefore(SessionPlan.Transport transport, List<Step> steps, int guiltyIndex) {
        List<Step> before = steps.subList(0, Math.max(0, Math.min(guiltyIndex, steps.size())));
        if (transport == SessionPlan.Transport.MMSH) {
            FuzzState s = FuzzState.MMSH_DESCRIBE;
            for (Step st : before) {
                String t = mmsh(st.bytes());
                if (t.equals(PLAY)) {
                    s = FuzzState.MMSH_STREAMING;
                } else if (t.equals(DESCRIBE) && s == FuzzState.MMSH_DESCRIBE) {
                    s = FuzzState.MMSH_PLAY;
                }
            }
            return s;
        }
        FuzzState s = FuzzState.START;
        for (Step st : before) {
            if (st.connection() != 0) {
                continue;
            }
            MmsMessage m = validMessage(st.bytes());
            FuzzState next = m == null ? null : after(s, m, st.await());
            if (next == null) {
                break;
            }
            s = next;
        }
        return s;
    }

    /** The state a valid message moves {@code s} to, or null where it is not a next step of the sequence. */
    private static FuzzState after(FuzzState s, MmsMessage m, Step.Await await) {
        if (m instanceof LinkViewerToMacConnect) {
            return s == FuzzState.START ? FuzzState.CONNECTED : null;
        }
        if (m instanceof LinkViewerToMacFunnelInfo) {
            return s == FuzzState.CONNECTED ? s : null;
        }
        if (m instanceof LinkViewerToMacConnectFunnel) {
            return s == FuzzState.CONNECTED ? FuzzState.FUNNEL : null;
        }
        if (m instanceof LinkViewerToMacOpenFile) {
            return s == FuzzState.CONNECTED || s == FuzzState.FUNNEL ? FuzzState.OPENED : null;
        }
        if (m instanceof LinkViewerToMacReadBlock) {
            return s == FuzzState.OPENED ? FuzzState.READ_BLOCK : null;
        }
        if (m instanceof LinkViewerToMacStreamSwitch) {
            return s == FuzzState.OPENED || s == FuzzState.READ_BLOCK ? s : null;
        }
        if (m instanceof LinkViewerToMacStartPlaying) {
            return s != FuzzState.READ_BLOCK ? null : switch (await) {
                case DATA -> FuzzState.STREAMING;
                case END -> FuzzState.END_OF_STREAM;
                default -> FuzzState.PLAYING;
            };
        }
        return null;
    }

    /** The one message of a whole, valid command packet, or null. */
    private static MmsMessage validMessage(byte[] b) {
        if (firstPacketLength(b) != b.length) {
            return null;
        }
        try {
            Decoded<CommandPacket> d = CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.LENIENT);
            boolean clean = d.violations().stream().noneMatch(v -> v.level() == Level.MUST);
            return clean && d.value().messages().size() == 1 ? d.value().messages().get(0) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The length of the first packet as its messageLength gives it, or -1 where there is no header. */
    private static int firstPacketLength(byte[] b) {
        if (b.length < TcpMessageHeader.SIZE || u32(b, 4) != TcpMessageHeader.SESSION_ID) {
            return -1;
        }
        long n = BEFORE_LENGTH + u32(b, 8);
        return n > b.length ? -1 : (int) n;
    }

    private static String mmst(byte[] b) {
        if (b.length == 0) {
            return "empty write";
        }
        if (b.length < 8 || u32(b, 4) != TcpMessageHeader.SESSION_ID) {
            return "unframed bytes";
        }
        if (b.length < MID_AT + 4) {
            return "short packet";
        }
        int n = firstPacketLength(b);
        try {
            Decoded<CommandPacket> d = CommandPacketCodec.decode(b, 0, n < 0 ? b.length : n, Direction.C2S,
                    DecodeOptions.LENIENT);
            if (d.value().messages().isEmpty()) {
                return "command packet without a message";
            }
            MmsMessage m = d.value().messages().get(0);
            return m instanceof UnknownMessage ? "unknown MID" : m.type().name();
        } catch (RuntimeException e) {
            MessageType t = MessageTypes.byMid(u32(b, MID_AT));
            return t == null ? "undecodable command packet" : t.name();
        }
    }

    static final String DESCRIBE = "MMSH Describe";
    static final String PLAY = "MMSH Play";

    private static String mmsh(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, MAX_HEAD), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", -1);
        Matcher m = REQUEST_LINE.matcher(strip(lines[0]));
        if (!m.matches()) {
            return "MMSH malformed request line";
        }
        List<String> pragmas = new ArrayList<>();
        String contentType = null;
        for (int i = 1; i < lines.length && !strip(lines[i]).isEmpty(); i++) {
            String line = strip(lines[i]);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Pragma")) {
                pragmas.add(value);
            } else if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            }
        }
        RequestType type = RequestType.of(HttpMethod.valueOf(m.group(1)), PragmaTokens.parse(pragmas), contentType);
        return switch (type) {
            case DESCRIBE -> DESCRIBE;
            case PLAY -> PLAY;
            case LOG -> "MMSH Log (POST)";
            case STOP -> "MMSH Stop (POST)";
            case KEEPALIVE -> "MMSH KeepAlive (" + m.group(1) + ")";
            case SELECT_STREAM -> "MMSH SelectStream (" + m.group(1) + ")";
            case INVALID -> "MMSH invalid method";
            default -> "MMSH " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static long u32(byte[] b, int at) {
        return MmstAttacks.read(b, at, 4);
    }
}
