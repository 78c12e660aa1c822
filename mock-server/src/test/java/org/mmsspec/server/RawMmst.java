package org.mmsspec.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.MmsMessage;

/** A bare MMST client on a socket: sends command packets, reads them back whole, every read bounded by a timeout. */
final class RawMmst implements AutoCloseable {

    static final String PLAYER = "NSPlayer/9.0.0.2980; {3300AD50-2C39-46C0-AE0A-3300AD502C39}";

    private final Socket socket;
    private final DataInputStream in;
    private int seq;

    RawMmst(int port, Duration readTimeout) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) readTimeout.toMillis());
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        in = new DataInputStream(socket.getInputStream());
    }

    RawMmst(int port) throws IOException {
        this(port, Duration.ofSeconds(10));
    }

    RawMmst send(MmsMessage m) throws IOException {
        return send(CommandPacketCodec.encode(seq++, m));
    }

    RawMmst send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** The next command packet from the server: throws SocketTimeoutException, or EOFException at a close. */
    CommandPacket read() throws IOException {
        return CommandPacketCodec.decode(readBytes(), Direction.S2C, DecodeOptions.LENIENT).value();
    }

    /** The bytes of the next command packet, as long as its messageLength says. */
    byte[] readBytes() throws IOException {
        byte[] head = new byte[16];
        in.readFully(head);
        int messageLength = (head[8] & 0xFF) | (head[9] & 0xFF) << 8 | (head[10] & 0xFF) << 16
                | (head[11] & 0xFF) << 24;
        if (messageLength < 16 || messageLength > 65_536) {
            throw new IOException("messageLength " + messageLength);
        }
        byte[] packet = Arrays.copyOf(head, 16 + messageLength);
        in.readFully(packet, 16, messageLength);
        return packet;
    }

    /** The name of the first message of the next packet. */
    String readName() throws IOException {
        return read().messages().get(0).type().name();
    }

    /** -1 once the server has closed (or reset: then an IOException); a byte if it sent one. */
    int readByte() throws IOException {
        return socket.getInputStream().read();
    }

    /** A Connect whose subscriberName fills its message to the last byte, with no NUL anywhere in it. */
    static byte[] unterminatedConnect() {
        String name = PLAYER;
        // body: 12 bytes of fields, then the name and its NUL; no padding once that is a multiple of 8
        while ((12 + 2 * name.length() + 2) % 8 != 0) {
            name += "x";
        }
        byte[] b = CommandPacketCodec.encode(0, LinkViewerToMacConnect.of(name));
        if (b[b.length - 1] != 0 || b[b.length - 2] != 0) {
            throw new IllegalStateException("the NUL is not last");
        }
        b[b.length - 2] = 'x'; // the NUL becomes one more character: the string runs to the message's end
        return b;
    }

    RawMmst readTimeout(Duration d) throws IOException {
        socket.setSoTimeout((int) d.toMillis());
        return this;
    }

    /** Makes {@link #close()} a reset (SO_LINGER 0): a loop of short sessions leaves no TIME_WAIT behind. */
    RawMmst resetOnClose() throws IOException {
        socket.setSoLinger(true, 0);
        return this;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
