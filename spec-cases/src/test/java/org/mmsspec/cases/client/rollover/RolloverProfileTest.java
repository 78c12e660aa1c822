package org.mmsspec.cases.client.rollover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.client.Attempt;
import org.mmsspec.cases.client.Attempt.Kind;

class RolloverProfileTest {

    private static List<Attempt> tried(Kind... kinds) {
        List<Attempt> out = new ArrayList<>();
        for (Kind k : kinds) {
            out.add(new Attempt(k, out.size() + 1, 1755, Instant.EPOCH, ""));
        }
        return out;
    }

    @Test
    void wmfSdkTakesRtspThenMmsThenHttp() {
        assertThat(RolloverProfile.WMF_SDK.breach(tried(Kind.RTSP, Kind.RTSP, Kind.MMSU, Kind.MMST, Kind.MMSH)))
                .isEmpty();
        assertThat(RolloverProfile.WMF_SDK.breach(tried(Kind.MMSU, Kind.MMSH))).isEmpty();
        assertThat(RolloverProfile.WMF_SDK.breach(tried(Kind.MMST, Kind.MMST, Kind.MMSH))).as("a retry").isEmpty();
    }

    @Test
    void theOpenSourceOrdersLeaveWmfSdk() {
        assertThat(RolloverProfile.WMF_SDK.breach(tried(Kind.MMST, Kind.MMSU, Kind.MMSH))).as("VLC").isPresent();
        assertThat(RolloverProfile.WMF_SDK.breach(tried(Kind.MMSH, Kind.MMST))).as("libmms").isPresent();
        assertThat(RolloverProfile.WMF_SDK.breach(tried(Kind.MMST, Kind.MMSH, Kind.MMST, Kind.MMSH))).as("xine")
                .isPresent();
        assertThat(RolloverProfile.WMF_SDK.breach(tried(Kind.MMSH, Kind.HTTP))).as("plain HTTP").isPresent();
    }

    @Test
    void mediaFoundationHasNoMms() {
        assertThat(RolloverProfile.MEDIA_FOUNDATION.breach(tried(Kind.RTSP, Kind.MMSH, Kind.HTTP))).isEmpty();
        assertThat(RolloverProfile.MEDIA_FOUNDATION.breach(tried(Kind.MMST))).isPresent();
    }

    @Test
    void selectedByName() {
        assertThat(RolloverProfile.parse("Media-Foundation")).isEqualTo(RolloverProfile.MEDIA_FOUNDATION);
        assertThat(RolloverProfile.selected()).isEqualTo(RolloverProfile.WMF_SDK);
        assertThatThrownBy(() -> RolloverProfile.parse("wmp6")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RolloverProfile.kinds(tried(Kind.MMST, Kind.MMST, Kind.MMSH))).containsExactly(Kind.MMST,
                Kind.MMSH);
    }
}
