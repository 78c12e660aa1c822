package org.mmsspec.server.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.mmsspec.server.Behaviour;
import org.mmsspec.server.ListenerSpec;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfException;
import org.mmsspec.server.asf.AsfFile;

/**
 * A scenario as a YAML file: the same content as {@link Scenario.Builder}, with the builder's defaults for every key
 * left out. Media file paths are relative to the scenario file, or {@code bundled:sample.asf} for the bundled sample.
 * Unknown keys are errors, so that a misspelt fault is not silently ignored.
 *
 * <pre>
 * name: rtsp-not-supported
 * media:
 *   - path: sample.asf
 *     files: [bundled:sample.asf]
 * listeners:
 *   rtsp: {port: 0, behaviour: error, error: 551}
 *   mmst: {port: 0, behaviour: serve}
 * pingInterval: 30s
 * faults:
 *   delayReply: {LinkMacToViewerReportOpenFile: 2s}
 * </pre>
 */
public final class ScenarioFile {

    /** The scenarios in {@code org/mmsspec/server/scenarios/}: one per server profile, one per rollover step. */
    public static final List<String> BUNDLED = List.of("wms41", "wms9", "wms2008", "rtsp-refused",
            "rtsp-not-supported", "mmsu-disconnected-funnel", "mmsu-no-data", "mmst-refused", "all-but-http-refused");

