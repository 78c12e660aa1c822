package org.mmsspec.server.scenario;

import java.util.List;

import org.mmsspec.server.asf.AsfFile;

/**
 * What the server serves at one path: one file, or a server-side playlist of several played in one session with a
 * stream change between them (MS-MMSP 3.2.4.2).
 *
 * @param path the URL path without the leading slash, as OpenFile names it ({@code sample.asf})
 */
public record MediaEntry(String path, List<AsfFile> files) {

    public MediaEntry {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file for " + path);
        }
        files = List.copyOf(files);
    }

    public boolean isPlaylist() {
        return files.size() > 1;
    }
}
