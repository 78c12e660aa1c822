package org.mmsspec.harness.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a client command given as one string ({@code -Dclient="ffmpeg -i {url} -f null -"}) into words as a POSIX
 * shell would for simple commands: blanks separate, single quotes keep everything, double quotes keep all but
 * backslash escapes. No expansion of variables, globs or substitutions: the command is run without a shell.
 */
public final class CommandWords {

    /** Characters a word may hold and still go unquoted in {@link #join}. */
    private static final String PLAIN = "-_./:=,+@%{}";

    private CommandWords() {
    }

    /**
     * The words of a command given on a command line after {@code --}: as they are, or, where they are one word with
     * blanks in it, that word split (a whole command line quoted once).
     */
    public static List<String> of(List<String> args) {
        return args.size() == 1 && args.get(0).strip().contains(" ") ? split(args.get(0)) : args;
    }

    public static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char ch = command.charAt(i);
            if (ch == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' in: " + command);
                }
                cur.append(command, i + 1, end);
                i = end;
                inWord = true;
            } else if (ch == '"') {
                i++;
                while (i < command.length() && command.charAt(i) != '"') {
                    char c = command.charAt(i);
                    if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                        c = command.charAt(++i);
                    }
                    cur.append(c);
                    i++;
                }
                if (i >= command.length()) {
                    throw new IllegalArgumentException("unterminated \" in: " + command);
                }
                inWord = true;
            } else if (ch == '\\' && i + 1 < command.length()) {
                cur.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty client command");
        }
        return words;
    }

    /**
     * The words as one command line that {@link #split} takes back to the same words: a word with anything but
     * plain characters goes in single quotes (a single quote in it as '\'').
     */
    public static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            if (!w.isEmpty() && w.chars().allMatch(c -> Character.isLetterOrDigit(c) || PLAIN.indexOf(c) >= 0)) {
                b.append(w);
            } else {
                b.append('\'').append(w.replace("'", "'\\''")).append('\'');
            }
        }
        return b.toString();
    }
}
