package org.mmsspec.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.mmsspec.codec.FieldSpan.Kind;

/**
 * Reads little-endian fields from a bounded byte range. Every read is bounds-checked first: reading past the limit
 * throws {@link MalformedInputException}, never anything else. Each named read remembers its field's offset so that
 * violations can point at the bytes. Structural deviations (strings without terminator, non-zero padding) go to
 * {@link #checks()}.
 */
public final class WireReader {

    private final byte[] buf;
    private final int start;
    private final int limit;
    private final int unitOffset;
    private final Section section;
    private final Checks checks;
    private final DecodeOptions options;
    private final Map<String, Integer> offsets = new FieldOffsets();
    private List<FieldSpan> spans;
    private int pos;

    /**
     * @param unitOffset offset of {@code buf[start]} within the unit being decoded, for error and violation offsets
     */
    public WireReader(byte[] buf, int start, int length, int unitOffset, Section section, Checks checks,
            DecodeOptions options) {
        java.util.Objects.checkFromIndexSize(start, length, buf.length);
        this.buf = buf;
        this.start = start;
        this.limit = start + length;
        this.pos = start;
        this.unitOffset = unitOffset;
        this.section = section;
        this.checks = checks;
        this.options = options;
    }

    public Checks checks() {
        return checks;
    }

    public DecodeOptions options() {
        return options;
    }

    public Section section() {
        return section;
    }

    /** Offsets of the fields read so far, relative to the unit. */
    public Map<String, Integer> fieldOffsets() {
        return offsets;
    }

    /**
     * Records the span of every field read from now on, slices included, into {@code sink}; off unless asked, so that
     * plain decoding allocates nothing for it.
     */
    public WireReader recordSpans(List<FieldSpan> sink) {
        this.spans = sink;
        return this;
    }

    public int remaining() {
        return limit - pos;
    }

    /** Position relative to the unit being decoded. */
    public int unitPosition() {
        return unitOffset + (pos - start);
    }

    /** Position relative to the start of this reader's range. */
    public int position() {
        return pos - start;
    }

    private int need(String field, int n, Kind kind) {
        if (n < 0 || limit - pos < n) {
            throw new MalformedInputException(section, field, unitPosition(),
                    "needs " + n + " bytes, " + (limit - pos) + " left");
        }
        offsets.put(field, unitPosition());
        if (spans != null && kind != null) {
            spans.add(new FieldSpan(field, unitPosition(), n, kind));
        }
        int at = pos;
        pos += n;
        return at;
    }

    public int u8(String field) {
        return buf[need(field, 1, Kind.INTEGER)] & 0xFF;
    }

    public int u16(String field) {
        int at = need(field, 2, Kind.INTEGER);
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8;
    }

    public long u32(String field) {
        return Integer.toUnsignedLong(i32At(need(field, 4, Kind.INTEGER)));
    }

    /** A u32 that sizes, counts or locates other bytes of the unit; recorded as {@link Kind#LENGTH}. */
    public long length32(String field) {
        return Integer.toUnsignedLong(i32At(need(field, 4, Kind.LENGTH)));
    }

    /** A u16 that sizes or counts other bytes of the unit; recorded as {@link Kind#LENGTH}. */
    public int length16(String field) {
        int at = need(field, 2, Kind.LENGTH);
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8;
    }

    public int i32(String field) {
        return i32At(need(field, 4, Kind.INTEGER));
    }

    public short i16(String field) {
        return (short) u16(field);
    }

    public long u64(String field) {
        int at = need(field, 8, Kind.INTEGER);
        return Integer.toUnsignedLong(i32At(at)) | (long) i32At(at + 4) << 32;
    }

    public double f64(String field) {
        int at = need(field, 8, Kind.FLOAT);
        return Double.longBitsToDouble(Integer.toUnsignedLong(i32At(at)) | (long) i32At(at + 4) << 32);
    }

