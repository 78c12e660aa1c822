package org.mmsspec.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

import picocli.CommandLine;

class DecodeCommandTest {

    /** MMSP-2.2.4.23-V01 of the vector tables: ReadBlock, openFileId 1, playIncarnation 1, seq 3. */
    static final String READ_BLOCK_HEX = """
            # ReadBlock from vectors/mmsp/2.2.4.23-read-block.yaml
            01000000 cefa0bb0 48000000 4d4d5320 09000000 03000000 00000000 00000000
            07000000 15000300 01000000 00000000 00000000 00800000 ffffffff 00000000
            00000000 00000000 00000000 0020ac40 01000000 00000000
            """;
    static final byte[] READ_BLOCK = DecodeCommand.parseHex(READ_BLOCK_HEX);

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String l : out.lines().toList()) {
                nodes.add(JSON.readTree(l));
            }
            return nodes;
        }
    }

    static Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Mmsspec.commandLine(stdin);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    Path hexFile(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    @Test
    void readBlockPrintsHeaderFieldsAndNoViolation() throws IOException {
        Run r = run("decode", "--hex", "--direction", "c2s", hexFile("rb.hex", READ_BLOCK_HEX).toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(1);
        JsonNode l = lines.get(0);
        assertThat(l.get("offset").asLong()).isZero();
        assertThat(l.get("length").asInt()).isEqualTo(88);
        assertThat(l.get("kind").asText()).isEqualTo("command");
        assertThat(l.get("index").asInt()).isZero();
        assertThat(l.get("mid").asText()).isEqualTo("0x00030015");
        assertThat(l.get("name").asText()).isEqualTo("LinkViewerToMacReadBlock");
        assertThat(l.get("spec").asText()).isEqualTo("MS-MMSP");
        assertThat(l.get("section").asText()).isEqualTo("2.2.4.23");
        assertThat(l.at("/header/seq").asInt()).isEqualTo(3);
        assertThat(l.at("/header/messageLength").asLong()).isEqualTo(72);
        assertThat(l.at("/header/chunkCount").asLong()).isEqualTo(9);
        assertThat(l.at("/header/sessionId").isIntegralNumber()).isTrue();
        assertThat(l.at("/header/sessionId").asLong()).isEqualTo(0xB00BFACEL);
        assertThat(l.at("/fields/openFileId").asLong()).isEqualTo(1);
        assertThat(l.at("/fields/length").asLong()).isEqualTo(0x8000);
        assertThat(l.at("/fields/flags").asLong()).isEqualTo(0xFFFFFFFFL);
        assertThat(l.at("/fields/tDeadline").asDouble()).isEqualTo(3600.0);
        assertThat(l.at("/fields/playIncarnation").asLong()).isEqualTo(1);
        assertThat(l.get("violations").isArray()).isTrue();
        assertThat(l.get("violations")).isEmpty();
    }

    @Test
    void standardInputIsReadForDash() throws IOException {
        Run fromStdin = run(new ByteArrayInputStream(READ_BLOCK), "decode", "-");
        Run fromFile = run("decode", file("rb.bin", READ_BLOCK).toString());

        assertThat(fromStdin.exit()).isZero();
        assertThat(fromStdin.lines()).hasSize(1);
        assertThat(fromStdin.lines().get(0).get("name").asText()).isEqualTo("LinkViewerToMacReadBlock");
        assertThat(fromStdin.out()).isEqualTo(fromFile.out());
    }

    @Test
    void unitsSpanningHexLinesAndReadsComeOutInOrder() throws IOException {
        // A Data packet just short of one 64 KiB read puts the ReadBlock across the read boundary.
        byte[] payload = new byte[MmspUnits.READ_SIZE - 10 - DataPacket.HEADER_SIZE];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        byte[] data = DataPacket.of(7, 1, 0, Bytes.copyOf(payload)).encode();
        String hex = HexFormat.of().formatHex(concat(data, READ_BLOCK));
        // Lines of 13 digits, so that bytes and fields break across lines, with comments between.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 13) {
            text.append(hex, i, Math.min(hex.length(), i + 13)).append(i % 2 == 0 ? " # odd split\n" : "\n\t");
        }

        Run r = run("decode", "--hex", hexFile("two.hex", text.toString()).toString());

        assertThat(r.exit()).isZero();
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(2);
        JsonNode d = lines.get(0);
        assertThat(d.get("kind").asText()).isEqualTo("data");
        assertThat(d.get("offset").asLong()).isZero();
        assertThat(d.get("section").asText()).isEqualTo("2.2.2");
        assertThat(d.at("/fields/LocationId").asLong()).isEqualTo(7);
        assertThat(d.at("/fields/PacketSize").asInt()).isEqualTo(data.length);
        assertThat(d.at("/fields/Payload/length").asInt()).isEqualTo(payload.length);
        assertThat(d.at("/fields/Payload/prefix").asText()).isEqualTo("000102030405060708090a0b0c0d0e0f");
        JsonNode c = lines.get(1);
        assertThat(c.get("offset").asLong()).isEqualTo(data.length);
        assertThat(c.get("name").asText()).isEqualTo("LinkViewerToMacReadBlock");
        assertThat(c.at("/fields/openFileId").asLong()).isEqualTo(1);
    }

    @Test
    void everyMessageOfAPacketGetsALineWithItsOwnViolations() throws IOException {
        LinkViewerToMacReadBlock ok = LinkViewerToMacReadBlock.of(1, 1);
        LinkViewerToMacReadBlock flagsZero = new LinkViewerToMacReadBlock(1, 0, 0, 0x8000, 0, 0, 0.0, 3600.0, 1, 0);
        byte[] packet = CommandPacketCodec.encode(CommandPacket.of(5, LinkMacToViewerPing.of(), ok, flagsZero));

        Run r = run("decode", file("three.bin", packet).toString());

        List<JsonNode> lines = r.lines();
        assertThat(lines).extracting(l -> l.get("index").asInt()).containsExactly(0, 1, 2);
        assertThat(lines).extracting(l -> l.get("offset").asLong()).containsOnly(0L);
        assertThat(lines).extracting(l -> l.get("name").asText())
                .containsExactly("LinkMacToViewerPing", "LinkViewerToMacReadBlock", "LinkViewerToMacReadBlock");
        assertThat(lines.get(0).get("violations")).isEmpty();
        assertThat(lines.get(1).get("violations")).isEmpty();
        JsonNode v = lines.get(2).get("violations");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).get("field").asText()).isEqualTo("flags");
        assertThat(v.get(0).get("section").asText()).isEqualTo("2.2.4.23");
        assertThat(r.exit()).isZero();
    }

    @Test
    void brokenSealIsAViolationOfTheHeader() throws IOException {
        byte[] broken = READ_BLOCK.clone();
        broken[15] = 0x21; // "MMS!" for "MMS "

        Run r = run("decode", file("seal.bin", broken).toString());

        assertThat(r.exit()).isZero();
        JsonNode v = r.lines().get(0).get("violations");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).get("spec").asText()).isEqualTo("MS-MMSP");
        assertThat(v.get(0).get("section").asText()).isEqualTo("2.2.3");
        assertThat(v.get(0).get("level").asText()).isEqualTo("MUST");
        assertThat(v.get(0).get("field").asText()).isEqualTo("seal");
        assertThat(v.get(0).get("expected").asText()).isEqualTo("0x20534D4D");
        assertThat(v.get(0).get("actual").asText()).isEqualTo("0x21534D4D");
        assertThat(v.get(0).get("offset").asInt()).isEqualTo(12);
    }

    @Test
    void strictFailsOnlyWhenAViolationIsPrinted() throws IOException {
        byte[] broken = READ_BLOCK.clone();
        broken[15] = 0x21;

        assertThat(run("decode", "--strict", file("seal.bin", broken).toString()).exit())
                .isEqualTo(DecodeCommand.NONCONFORMING);
        assertThat(run("decode", "--strict", file("ok.bin", READ_BLOCK).toString()).exit()).isZero();
    }

    @Test
    void undecodableUnitPrintsItsErrorAndTheStreamGoesOn() throws IOException {
        byte[] shortChunk = READ_BLOCK.clone();
        shortChunk[32] = 6; // chunkLen 6 where the ReadBlock's fields need 7 (MMSP-2.2.4.23-I02)

        Run r = run("decode", file("short.bin", concat(shortChunk, READ_BLOCK)).toString());

        assertThat(r.exit()).isEqualTo(DecodeCommand.NONCONFORMING);
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("command");
        assertThat(lines.get(0).get("error").asText()).contains("needs 4 bytes");
        assertThat(lines.get(1).get("offset").asLong()).isEqualTo(READ_BLOCK.length);
        assertThat(lines.get(1).has("error")).isFalse();
    }

    @Test
    void garbageEndsWithOneCleanLineAndStatus2() throws IOException {
        Run r = run("decode", file("garbage.bin", "hello, this is no capture".getBytes(StandardCharsets.US_ASCII))
                .toString());

        assertThat(r.exit()).isEqualTo(DecodeCommand.UNREADABLE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("mmsspec decode: " + dir.resolve("garbage.bin") + ": offset ")
                .doesNotContain("Exception"));
    }

    @Test
    void textThatIsNotHexIsRefused() throws IOException {
        Run r = run("decode", "--hex", hexFile("bad.hex", "01 02 zz").toString());

        assertThat(r.exit()).isEqualTo(DecodeCommand.UNREADABLE);
        assertThat(r.err()).startsWith("mmsspec decode: ").contains("not hex").doesNotContain("Exception");
    }

    @Test
    void fourGigabyteMessageLengthStopsTheStreamWithoutAllocating() throws IOException {
        byte[] huge = READ_BLOCK.clone();
        huge[8] = huge[9] = huge[10] = huge[11] = (byte) 0xFF;

        Run r = run("decode", file("huge.bin", concat(READ_BLOCK, huge)).toString());

        assertThat(r.exit()).isEqualTo(DecodeCommand.UNREADABLE);
        assertThat(r.lines()).hasSize(1); // the unit before the failure still printed
        assertThat(r.err().strip())
                .isEqualTo("mmsspec decode: " + dir.resolve("huge.bin") + ": offset " + (READ_BLOCK.length + 8)
                        + ": MS-MMSP 2.2.3 messageLength: messageLength 4294967295 exceeds the bound of 65568");
    }

    @Test
    void missingFileIsStatus2() {
        Path missing = dir.resolve("nothing.bin");

        Run r = run("decode", missing.toString());

        assertThat(r.exit()).isEqualTo(DecodeCommand.UNREADABLE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("mmsspec decode: " + missing + ": no such file");
    }

    @Test
    void versionAndHelpNameTheTool() {
        assertThat(run("--version").out()).startsWith("mmsspec ").doesNotContain("unknown");
        assertThat(run("decode", "--help").out()).contains("--strict", "--direction", "--profile", "--kind");
    }

    @Test
    void mmshResponseWithChunkedBodyPrintsHttpThenFramesWithTheirRules() throws IOException {
        byte[] header = MmshFrameCodec.encode(MmshHeader.of(DataPacket.of(0, 1, DataPacket.AF_HEADER_LAST,
                Bytes.copyOf(new byte[100]))));
        String head = "HTTP/1.1 200 OK\r\nServer: Cougar/9.01.01.3814\r\nContent-Type: application/x-mms-framed\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        // $H (only piece), then $E with PacketLength 2: too short for its Reason, so undecodable. The chunk boundary
        // falls inside the $H.
        byte[] end = {0x24, 'E', 2, 0, 0, 0};
        byte[] body = concat(header, end);
        int cut = 5;
        byte[] chunked = concat(head.getBytes(StandardCharsets.ISO_8859_1),
                (Integer.toHexString(cut) + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
                java.util.Arrays.copyOfRange(body, 0, cut), "\r\n".getBytes(StandardCharsets.ISO_8859_1),
                (Integer.toHexString(body.length - cut) + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
                java.util.Arrays.copyOfRange(body, cut, body.length), "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        Run r = run("decode", "--kind", "mmsh", file("play.bin", chunked).toString());

        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = r.lines();
        assertThat(lines).extracting(l -> l.get("kind").asText()).containsExactly("http", "mmsh", "mmsh");
        assertThat(lines.get(0).at("/headers/Server").asText()).isEqualTo("Cougar/9.01.01.3814");
        assertThat(lines.get(1).get("packet").asText()).isEqualTo("$H");
        assertThat(lines.get(1).at("/fields/packet/Payload/length").asInt()).isEqualTo(header.length - 12);
        assertThat(lines.get(1).get("violations")).isEmpty();
        assertThat(lines.get(2).get("spec").asText()).isEqualTo("MS-WMSP");
        assertThat(lines.get(2).get("error").asText()).isNotBlank();
        assertThat(lines.get(2).get("offset").asInt()).isEqualTo(header.length);
        assertThat(r.exit()).as("an undecodable unit").isEqualTo(1);
    }

    @Test
    void resendDatagramDecodesAndJudgesItsCount() throws IOException {
        Run ok = run("decode", "--kind", "resend", "--hex",
                hexFile("r.hex", "0df0efbe 78563412 0100 0200 11000000 12000000").toString());
        assertThat(ok.exit()).isZero();
        JsonNode l = ok.lines().get(0);
        assertThat(l.get("kind").asText()).isEqualTo("resend");
        assertThat(l.at("/fields/dwBeginPacketList/1").asLong()).isEqualTo(18);

        Run bad = run("decode", "--kind", "resend", "--strict", "--hex",
                hexFile("r2.hex", "0df0efbe 78563412 0100 2100 11000000").toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.lines().get(0).get("violations").findValuesAsText("field")).contains("wNumPackets");
    }

    @Test
    void aChunkedBodyCutInsideAChunkIsACleanError() throws IOException {
        byte[] cut = ("HTTP/1.1 200 OK\r\nServer: Cougar/9.01.01.3814\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "20\r\n$H").getBytes(StandardCharsets.ISO_8859_1);
        Run r = run("decode", "--kind", "mmsh", file("cut.bin", cut).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("ends inside a chunk").doesNotContain("Exception");
    }
}
