package org.mmsspec.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.client.Pcap;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.gen.Generators;
import org.mmsspec.codec.gen.MessageGenerator;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * tshark's msmms dissector, written by people who never saw this codec, reads every packet the codec encodes: no
 * malformed-packet warning, and the same length, sequence number and command id as ours. Skips where tshark is not
 * installed ({@code .ci/run} installs it).
 */
class TsharkJudgeTest {

    private static final int PORT = 1755;

    record Sent(Direction direction, long mid, int seq, long messageLength) {
    }

    @Test
    void tsharkReadsEveryGeneratedPacketAsWeWroteIt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(tsharkPresent(), "tshark is not installed: apt-get install tshark (CI installs it)");
        Pcap pcap = new Pcap();
        // no handshake: one dissected row per frame, and Wireshark dissects mid-stream
        Pcap.Flow flow = pcap.flow(Pcap.address("127.0.0.2"), 40000, Pcap.address("127.0.0.1"), PORT);
        List<Sent> sent = new ArrayList<>();
        int seq = 0;
        for (MessageGenerator g : Generators.all()) {
            for (int i = 0; i < 5; i++) {
                MmsMessage m = g.generate(new SplittableRandom(31L * i + g.type().mid()));
                byte[] b = CommandPacketCodec.encode(seq, m);
                boolean c2s = g.type().direction() == Direction.C2S;
                flow.segment(c2s, Instant.EPOCH, b);
                sent.add(new Sent(g.type().direction(), m.mid(), seq, b.length - 16));
                seq = (seq + 1) & 0xFFFF;
            }
        }
        Path file = dir.resolve("codec.pcap");
        Files.write(file, pcap.toByteArray());
        List<String> rows = tshark(file, "frame.number", "msmms.command.length", "msmms.command.sequence-number",
                "msmms.command.to-server-id", "msmms.command.to-client-id", "_ws.malformed", "_ws.expert.message");
        assertThat(rows).as("one dissected row per frame").hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            String[] f = rows.get(i).split("\t", -1);
            String what = "frame " + (i + 1) + " " + String.format("0x%08X", s.mid()) + ": " + rows.get(i);
            assertThat(f[5]).as(what + " malformed").isEmpty();
            assertThat(f[1]).as(what + " length").isEqualTo(Long.toString(s.messageLength()));
            assertThat(f[2]).as(what + " seq").isEqualTo(Integer.toString(s.seq()));
            String id = s.direction() == Direction.C2S ? f[3] : f[4];
            assertThat(Integer.decode(id)).as(what + " command id").isEqualTo((int) (s.mid() & 0xFFFF));
        }
    }

    static boolean tsharkPresent() {
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<String> tshark(Path pcap, String... fields) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(), "-d",
                "tcp.port==" + PORT + ",msmms", "-T", "fields", "-E", "occurrence=f"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("tshark finished").isTrue();
        assertThat(p.exitValue()).as("tshark exit status").isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
