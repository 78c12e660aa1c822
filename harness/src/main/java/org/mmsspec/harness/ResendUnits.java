package org.mmsspec.harness;

import java.util.Map;
import java.util.function.Consumer;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.RequestPacketListResend;

/** One UDP datagram holding a RequestPacketListResend (MS-MMSP 2.2.5): the whole input is the datagram. */
final class ResendUnits implements UnitStream {

    private final DecodeOptions options;

    ResendUnits(DecodeOptions options) {
        this.options = options;
    }

    @Override
    public void decode(byte[] input, Consumer<Map<String, Object>> out) {
        var d = RequestPacketListResend.decode(input, options);
        Map<String, Object> line = Json.unit(0, input.length, "resend");
        Json.section(line, RequestPacketListResend.SECTION);
        line.put("fields", Json.fields(d.value()));
        line.put("violations", Json.violations(d.violations()));
        out.accept(line);
    }
}