    /** The next u16 without consuming it; 0 where fewer than 2 bytes are left. */
    public int peekU16() {
        return limit - pos < 2 ? 0 : (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    }

    private int i32At(int at) {
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8 | (buf[at + 2] & 0xFF) << 16 | (buf[at + 3] & 0xFF) << 24;
    }

    /** A view of the next {@code n} bytes, no copy. */
    public Bytes bytes(String field, long n) {
        return bytes(field, n, Kind.BYTES);
    }

    private Bytes bytes(String field, long n, Kind kind) {
        if (n > Integer.MAX_VALUE) {
            throw new MalformedInputException(section, field, unitPosition(), "length " + n + " out of range");
        }
        int at = need(field, (int) n, kind);
        return Bytes.view(buf, at, (int) n);
    }

    /** A view of everything left. */
    public Bytes rest(String field) {
        return bytes(field, remaining());
    }

    /**
     * A reader over the next {@code n} bytes, judged against {@code rules} and sharing this one's checks, with field
     * offsets of its own; this reader skips the bytes.
     */
    public WireReader slice(String field, int n, Section rules) {
        int unitPos = unitPosition();
        int at = need(field, n, Kind.STRUCTURE);
        return new WireReader(buf, at, n, unitPos, rules, checks, options).recordSpans(spans);
    }

    /**
     * A NUL-terminated UTF-16LE string running to the first 0x0000 code unit or to the end of the range. A missing
     * terminator is recorded at {@code missingNul} (or not at all where that is null); an odd trailing byte is a MUST
     * violation of MS-MMSP 2.2.4 (strings are 16-bit code units) and is consumed.
     */
    public String utf16z(String field, Level missingNul) {
        int at = need(field, 0, null);
        int end = at;
        while (end + 1 < limit && (buf[end] != 0 || buf[end + 1] != 0)) {
            end += 2;
        }
        String s = new String(buf, at, end - at, StandardCharsets.UTF_16LE);
        unpairedSurrogate(field, buf, at, end - at, unitOffset + (at - start));
        if (end + 1 < limit) {
            pos = end + 2;
        } else {
            if (end < limit) {
                checks.addAt(unitOffset + (end - start), Level.MUST, field, "whole UTF-16 code units",
                        "odd trailing byte");
                end = limit;
            }
            pos = end;
            if (missingNul != null) {
                checks.addAt(unitOffset + (at - start), missingNul, field, "NUL-terminated UTF-16LE string",
                        "no terminating NUL");
            }
        }
        if (spans != null) {
            spans.add(new FieldSpan(field, unitOffset + (at - start), pos - at, Kind.UTF16Z));
        }
        return s;
    }

    /**
     * A UTF-16LE string that a length field says occupies {@code byteCount} bytes, its terminating NUL included.
     * The NUL's absence is recorded at {@code missingNul}.
     */
    public String utf16(String field, long byteCount, Level missingNul) {
        Bytes b = bytes(field, byteCount, Kind.UTF16);
        int n = b.length();
        int at = unitPosition() - n;
        if ((n & 1) != 0) {
            checks.addAt(at, Level.MUST, field, "whole UTF-16 code units", "odd length " + n);
            n--;
        }
        byte[] raw = b.toArray();
        int chars = n;
        if (n >= 2 && raw[n - 2] == 0 && raw[n - 1] == 0) {
            chars = n - 2;
        } else if (missingNul != null && byteCount > 0) {
            checks.addAt(at, missingNul, field, "NUL-terminated UTF-16LE string", "no terminating NUL");
        }
        // stop at an embedded NUL, as a C reader would
        for (int i = 0; i + 1 < chars; i += 2) {
            if (raw[i] == 0 && raw[i + 1] == 0) {
                chars = i;
                break;
            }
        }
        unpairedSurrogate(field, raw, 0, chars, at);
        return new String(raw, 0, chars, StandardCharsets.UTF_16LE);
    }

    /**
     * An unpaired surrogate is not UTF-16 (MS-MMSP 2.2.4 strings are UTF-16LE); the String decoder would silently
     * turn it into U+FFFD, so it must count as a deviation or a lossy decode would pass as conforming.
     */
    private void unpairedSurrogate(String field, byte[] b, int from, int n, int unitAt) {
        for (int i = 0; i + 1 < n; i += 2) {
            char c = (char) ((b[from + i] & 0xFF) | (b[from + i + 1] & 0xFF) << 8);
            if (Character.isHighSurrogate(c) && i + 3 < n) {
                char next = (char) ((b[from + i + 2] & 0xFF) | (b[from + i + 3] & 0xFF) << 8);
                if (Character.isLowSurrogate(next)) {
                    i += 2;
                    continue;
                }
            }
            if (Character.isSurrogate(c)) {
                checks.addAt(unitAt + i, Level.MUST, field, "well-formed UTF-16", String.format(
                        "unpaired surrogate 0x%04X", (int) c));
                return;
            }
        }
    }

    /**
     * A fixed-size 8-bit field holding a NUL-terminated ANSI string (CLIENT_LOG, MS-MMSP 2.2.1). The bytes after the
     * NUL are not part of the value, so anything but zero there would vanish on re-encoding; like message padding the
     * spec leaves them unstated, so zero is the SHOULD we judge and a conforming field re-encodes to its own bytes.
     */
    public String ansi(String field, int size) {
        int at = need(field, size, Kind.ANSI);
        int end = at;
        while (end < at + size && buf[end] != 0) {
            end++;
        }
        if (end == at + size) {
            checks.addAt(unitOffset + (at - start), Level.MUST, field, "NUL-terminated within " + size + " bytes",
                    "no NUL");
        } else {
            for (int i = end + 1; i < at + size; i++) {
                if (buf[i] != 0) {
                    checks.addAt(unitOffset + (i - start), Level.SHOULD, field, "zero bytes after the NUL",
                            String.format("0x%02X at byte %d of %d", buf[i] & 0xFF, i - at, size));
                    break;
                }
            }
        }
        return new String(buf, at, end - at, StandardCharsets.ISO_8859_1);
    }

    /**
     * Consumes what is left as message padding. Padding exists only to reach a multiple of 8 bytes, so more than 7
     * bytes of it means chunkLen claims more than the fields need; non-zero bytes break canonical form (the spec fixes
     * the TcpMessageHeader padding byte at zero and leaves message padding unstated, so zero is the SHOULD we judge).
     */
    public void padding(Section rule) {
        int n = remaining();
        if (n == 0) {
            return;
        }
        Bytes pad = bytes("padding", n, Kind.PADDING);
        int at = unitPosition() - n;
        if (n > 7) {
            // 2.2.4 pads only up to the next multiple of 8; more is a chunkLen larger than the fields need
            checks.in(rule).addAt(at, Level.SHOULD, "chunkLen", "fields plus at most 7 padding bytes",
                    n + " bytes after the last field");
        }
        if (!pad.isAllZero()) {
            checks.in(rule).addAt(at, Level.SHOULD, "padding", "zero bytes", pad.hex());
        }
    }
}
