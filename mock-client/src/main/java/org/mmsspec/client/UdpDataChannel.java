package org.mmsspec.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.RequestPacketListResend;

/**
 * The client's UDP port for MMSU Data packets (MS-MMSP 2.1): one datagram, one Data packet. Commands stay on the TCP
 * connection; a funnel name such as {@code \\127.0.0.1\UDP\port} tells the server where to send.
 */
public final class UdpDataChannel implements AutoCloseable {

    private final DatagramSocket socket;
    private final Transcript transcript;
    private final DecodeOptions options;
    private final Duration timeout;

    UdpDataChannel(InetAddress local, Transcript transcript, DecodeOptions options, Duration timeout) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(local, 0));
        } catch (IOException e) {
            throw new MockClientException("cannot bind a UDP port on " + local, e);
        }
        this.transcript = transcript;
        this.options = options;
        this.timeout = timeout;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The funnel name of ConnectFunnel for this port. */
    public String funnelName() {
        return "\\\\" + socket.getLocalAddress().getHostAddress() + "\\UDP\\" + port();
    }

    public Outcome receive() {
        return receive(timeout);
    }

    /** The next datagram, decoded as a Data packet, or a timeout. */
    public Outcome receive(Duration within) {
        // one byte more than the bound tells an oversized datagram from one that just fits
        byte[] b = new byte[options.maxMessageSize() + 1];
        DatagramPacket p = new DatagramPacket(b, b.length);
        try {
            socket.setSoTimeout((int) Math.max(1, within.toMillis()));
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            Outcome t = new Outcome.Timeout(within, 0);
            transcript.event("udp " + t.summary());
            return t;
        } catch (IOException e) {
            if (socket.isClosed()) {
                throw new MockClientException("receive on a closed UDP channel", e);
            }
            return new Outcome.Reset(e.toString());
        }
        Bytes raw = Bytes.view(b, 0, p.getLength());
        try {
            Decoded<DataPacket> d = DataPacket.decode(b, 0, p.getLength(), options);
            return new Outcome.Received(transcript.add(Direction.S2C, TranscriptEntry.Kind.UDP_DATA, raw, d.value(),
                    d.violations(), null));
        } catch (MalformedInputException e) {
            return new Outcome.Received(transcript.add(Direction.S2C, TranscriptEntry.Kind.UDP_DATA, raw, null,
                    List.of(), e.getMessage()));
        }
    }

    /**
     * Sends {@code request} from this port to {@code host:port}: the server takes resend requests on the UDP port whose
     * number is the TCP port the client connected to (MS-MMSP 3.2.5.11.1).
     */
    public void send(RequestPacketListResend request, String host, int port) {
        byte[] b = request.encode();
        try {
            socket.send(new DatagramPacket(b, b.length, new InetSocketAddress(host, port)));
        } catch (IOException e) {
            throw new MockClientException("cannot send a resend request to " + host + ":" + port, e);
        }
        transcript.add(Direction.C2S, TranscriptEntry.Kind.UDP_DATA, Bytes.view(b, 0, b.length), request, List.of(),
                null);
    }

    @Override
    public void close() {
        socket.close();
    }
}
