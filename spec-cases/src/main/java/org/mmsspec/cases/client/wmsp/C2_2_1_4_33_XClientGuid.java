package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.mmsh.RecordedRequest;

/** MS-WMSP 2.2.1.4.33 xClientGUID: the GUID's form. */
final class C2_2_1_4_33_XClientGuid {

    private C2_2_1_4_33_XClientGuid() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("2.2.1.4.33", "XClientGuid")
                .add(1, MUST, "xClientGUID is a registry-form GUID: {8-4-4-4-12 hex digits}, unquoted")
                .covers("R2").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    boolean any = false;
                    for (RecordedRequest r : ctx.requireMmsh()) {
                        // the raw line: the tokenizer would strip quotes a client should not have sent
                        for (String line : Mmsh.pragmaLines(r)) {
                            int at = line.indexOf("xClientGUID=");
                            if (at >= 0) {
                                any = true;
                                String v = line.substring(at + "xClientGUID=".length()).split(",")[0].strip();
                                ctx.expect(Mmsh.GUID.matcher(v).matches(), Mmsh.line(r) + ": xClientGUID=" + v);
                            }
                        }
                    }
                    if (!any) {
                        ctx.skip("the client sent no xClientGUID (judged by C-WMSP-3.1.5.1-02)");
                    }
                });
    }
}
