package org.mmsspec.server.asf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** What a client makes of what the server sends: the header, then every packet it got, zero-padded back. */
final class Reassembly {

    private Reassembly() {
    }

    static Path write(AsfFile file, AsfPacketRewriter rewriter, Path out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(file.mmsHeader());
        for (int i = 0; i < file.packetCount(); i++) {
            Optional<byte[]> sent = rewriter.rewrite(file.packet(i));
            if (sent.isPresent()) {
                if (sent.get().length > file.packetSize()) {
                    throw new AssertionError("packet " + i + " grew to " + sent.get().length + " bytes");
                }
                bytes.writeBytes(Arrays.copyOf(sent.get(), file.packetSize()));
            }
        }
        return Files.write(out, bytes.toByteArray());
    }
}
