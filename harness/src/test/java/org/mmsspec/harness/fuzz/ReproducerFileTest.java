package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducerFileTest {

    @TempDir
    Path dir;

    static final List<Step> STEPS = List.of(
            new Step(0, new byte[] {1, 0, 0, 0, (byte) 0xCE, (byte) 0xFA, 0x0B, (byte) 0xB0}, Step.Segmenting.WHOLE,
                    Step.Await.REPLY, "Connect"),
            new Step(1, new byte[0], Step.Segmenting.ONE_BYTE, Step.Await.NOTHING, ""),
            new Step(0, "GET /sample.asf HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                    Step.Segmenting.SLOW, Step.Await.END, "Describe: Pragma \u00e9 unterminated"));

    @Test
    void aServerFindingReadsBackEqual() throws IOException {
        Reproducer r = new Reproducer(Reproducer.Role.SERVER, -5, 123_456_789_012L, SessionPlan.Transport.MMSH,
                Symptom.CRASH, FuzzState.MMSH_PLAY, "MMSH Play request", "the probe was refused",
                new Reproducer.Target(null, null, List.of("connect-unterminated-subscriber", "read-block-zero")),
                "Pragma xPlayStrm=1 twice", STEPS, true, 9, 4000);
        Path file = ReproducerFile.save(dir, r);

        assertThat(file.getFileName().toString()).isEqualTo(r.key() + ".json");
        assertThat(ReproducerFile.read(file)).isEqualTo(r);
    }

    @Test
    void aClientFindingWithoutPlantedBugsReadsBackEqual() throws IOException {
        Reproducer r = new Reproducer(Reproducer.Role.CLIENT, 1, 0, SessionPlan.Transport.MMST, Symptom.SIGNAL,
                FuzzState.READ_BLOCK, "LinkMacToViewerReportReadBlock", "SIGSEGV",
                new Reproducer.Target(null, "ffmpeg -i {url} -f null -", null), "field playIncarnation", STEPS,
                false, 3, 40);
        Path file = ReproducerFile.save(dir, r);
        Reproducer back = ReproducerFile.read(file);

        assertThat(back).isEqualTo(r);
        assertThat(back.target().planted()).isNull();
    }

    @Test
    void aFileOfAnotherFormatIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"format\":\"something/2\"}");
        assertThatThrownBy(() -> ReproducerFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an mmsspec reproducer");
    }
}
