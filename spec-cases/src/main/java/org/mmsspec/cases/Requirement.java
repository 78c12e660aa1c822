package org.mmsspec.cases;

import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;

/**
 * One normative statement of a specification, in our own words.
 *
 * @param id          stable: {@code MMSP-<section>-R<n>}, n counting the statements of the section in order
 * @param role        who the statement binds
 * @param field       the field it is about, where it is about one (the spec's name), or null
 * @param paraphrase  one line in our own words, never the spec's
 * @param observable  whether a peer's bytes on the wire can show it kept or broken
 * @param reason      why not, where it is not observable
 */
public record Requirement(String id, Section section, Level level, boolean negative, Role role, String field,
        String paraphrase, boolean observable, String reason) {

    /** Who must do what the statement says. */
    public enum Role { CLIENT, SERVER, BOTH }

    /** MUST NOT, SHOULD NOT as the spec words them, from the level and the negative flag. */
    public String keyword() {
        return level.name() + (negative ? " NOT" : "");
    }
}