    static final String BUNDLED_PREFIX = "bundled:";
    private static final String RESOURCES = "/org/mmsspec/server/";
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build()).build();
    /** Bundled media, read once: a scenario loaded twice holds the same file, so the two compare equal. */
    private static final Map<String, AsfFile> BUNDLED_MEDIA = new ConcurrentHashMap<>();
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private ScenarioFile() {
    }

    /** A bundled scenario by name ({@link #BUNDLED}). */
    public static Scenario bundled(String name) {
        try (InputStream in = ScenarioFile.class.getResourceAsStream(RESOURCES + "scenarios/" + name + ".yaml")) {
            if (in == null) {
                throw new ScenarioException("no bundled scenario '" + name + "'; bundled: " + BUNDLED);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, name + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundled scenario if {@code nameOrFile} names one, else the scenario file at that path. */
    public static Scenario load(String nameOrFile) throws IOException {
        return BUNDLED.contains(nameOrFile) ? bundled(nameOrFile) : read(Path.of(nameOrFile));
    }

    public static Scenario read(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return parse(Files.readString(file, StandardCharsets.UTF_8), dir, file.toString());
    }

    /**
     * @param baseDir where relative media paths are; null where only bundled media may be named
     * @param source  the file's name, for messages
     */
    public static Scenario parse(String yaml, Path baseDir, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source + ": not YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source + ": a scenario is a mapping of keys");
        }
        return new Reader(source, baseDir).scenario(root);
    }

    /** Writes {@code s}; its files are named by their name, so the caller puts them beside the scenario file. */
    public static void write(Scenario s, Path file) throws IOException {
        Files.writeString(file, toYaml(s), StandardCharsets.UTF_8);
    }

    public static String toYaml(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        List<Object> media = new ArrayList<>();
        for (MediaEntry e : s.media()) {
            media.add(Map.of("path", e.path(), "files", e.files().stream().map(ScenarioFile::fileName).toList()));
        }
        m.put("media", media);
        Map<String, Object> listeners = new LinkedHashMap<>();
        for (Protocol p : Protocol.values()) {
            ListenerSpec l = s.listener(p);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("port", l.port());
            spec.put("behaviour", l.behaviour().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (l.errorCode() != 0) {
                spec.put("error", l.errorCode() < 1000 ? (Object) l.errorCode()
                        : String.format("0x%08X", l.errorCode()));
            }
            listeners.put(p.name().toLowerCase(Locale.ROOT), spec);
        }
        m.put("listeners", listeners);
        s.credentials().ifPresent(c -> m.put("credentials", Map.of("user", c.user(), "password", c.password(),
                "realm", c.realm())));
        m.put("pingInterval", duration(s.pingInterval()));
        m.put("idleTimeout", duration(s.idleTimeout()));
        m.put("pacing", s.pacing().name().toLowerCase(Locale.ROOT));
        m.put("openFileId", s.openFileId());
        m.put("serverVersion", s.serverVersion());
        s.redirect().ifPresent(r -> m.put("redirect", r));
        m.put("packetPair", s.packetPair());
        m.put("mmshBurstBit", s.mmshBurstBit());
        m.put("mmshChunked", s.mmshChunked());
        if (s.faults().any()) {
            m.put("faults", faults(s.faults()));
        }
        try {
            return YAML.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> faults(Faults f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!f.delayReply().isEmpty()) {
            Map<String, Object> delays = new java.util.TreeMap<>();
            f.delayReply().forEach((k, v) -> delays.put(k, duration(v)));
            m.put("delayReply", delays);
        }
        if (!f.dropReply().isEmpty()) {
            m.put("dropReply", f.dropReply().stream().sorted().toList());
        }
        if (!f.fieldOverrides().isEmpty()) {
            m.put("fieldOverrides", f.fieldOverrides().stream().map(o -> Map.of("message", o.message(), "field",
                    o.field(), "value", o.value())).toList());
        }
        if (f.oneByteSegments()) {
            m.put("oneByteSegments", true);
        }
        if (f.combineMessages()) {
            m.put("combineMessages", true);
        }
        if (f.closeMidMessage() != null) {
            m.put("closeMidMessage", f.closeMidMessage());
        }
        if (f.garbageAfter() != null) {
            m.put("garbageAfter", f.garbageAfter());
        }
        if (f.headerLastFlag() != Faults.NONE.headerLastFlag()) {
            m.put("headerLastFlag", String.format("0x%02X", f.headerLastFlag()));
        }
        return m;
    }

    private static String fileName(AsfFile f) {
        return BUNDLED_MEDIA.get(f.name()) == f ? BUNDLED_PREFIX + f.name() : f.name();
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms >= 600_000) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** {@code 30s}, {@code 250ms}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
    static Duration parseDuration(String s) {
        Matcher m = DURATION.matcher(s.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        return Duration.parse(s.strip());
    }

    private static AsfFile bundledMedia(String name) {
        return BUNDLED_MEDIA.computeIfAbsent(name, n -> {
            if (n.equals("sample.asf")) {
                return AsfFile.sample();
            }
            try (InputStream in = ScenarioFile.class.getResourceAsStream(RESOURCES + "media/" + n)) {
                if (in == null) {
                    throw new ScenarioException("no bundled media '" + n + "'");
                }
                return AsfFile.of(n, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reads one file's tree, naming the key path in every error. */
    private static final class Reader {
        private final String source;
        private final Path baseDir;

        Reader(String source, Path baseDir) {
            this.source = source;
            this.baseDir = baseDir;
        }

        ScenarioException error(String key, String message) {
            return new ScenarioException(source + ": " + key + ": " + message);
        }

        Scenario scenario(JsonNode root) {
            Scenario d = Scenario.builder().build();
            keys(root, "", Set.of("name", "media", "listeners", "credentials", "pingInterval", "idleTimeout",
                    "pacing", "openFileId", "serverVersion", "redirect", "packetPair", "mmshBurstBit", "mmshChunked",
                    "faults"));
            List<MediaEntry> media = root.has("media") ? media(root.get("media"))
                    : List.of(new MediaEntry("sample.asf", List.of(bundledMedia("sample.asf"))));
            Optional<Credentials> credentials = Optional.empty();
            if (root.hasNonNull("credentials")) {
                JsonNode c = root.get("credentials");
                keys(c, "credentials.", Set.of("user", "password", "realm"));
                credentials = Optional.of(new Credentials(text(c, "credentials.user", null),
                        text(c, "credentials.password", null), text(c, "credentials.realm", "mmsspec")));
            }
            return new Scenario(text(root, "name", d.name()), media, listeners(root.get("listeners"), d),
                    credentials, dur(root, "pingInterval", d.pingInterval()),
                    dur(root, "idleTimeout", d.idleTimeout()),
                    enumValue(root, "pacing", Pacing.class, d.pacing()), number(root, "openFileId", d.openFileId()),
                    text(root, "serverVersion", d.serverVersion()),
                    Optional.ofNullable(text(root, "redirect", null)), bool(root, "packetPair", d.packetPair()),
                    bool(root, "mmshBurstBit", d.mmshBurstBit()), bool(root, "mmshChunked", d.mmshChunked()),
                    root.hasNonNull("faults") ? faults(root.get("faults")) : Faults.NONE);
        }

        List<MediaEntry> media(JsonNode list) {
            if (!list.isArray() || list.isEmpty()) {
                throw error("media", "a list of {path, files}");
            }
            List<MediaEntry> out = new ArrayList<>();
            for (JsonNode e : list) {
                keys(e, "media.", Set.of("path", "files"));
                String path = text(e, "media.path", null);
                JsonNode files = e.get("files");
                if (path == null || files == null || !files.isArray() || files.isEmpty()) {
                    throw error("media", "each entry needs a path and a list of files");
                }
                List<AsfFile> asf = new ArrayList<>();
                files.forEach(f -> asf.add(file(f.asText())));
                out.add(new MediaEntry(path.startsWith("/") ? path.substring(1) : path, asf));
            }
            return out;
        }

        AsfFile file(String name) {
            if (name.startsWith(BUNDLED_PREFIX)) {
                return bundledMedia(name.substring(BUNDLED_PREFIX.length()));
            }
            Path p = Path.of(name);
            if (!p.isAbsolute()) {
                if (baseDir == null) {
                    throw error("media.files", name + ": a bundled scenario can only name bundled: media");
                }
                p = baseDir.resolve(p);
            }
            try {
                return AsfFile.read(p);
            } catch (IOException | AsfException e) {
                throw error("media.files", "cannot read " + p + ": " + e.getMessage());
            }
        }

        List<ListenerSpec> listeners(JsonNode node, Scenario d) {
            Map<Protocol, ListenerSpec> out = new LinkedHashMap<>();
            d.listeners().forEach(l -> out.put(l.protocol(), l));
            if (node == null || node.isNull()) {
                return new ArrayList<>(out.values());
            }
            keys(node, "listeners.", Set.of("rtsp", "mmst", "mmsu", "mmsh"));
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Protocol p = Protocol.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                String key = "listeners." + e.getKey();
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    out.put(p, new ListenerSpec(p, 0, behaviour(key, v.asText()), 0));
                    continue;
                }
                keys(v, key + ".", Set.of("port", "behaviour", "error"));
                long port = number(v, key + ".port", 0);
                if (port < 0 || port > 65535) {
                    throw error(key + ".port", port + " is not a port");
                }
                out.put(p, new ListenerSpec(p, (int) port,
                        v.has("behaviour") ? behaviour(key + ".behaviour", v.get("behaviour").asText())
                                : Behaviour.SERVE,
                        number(v, key + ".error", 0)));
            }
            return new ArrayList<>(out.values());
        }

        Behaviour behaviour(String key, String value) {
            return parseEnum(key, value, Behaviour.class);
        }

        Faults faults(JsonNode f) {
            keys(f, "faults.", Set.of("delayReply", "dropReply", "fieldOverrides", "oneByteSegments",
                    "combineMessages", "closeMidMessage", "garbageAfter", "headerLastFlag"));
            Map<String, Duration> delay = new LinkedHashMap<>();
            if (f.hasNonNull("delayReply")) {
                f.get("delayReply").fields().forEachRemaining(e -> delay.put(e.getKey(),
                        parse("faults.delayReply." + e.getKey(), e.getValue().asText(), ScenarioFile::parseDuration)));
            }
            Set<String> drop = new LinkedHashSet<>();
            if (f.hasNonNull("dropReply")) {
                f.get("dropReply").forEach(n -> drop.add(n.asText()));
            }
            List<Faults.FieldOverride> overrides = new ArrayList<>();
            if (f.hasNonNull("fieldOverrides")) {
                for (JsonNode o : f.get("fieldOverrides")) {
                    keys(o, "faults.fieldOverrides.", Set.of("message", "field", "value"));
                    JsonNode v = o.get("value");
                    Object value = v == null ? null : v.isIntegralNumber() ? (Object) v.asLong() : v.asText();
                    if (v != null && v.isTextual() && v.asText().matches("-?\\d+|0[xX][0-9a-fA-F]+")) {
                        value = number(o, "faults.fieldOverrides.value", 0);
                    }
                    overrides.add(new Faults.FieldOverride(text(o, "faults.fieldOverrides.message", null),
                            text(o, "faults.fieldOverrides.field", null), value));
                }
            }
            try {
                return new Faults(delay, drop, overrides, bool(f, "oneByteSegments", false),
                        bool(f, "combineMessages", false), text(f, "closeMidMessage", null),
                        text(f, "garbageAfter", null), (int) number(f, "headerLastFlag", 0x0C));
            } catch (IllegalArgumentException e) {
                throw error("faults", e.getMessage());
            }
        }

        void keys(JsonNode node, String prefix, Set<String> allowed) {
            if (!node.isObject()) {
                throw error(prefix.isEmpty() ? "(top)" : prefix.substring(0, prefix.length() - 1),
                        "expected a mapping with keys " + allowed);
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    throw error(prefix + k, "unknown key; known: " + new java.util.TreeSet<>(allowed));
                }
            });
        }

        String text(JsonNode n, String key, String dflt) {
            JsonNode v = n.get(leaf(key));
            if (v == null || v.isNull()) {
                return dflt;
            }
            if (!v.isValueNode()) {
                throw error(key, "expected a value");
            }
            return v.asText();
        }

        long number(JsonNode n, String key, long dflt) {
            JsonNode v = n.get(leaf(key));
            if (v == null || v.isNull()) {
                return dflt;
            }
            if (v.isIntegralNumber()) {
                return v.asLong();
            }
            String s = v.asText().strip();
            return parse(key, s, t -> t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16)
                    : Long.parseLong(t));
        }

        boolean bool(JsonNode n, String key, boolean dflt) {
            JsonNode v = n.get(leaf(key));
            if (v == null || v.isNull()) {
                return dflt;
            }
            if (v.getNodeType() != JsonNodeType.BOOLEAN) {
                throw error(key, "expected true or false, not " + v);
            }
            return v.asBoolean();
        }

        Duration dur(JsonNode n, String key, Duration dflt) {
            String s = text(n, key, null);
            return s == null ? dflt : parse(key, s, ScenarioFile::parseDuration);
        }

        <E extends Enum<E>> E enumValue(JsonNode n, String key, Class<E> type, E dflt) {
            String s = text(n, key, null);
            return s == null ? dflt : parseEnum(key, s, type);
        }

        <E extends Enum<E>> E parseEnum(String key, String s, Class<E> type) {
            try {
                return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw error(key, "'" + s + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
            }
        }

        <T> T parse(String key, String s, Function<String, T> f) {
            try {
                return f.apply(s);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw error(key, "cannot read '" + s + "'");
            }
        }

        private static String leaf(String key) {
            return key.substring(key.lastIndexOf('.') + 1);
        }
    }
}
