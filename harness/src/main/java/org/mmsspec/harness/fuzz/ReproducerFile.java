package org.mmsspec.harness.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link Reproducer} as a JSON file a person can read and {@code mmsspec replay} can send: each step carries its
 * bytes once as one hex string (what replay reads) and once as a hex dump with printable characters (what a reader
 * reads), with its note.
 */
public final class ReproducerFile {

    public static final String FORMAT = "mmsspec-reproducer/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HexFormat HEX = HexFormat.of();

    private ReproducerFile() {
    }

    /** Writes {@code r} as {@code dir/<key>.json}, atomically, and returns the path. */
    public static Path save(Path dir, Reproducer r) throws IOException {
        Path file = dir.resolve(r.key() + ".json");
        AtomicFiles.write(file, toJson(r));
        return file;
    }

    /** The reproducers in {@code dir} (a campaign's findings/ or unconfirmed/), by name; none where it is missing. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    public static byte[] toJson(Reproducer r) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("key", r.key());
        o.put("role", r.role().name().toLowerCase());
        o.put("symptom", r.symptom().label());
        o.put("state", r.state().label());
        o.put("trigger", r.trigger());
        o.put("detail", r.detail());
        o.put("seed", r.seed());
        o.put("session", r.session());
        o.put("transport", r.transport().name());
        o.put("attack", r.attack());
        ObjectNode t = o.putObject("target");
        t.put("address", r.target().address());
        t.put("command", r.target().command());
        if (r.target().planted() == null) {
            t.putNull("planted");
        } else {
            r.target().planted().forEach(t.putArray("planted")::add);
        }
        o.put("minimised", r.minimised());
        o.put("originalSteps", r.originalSteps());
        o.put("originalBytes", r.originalBytes());
        o.put("steps", r.steps().size());
        o.put("bytes", r.bytes());
        ArrayNode steps = o.putArray("transcript");
        for (Step s : r.steps()) {
            ObjectNode n = steps.addObject();
            n.put("connection", s.connection());
            n.put("note", s.note());
            n.put("segmenting", s.segmenting().name());
            n.put("await", s.await().name());
            n.put("length", s.length());
            n.put("hex", HEX.formatHex(s.bytes()));
            dump(s.bytes()).forEach(n.putArray("dump")::add);
        }
        return JSON.writeValueAsBytes(o);
    }

    public static Reproducer read(Path file) throws IOException {
        JsonNode o = JSON.readTree(Files.readAllBytes(file));
        if (!FORMAT.equals(o.path("format").asText())) {
            throw new IOException(file + ": not an mmsspec reproducer (format '" + o.path("format").asText()
                    + "', expected '" + FORMAT + "')");
        }
        try {
            List<Step> steps = new ArrayList<>();
            for (JsonNode n : o.get("transcript")) {
                steps.add(new Step(n.get("connection").asInt(), HEX.parseHex(n.get("hex").asText()),
                        Step.Segmenting.valueOf(n.get("segmenting").asText()),
                        Step.Await.valueOf(n.get("await").asText()), n.path("note").asText("")));
            }
            JsonNode t = o.get("target");
            List<String> planted = null;
            if (t.hasNonNull("planted")) {
                planted = new ArrayList<>();
                for (JsonNode p : t.get("planted")) {
                    planted.add(p.asText());
                }
            }
            return new Reproducer(Reproducer.Role.valueOf(o.get("role").asText().toUpperCase()),
                    o.get("seed").asLong(), o.get("session").asLong(),
                    SessionPlan.Transport.valueOf(o.get("transport").asText()),
                    Symptom.byLabel(o.get("symptom").asText()), FuzzState.byLabel(o.get("state").asText()),
                    o.get("trigger").asText(), o.path("detail").asText(""),
                    new Reproducer.Target(text(t, "address"), text(t, "command"), planted),
                    o.path("attack").asText(""), steps, o.path("minimised").asBoolean(),
                    o.path("originalSteps").asInt(steps.size()), o.path("originalBytes").asInt());
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new IOException(file + ": malformed reproducer: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** 16 bytes a line: offset, hex, and the printable characters. */
    static List<String> dump(byte[] b) {
        List<String> lines = new ArrayList<>();
        for (int at = 0; at < b.length; at += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder text = new StringBuilder();
            for (int k = at; k < at + 16; k++) {
                if (k < b.length) {
                    hex.append(String.format("%02x ", b[k]));
                    int c = b[k] & 0xFF;
                    text.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
                } else {
                    hex.append("   ");
                }
                if (k == at + 7) {
                    hex.append(' ');
                }
            }
            lines.add(String.format("%04x  %s |%s|", at, hex, text));
        }
        return lines;
    }
}
