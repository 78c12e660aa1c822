package org.mmsspec.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.Section;

/** Loads the YAML vector tables under {@code vectors/} on the class path (or any folder). */
public final class VectorTable {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private VectorTable() {
    }

    /** Every row of every table bundled in this module, in file order. */
    public static List<Vector> bundled() {
        URL root = VectorTable.class.getResource("/vectors");
        if (root == null) {
            throw new IllegalStateException("no /vectors on the class path");
        }
        try {
            if ("jar".equals(root.getProtocol())) {
                try (FileSystem fs = FileSystems.newFileSystem(root.toURI(), Map.of())) {
                    return load(fs.getPath("/vectors"));
                }
            }
            return load(Path.of(root.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every {@code .yaml} file below {@code dir}, files in name order. */
    public static List<Vector> load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<Vector> out = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                out.addAll(parse(dir.relativize(f).toString(), in));
            }
        }
        return out;
    }

    public static List<Vector> parse(String file, InputStream in) throws IOException {
        JsonNode root = YAML.readTree(in);
        List<Vector> out = new ArrayList<>();
        JsonNode rows = root == null ? null : root.get("vectors");
        if (rows == null || !rows.isArray()) {
            throw new IOException(file + ": no 'vectors' list");
        }
        for (JsonNode row : rows) {
            try {
                out.add(row(file, row));
            } catch (RuntimeException e) {
                throw new IOException(file + ": row " + row.path("id").asText("?") + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Vector row(String file, JsonNode n) {
        List<Vector.Expected> violations = new ArrayList<>();
        for (JsonNode v : n.path("violations")) {
            violations.add(new Vector.Expected(Section.parse(text(v, "section")),
                    Level.valueOf(text(v, "level").toUpperCase(Locale.ROOT)), text(v, "field")));
        }
        List<String> messages = new ArrayList<>();
        for (JsonNode m : n.path("messages")) {
            messages.add(m.asText());
        }
        return new Vector(file, text(n, "id"), Section.parse(text(n, "section")),
                n.has("direction") ? Direction.parse(text(n, "direction")) : null,
                Vector.Kind.valueOf(text(n, "kind").toUpperCase(Locale.ROOT)), n.path("source").asText(""),
                text(n, "description"),
                Profile.valueOf(n.path("profile").asText("deployed").toUpperCase(Locale.ROOT)),
                Bytes.ofHex(text(n, "hex")), map(n.get("header")), map(n.get("fields")), messages, violations,
                n.hasNonNull("error") ? n.get("error").asText() : null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return v.asText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode n) {
        return n == null || n.isNull() ? Map.of() : YAML.convertValue(n, LinkedHashMap.class);
    }
}
