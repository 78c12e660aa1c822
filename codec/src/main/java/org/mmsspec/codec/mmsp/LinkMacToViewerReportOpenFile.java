package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The server's answer to OpenFile or SecurityResponse, describing the content (MS-MMSP 2.2.4.7). playIncarnation
 * echoes the request's and openFileId is the server's choice; only a session can judge them.
 */
public record LinkMacToViewerReportOpenFile(long hr, long playIncarnation, long openFileId, long padding,
        long fileName, long fileAttributes, double fileDuration, long fileBlocks, Bytes unused1, long filePacketSize,
        long filePacketCount, long fileBitRate, long fileHeaderSize, Bytes unused2) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040006L, "LinkMacToViewerReportOpenFile", "2.2.4.7",
            LinkMacToViewerReportOpenFile::decode);

    public static final long FILE_ATTRIBUTE_MMS_CANSTRIDE = 0x00800000L;
    public static final long FILE_ATTRIBUTE_MMS_CANSEEK = 0x01000000L;
    public static final long FILE_ATTRIBUTE_MMS_BROADCAST = 0x02000000L;
    public static final long FILE_ATTRIBUTE_MMS_LIVE = 0x04000000L;
    public static final long FILE_ATTRIBUTE_MMS_PLAYLIST = 0x40000000L;
    public static final long FILE_ATTRIBUTES = FILE_ATTRIBUTE_MMS_CANSTRIDE | FILE_ATTRIBUTE_MMS_CANSEEK
            | FILE_ATTRIBUTE_MMS_BROADCAST | FILE_ATTRIBUTE_MMS_LIVE | FILE_ATTRIBUTE_MMS_PLAYLIST;

    public static final int UNUSED1_SIZE = 16;
    public static final int UNUSED2_SIZE = 36;

    /** A successful reply; fileBlocks is derived from the duration as the spec asks. */
    public static LinkMacToViewerReportOpenFile of(long playIncarnation, long openFileId, long fileAttributes,
            double fileDuration, long filePacketSize, long filePacketCount, long fileBitRate, long fileHeaderSize) {
        return new LinkMacToViewerReportOpenFile(0, playIncarnation, openFileId, 0, 0, fileAttributes, fileDuration,
                (long) Math.ceil(fileDuration), zeros(UNUSED1_SIZE), filePacketSize, filePacketCount, fileBitRate,
                fileHeaderSize, zeros(UNUSED2_SIZE));
    }

    private static Bytes zeros(int n) {
        return Bytes.copyOf(new byte[n]);
    }

    static LinkMacToViewerReportOpenFile decode(WireReader r) {
        return new LinkMacToViewerReportOpenFile(r.u32("hr"), r.u32("playIncarnation"), r.u32("openFileId"),
                r.u32("padding"), r.u32("fileName"), r.u32("fileAttributes"), r.f64("fileDuration"),
                r.u32("fileBlocks"), r.bytes("unused1", UNUSED1_SIZE), r.u32("filePacketSize"),
                r.u64("filePacketCount"), r.u32("fileBitRate"), r.u32("fileHeaderSize"),
                r.bytes("unused2", UNUSED2_SIZE));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(playIncarnation).u32(openFileId).u32(padding).u32(fileName).u32(fileAttributes)
                .f64(fileDuration).u32(fileBlocks).bytes(unused1).u32(filePacketSize).u64(filePacketCount)
                .u32(fileBitRate).u32(fileHeaderSize).bytes(unused2);
    }

    @Override
    public void check(Checks c) {
        c.shouldEqual("padding", 0, padding);
        c.mustEqual("fileName", 0, fileName);
        c.mustHex("fileAttributes", (fileAttributes & ~FILE_ATTRIBUTES) == 0,
                "an OR of 0x00800000, 0x01000000, 0x02000000, 0x04000000, 0x40000000", fileAttributes);
        boolean duration = Double.isFinite(fileDuration) && fileDuration >= 0;
        c.must("fileDuration", duration, "a duration in seconds, 0 if unknown", Double.toString(fileDuration));
        if (duration) {
            double blocks = Math.ceil(fileDuration);
            c.must("fileBlocks", blocks == fileBlocks, "fileDuration rounded up: " + (long) blocks,
                    Long.toString(fileBlocks));
        }
        c.must("unused1", unused1.length() == UNUSED1_SIZE && unused1.isAllZero(), "16 zero bytes", unused1.hex());
        // old servers left unused2 uninitialised (<10>); the spec's words stay MUST
        c.must("unused2", unused2.length() == UNUSED2_SIZE && unused2.isAllZero(), "36 zero bytes", unused2.hex());
    }
}
