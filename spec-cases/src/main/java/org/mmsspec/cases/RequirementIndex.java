package org.mmsspec.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;

/**
 * Every MUST, MUST NOT, SHOULD, SHOULD NOT and MAY of the specifications, one YAML file per section under
 * {@code requirements/<spec>/<section>.yaml}, so that the section leads to the file.
 */
public final class RequirementIndex {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile RequirementIndex bundled;
    private final List<Requirement> all;

    private RequirementIndex(List<Requirement> all) {
        this.all = List.copyOf(all);
    }

    /** The index on the class path, read once: it cannot change while the JVM runs. */
    public static RequirementIndex bundled() {
        RequirementIndex i = bundled;
        if (i == null) {
            i = loadBundled();
            bundled = i;
        }
        return i;
    }

    private static RequirementIndex loadBundled() {
        URL root = RequirementIndex.class.getResource("/requirements");
        if (root == null) {
            throw new IllegalStateException("no /requirements on the class path");
        }
        try {
            // The class loader's own JarFile, not a zip file system: that would read the whole central directory
            // of the shaded jar again, which takes most of a second.
            if (root.openConnection() instanceof JarURLConnection c) {
                return load(c.getJarFile());
            }
            return load(Path.of(root.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequirementIndex load(JarFile jar) throws IOException {
        List<Requirement> out = new ArrayList<>();
        for (JarEntry e : Collections.list(jar.entries())) {
            String name = e.getName();
            if (name.startsWith("requirements/") && name.endsWith(".yaml")) {
                try (InputStream in = jar.getInputStream(e)) {
                    out.addAll(parse(name.substring(name.lastIndexOf('/') + 1), in));
                }
            }
        }
        return sorted(out);
    }

    public static RequirementIndex load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        List<Requirement> out = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                out.addAll(parse(f.getFileName().toString(), in));
            }
        }
        return sorted(out);
    }

    private static RequirementIndex sorted(List<Requirement> out) {
        out.sort(Comparator.comparing(Requirement::section, Section.DOCUMENT_ORDER)
                .thenComparingInt(r -> idNumber(r.id())));
        return new RequirementIndex(out);
    }

    static List<Requirement> parse(String file, InputStream in) throws IOException {
        JsonNode root = YAML.readTree(in);
        JsonNode rows = root == null ? null : root.get("requirements");
        if (rows == null || !rows.isArray()) {
            throw new IOException(file + ": no 'requirements' list");
        }
        Section section = Section.parse(text(root, "section", file));
        List<Requirement> out = new ArrayList<>();
        for (JsonNode n : rows) {
            String id = text(n, "id", file);
            String keyword = text(n, "level", file).toUpperCase(Locale.ROOT).strip();
            boolean negative = keyword.endsWith(" NOT");
            Level level = Level.valueOf(negative ? keyword.substring(0, keyword.length() - 4).strip() : keyword);
            boolean observable = n.path("observable").asBoolean(true);
            out.add(new Requirement(id, section, level, negative,
                    Requirement.Role.valueOf(text(n, "role", file).toUpperCase(Locale.ROOT)),
                    n.hasNonNull("field") ? n.get("field").asText() : null, text(n, "text", file), observable,
                    n.hasNonNull("reason") ? n.get("reason").asText() : null));
        }
        return out;
    }

    private static String text(JsonNode n, String field, String file) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": missing '" + field + "' in " + n);
        }
        return v.asText();
    }

    private static int idNumber(String id) {
        int r = id.lastIndexOf("-R");
        return r < 0 ? 0 : Integer.parseInt(id.substring(r + 2));
    }

    public List<Requirement> all() {
        return all;
    }

    public Optional<Requirement> byId(String id) {
        return all.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<Requirement> inSection(Section s) {
        return all.stream().filter(r -> r.section().equals(s)).toList();
    }
}
