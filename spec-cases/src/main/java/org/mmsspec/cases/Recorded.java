package org.mmsspec.cases;

import org.mmsspec.client.Transcript;

/** The transcript of one connection a server case opened, labelled for the report. */
public record Recorded(String label, Transcript transcript) {
}
