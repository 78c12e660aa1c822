package org.mmsspec.server.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Mutation.Quirk;
import org.mmsspec.server.scenario.Scenario;
import org.mmsspec.server.scenario.ScenarioFile;

/** A quirk changes the one behaviour it names; without a mutation the session is the conformant one. */
class MutationQuirkTest {

    static Mutation quirk(Quirk q) {
        return new Mutation() {
            @Override
            public boolean has(Quirk x) {
                return x == q;
            }
        };
    }

    static List<SessionAction> openFileBeforeConnect(Mutation m) {
        Scenario s = Scenario.builder().media(AsfFile.sample()).mutation(m).build();
        MmsServerSession session = new MmsServerSession(s, PacketSource.asf(), new Random(7));
        session.start();
        return session.onMessage(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
    }

    @Test
    void aMessageOutOfSequenceClosesUnlessTheQuirkIgnoresIt() {
        assertThat(openFileBeforeConnect(Mutation.NONE)).anyMatch(a -> a instanceof SessionAction.Close);
        assertThat(openFileBeforeConnect(null)).anyMatch(a -> a instanceof SessionAction.Close);
        assertThat(openFileBeforeConnect(quirk(Quirk.IGNORE_OUT_OF_ORDER)))
                .noneMatch(a -> a instanceof SessionAction.Close || a instanceof SessionAction.Reply);
        assertThat(openFileBeforeConnect(quirk(Quirk.PING_EARLY))).anyMatch(a -> a instanceof SessionAction.Close);
    }

    @Test
    void theBuilderKeepsTheMutationAndScenarioFilesNeverSeeIt() {
        Mutation m = quirk(Quirk.NO_RESEND);
        Scenario s = Scenario.builder().mutation(m).build();
        assertThat(s.mutation()).isSameAs(m);
        assertThat(s.toBuilder().build().mutation()).isSameAs(m);
        assertThat(Scenario.builder().build().mutation()).isSameAs(Mutation.NONE);
        assertThat(ScenarioFile.toYaml(s)).doesNotContain("mutation");
    }
}
