package org.mmsspec.harness.conformance;

import org.mmsspec.cases.Recorded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.client.Pcap;

/**
 * {@code pcap/<case id>.pcap} beside the reports ({@code -Dpcap=true}, {@code --pcap}): every TCP connection of a
 * case, in the order the case opened them, for Wireshark. A target on another port than 1755 needs
 * {@code -d tcp.port==PORT,msmms} for the MMS dissector.
 */
public final class CasePcaps {

    public static final String DIR = "pcap";

    private CasePcaps() {
    }

    /** Writes one file per case that opened a connection; returns the files. */
    public static List<Path> write(RunReport report, Path reportDir) throws IOException {
        Path dir = reportDir.resolve(DIR);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (CaseResult r : report.results()) {
            if (r.transcripts().isEmpty()) {
                continue;
            }
            Pcap pcap = new Pcap();
            for (Recorded rec : r.transcripts()) {
                pcap.add(rec.transcript());
            }
            Path file = dir.resolve(r.id() + ".pcap");
            Files.write(file, pcap.toByteArray());
            written.add(file);
        }
        return written;
    }
}
