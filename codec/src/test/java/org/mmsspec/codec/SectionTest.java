package org.mmsspec.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SectionTest {

    @Test
    void documentOrderComparesNumbersPartByPartAndPutsAParentFirst() {
        List<Section> s = new ArrayList<>(List.of(Section.wmsp("2.2"), Section.mmsp("2.2.4.10"),
                Section.mmsp("2.2.4.9"), Section.mmsp("3"), Section.mmsp("2.2.4"), Section.mmsp("10.1"),
                Section.mmsp("2.2.4.9")));
        s.sort(Section.DOCUMENT_ORDER);
        assertThat(s).extracting(Section::toString).containsExactly("MS-MMSP 2.2.4", "MS-MMSP 2.2.4.9",
                "MS-MMSP 2.2.4.9", "MS-MMSP 2.2.4.10", "MS-MMSP 3", "MS-MMSP 10.1", "MS-WMSP 2.2");
        assertThat(Section.DOCUMENT_ORDER.compare(Section.mmsp("2.2.4.9"), Section.mmsp("2.2.4.9"))).isZero();
    }

    @Test
    void parseReadsWhatToStringPrints() {
        assertThat(Section.parse(" MS-MMSP 2.2.4.17 ")).isEqualTo(Section.mmsp("2.2.4.17"));
    }
}
