package org.mmsspec.harness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A client command given as one string splits as a shell splits a simple command, without expanding anything. */
class CommandWordsTest {

    @Test
    void blanksSeparateWords() {
        assertThat(CommandWords.split("  ffmpeg -nostdin\t-v error -i {url}  -f null - "))
                .containsExactly("ffmpeg", "-nostdin", "-v", "error", "-i", "{url}", "-f", "null", "-");
    }

    @Test
    void quotesKeepBlanksAndJoinWithTheirNeighbours() {
        assertThat(CommandWords.split("sh -c 'echo \"$HOME\" {url}' a\"b c\"d"))
                .containsExactly("sh", "-c", "echo \"$HOME\" {url}", "ab cd");
        assertThat(CommandWords.split("x \"a\\\"b\\\\c\\n\" ''")).containsExactly("x", "a\"b\\c\\n", "");
    }

    @Test
    void aBackslashOutsideQuotesKeepsTheNextCharacter() {
        assertThat(CommandWords.split("vlc my\\ file\\'s")).containsExactly("vlc", "my file's");
    }

    @Test
    void nothingIsExpanded() {
        assertThat(CommandWords.split("echo $PATH * ~ `id`")).isEqualTo(List.of("echo", "$PATH", "*", "~", "`id`"));
    }

    @Test
    void badCommandsAreRefusedWithAReason() {
        assertThatThrownBy(() -> CommandWords.split("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CommandWords.split("sh -c 'oops")).hasMessageContaining("unterminated '");
        assertThatThrownBy(() -> CommandWords.split("sh -c \"oops")).hasMessageContaining("unterminated \"");
    }

    @Test
    void joinedWordsSplitBackToTheSameWords() {
        List<String> words = List.of("ffmpeg", "-i", "{url}", "two words", "it's", "", "a\\b\"c", "-f", "null");
        String line = CommandWords.join(words);
        assertThat(line).startsWith("ffmpeg -i {url} 'two words' ");
        assertThat(CommandWords.split(line)).containsExactlyElementsOf(words);
    }

    @Test
    void oneArgumentWithBlanksIsAWholeCommandLine() {
        assertThat(CommandWords.of(List.of("ffmpeg -i '{url}' -f null -")))
                .containsExactly("ffmpeg", "-i", "{url}", "-f", "null", "-");
        assertThat(CommandWords.of(List.of("ffmpeg", "-i", "two words"))).containsExactly("ffmpeg", "-i", "two words");
        assertThat(CommandWords.of(List.of("mediainfo"))).containsExactly("mediainfo");
    }
}
