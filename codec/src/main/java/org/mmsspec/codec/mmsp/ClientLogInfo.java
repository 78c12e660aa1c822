package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * CLIENT_LOG_INFO (MS-MMSP 2.2.1.2): what was played and how it went, 1142 packed bytes. The sz* fields are fixed-size
 * NUL-terminated ANSI strings, "-" where empty; versions are four 16-bit parts, major in the top word.
 */
public record ClientLogInfo(long cbSize, String szURL, String szChannelURL, String szUserAgent,
        String szHostingWebPage, long qwClientVersion, String szLang, String szUniquePID, String szHostExe,
        long qwHostExeVer, long msFileDuration, long qwFileSize, long dwAvgBandwidthBps, String szAudioCodec,
        String szVideoCodec, long msStartTime, long msPlayed, int rate, long dwBufferingCount, long msBufferingTime,
        long qwBytesReceived, long dwPacketsReceived, long dwPacketsLostClient, long dwPacketsRecoveredECC,
        long dwMinReceptionQuality, long hr) {

    public static final int SIZE = 1142;

    // the info's cbSize is read under its own name: CLIENT_LOG has a cbSize too, and offsets are kept by name
    static final String CB_SIZE = "info.cbSize";

    static ClientLogInfo read(WireReader r) {
        return new ClientLogInfo(r.length32(CB_SIZE), r.ansi("szURL", 260), r.ansi("szChannelURL", 260),
                r.ansi("szUserAgent", 64), r.ansi("szHostingWebPage", 260), r.u64("qwClientVersion"),
                r.ansi("szLang", 16), r.ansi("szUniquePID", 40), r.ansi("szHostExe", 32), r.u64("qwHostExeVer"),
                r.u32("msFileDuration"), r.u64("qwFileSize"), r.u32("dwAvgBandwidthBps"), r.ansi("szAudioCodec", 64),
                r.ansi("szVideoCodec", 64), r.u32("msStartTime"), r.u32("msPlayed"), r.i16("rate"),
                r.u32("dwBufferingCount"), r.u32("msBufferingTime"), r.u64("qwBytesReceived"),
                r.u32("dwPacketsReceived"), r.u32("dwPacketsLostClient"), r.u32("dwPacketsRecoveredECC"),
                r.u32("dwMinReceptionQuality"), r.u32("hr"));
    }

    void write(WireWriter w) {
        w.u32(cbSize).ansi(szURL, 260).ansi(szChannelURL, 260).ansi(szUserAgent, 64).ansi(szHostingWebPage, 260)
                .u64(qwClientVersion).ansi(szLang, 16).ansi(szUniquePID, 40).ansi(szHostExe, 32).u64(qwHostExeVer)
                .u32(msFileDuration).u64(qwFileSize).u32(dwAvgBandwidthBps).ansi(szAudioCodec, 64)
                .ansi(szVideoCodec, 64).u32(msStartTime).u32(msPlayed).u16(rate).u32(dwBufferingCount)
                .u32(msBufferingTime).u64(qwBytesReceived).u32(dwPacketsReceived).u32(dwPacketsLostClient)
                .u32(dwPacketsRecoveredECC).u32(dwMinReceptionQuality).u32(hr);
    }

    void check(Checks c) {
        c.in("2.2.1.2");
        c.mustEqual(CB_SIZE, SIZE, cbSize);
        c.mustEqual("dwPacketsRecoveredECC", 0, dwPacketsRecoveredECC);
        c.must("dwMinReceptionQuality", dwMinReceptionQuality <= 100, "0 to 100 (percent)",
                Long.toString(dwMinReceptionQuality));
        c.mustEqual("hr", 0, hr);
        c.in("2.2.1");
        ClientLog.notEmpty(c, "szURL", szURL);
        ClientLog.notEmpty(c, "szChannelURL", szChannelURL);
        ClientLog.notEmpty(c, "szUserAgent", szUserAgent);
        ClientLog.notEmpty(c, "szHostingWebPage", szHostingWebPage);
        ClientLog.notEmpty(c, "szLang", szLang);
        ClientLog.notEmpty(c, "szUniquePID", szUniquePID);
        ClientLog.notEmpty(c, "szHostExe", szHostExe);
        ClientLog.notEmpty(c, "szAudioCodec", szAudioCodec);
        ClientLog.notEmpty(c, "szVideoCodec", szVideoCodec);
    }
}
