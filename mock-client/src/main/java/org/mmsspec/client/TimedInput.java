package org.mmsspec.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * Blocking reads that end by a deadline. Each read gets a fresh array: decoded units are views of it, so it must never
 * be reused.
 */
final class TimedInput {

    static final int EOF = -1;
    static final int TIMEOUT = -2;
    static final int RESET = -3;

    private final Socket socket;
    private final InputStream in;
    private final int bufferSize;
    private byte[] last;
    private String resetReason;

    TimedInput(Socket socket, int bufferSize) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.bufferSize = bufferSize;
    }

    /** Reads what is there, waiting until {@code deadline} (System.nanoTime); the count, or EOF, TIMEOUT, RESET. */
    int read(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return TIMEOUT;
        }
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            byte[] b = new byte[bufferSize];
            int n = in.read(b);
            if (n < 0) {
                return EOF;
            }
            last = b;
            return n;
        } catch (SocketTimeoutException e) {
            return TIMEOUT;
        } catch (SocketException e) {
            if (socket.isClosed()) {
                throw new MockClientException("read on a closed client", e);
            }
            resetReason = String.valueOf(e.getMessage());
            return RESET;
        } catch (IOException e) {
            resetReason = e.toString();
            return RESET;
        }
    }

    /** The array the last successful read filled. */
    byte[] lastBuffer() {
        return last;
    }

    String resetReason() {
        return resetReason;
    }
}
