package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * CLIENT_LOG (MS-MMSP 2.2.1.1): the statistics a client reports when a stream stops, 1490 packed bytes. The sz*
 * fields are fixed-size NUL-terminated ANSI strings, "-" where empty.
 */
public record ClientLog(long cbSize, ClientLogInfo info, long dwSourceId, long dwIPAddress, String szComputerDNS,
        String szOS, long qwOSVersion, String szCPU, String szProto, String szTransport, long dwPacketsLostNet,
        long dwPacketsLostContNet, long dwResendRequests, long dwPacketsRecoveredResent, long dwPacketsResent) {

    public static final int SIZE = 1490;

    public ClientLog {
        java.util.Objects.requireNonNull(info, "info");
    }

    static ClientLog read(WireReader r) {
        r.checks().in("2.2.1"); // a string field without its NUL breaks the rule of 2.2.1
        return new ClientLog(r.length32("cbSize"), ClientLogInfo.read(r), r.u32("dwSourceId"), r.u32("dwIPAddress"),
                r.ansi("szComputerDNS", 260), r.ansi("szOS", 16), r.u64("qwOSVersion"), r.ansi("szCPU", 16),
                r.ansi("szProto", 8), r.ansi("szTransport", 8), r.u32("dwPacketsLostNet"),
                r.u32("dwPacketsLostContNet"), r.u32("dwResendRequests"), r.u32("dwPacketsRecoveredResent"),
                r.u32("dwPacketsResent"));
    }

    void write(WireWriter w) {
        w.u32(cbSize);
        info.write(w);
        w.u32(dwSourceId).u32(dwIPAddress).ansi(szComputerDNS, 260).ansi(szOS, 16).u64(qwOSVersion).ansi(szCPU, 16)
                .ansi(szProto, 8).ansi(szTransport, 8).u32(dwPacketsLostNet).u32(dwPacketsLostContNet)
                .u32(dwResendRequests).u32(dwPacketsRecoveredResent).u32(dwPacketsResent);
    }

    void check(Checks c) {
        c.in("2.2.1.1");
        c.mustEqual("cbSize", SIZE, cbSize);
        c.must("szProto", szProto.equals("mms"), "\"mms\"", '"' + szProto + '"');
        c.must("szTransport", szTransport.equals("UDP") || szTransport.equals("TCP"), "\"UDP\" or \"TCP\"",
                '"' + szTransport + '"');
        c.in("2.2.1");
        notEmpty(c, "szComputerDNS", szComputerDNS);
        notEmpty(c, "szOS", szOS);
        notEmpty(c, "szCPU", szCPU);
        info.check(c);
    }

    /** 2.2.1: an empty string field is written as "-". */
    static void notEmpty(Checks c, String field, String value) {
        c.must(field, !value.isEmpty(), "\"-\" for an empty string", "\"\"");
    }
}
