package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the peer tests ask of this machine before they start a real peer, so that they skip with a reason. */
final class PeerHost {

    private PeerHost() {
    }

    /** runuser needs root to switch to an ordinary user. */
    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean userExists(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }
}
