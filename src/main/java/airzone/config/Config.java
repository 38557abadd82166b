package airzone.config;

import airzone.disk.DiskSpace;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service configuration: each setting comes from an AIRZONE_* environment variable or the matching
 * {@code --flag} (flags win). Every value is checked here so that a bad one stops the start with one
 * clear line instead of a stack trace deep inside a library.
 */
public record Config(
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        boolean publicRead,
        String bootstrapAdmin,
        String tileUrl,
        String tileAttribution,
        double maxSiteAreaKm2,
        int maxVertices,
        long maxBodyBytes,
        long maxBatchBytes,
        int idleTimeoutSeconds,
        int stopGraceSeconds,
        long minUploadRate,
        int requestsPerClient,
        int heavyPerClient,
        long minFreeDiskBytes,
        int changesPollMillis,
        List<String> trustedProxies) {

    /**
     * A tile URL template up to its path: scheme and host, where only Leaflet's {s} (subdomain) may
     * stand in the host — the page's Content-Security-Policy must name every host tiles come from.
     */
    private static final Pattern TILE_ORIGIN = Pattern.compile(
            "(https?://(?:\\[[0-9A-Fa-f:.]+]|(?:[A-Za-z0-9.-]|\\{s})+)(?::\\d{1,5})?)(?:[/?#].*)?");
    /** Leaflet's default subdomains, which the page's tile layer uses for {s}. */
    private static final List<String> TILE_SUBDOMAINS = List.of("a", "b", "c");

    /**
     * Free space kept on the data directory's filesystem (AIRZONE_MIN_FREE_DISK_MB): below it, writes to
     * the store, imports and exports answer 507 before they start (see {@link DiskSpace}).
     * 64 MB is well above what one edit or the background compaction of the embedded database needs
     * and small beside any real disk; 0 turns the check off and leaves a full disk to the write itself.
     */
    static final String DEFAULT_MIN_FREE_DISK_MB = "64";

    /** Flag name (without the leading dashes) → environment variable. */
    static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("port", "AIRZONE_PORT"),
            Map.entry("data-dir", "AIRZONE_DATA_DIR"),
            Map.entry("db-url", "AIRZONE_DB_URL"),
            Map.entry("db-user", "AIRZONE_DB_USER"),
            Map.entry("db-password", "AIRZONE_DB_PASSWORD"),
            Map.entry("public-read", "AIRZONE_PUBLIC_READ"),
            Map.entry("bootstrap-admin", "AIRZONE_BOOTSTRAP_ADMIN"),
            Map.entry("tile-url", "AIRZONE_TILE_URL"),
            Map.entry("tile-attribution", "AIRZONE_TILE_ATTRIBUTION"),
            Map.entry("max-site-area-km2", "AIRZONE_MAX_SITE_AREA_KM2"),
            Map.entry("max-vertices", "AIRZONE_MAX_VERTICES"),
            Map.entry("max-body-mb", "AIRZONE_MAX_BODY_MB"),
            Map.entry("max-batch-mb", "AIRZONE_MAX_BATCH_MB"),
            Map.entry("idle-timeout-s", "AIRZONE_IDLE_TIMEOUT_S"),
            Map.entry("stop-grace-s", "AIRZONE_STOP_GRACE_S"),
            Map.entry("min-upload-rate", "AIRZONE_MIN_UPLOAD_RATE"),
            Map.entry("requests-per-client", "AIRZONE_REQUESTS_PER_CLIENT"),
            Map.entry("heavy-per-client", "AIRZONE_HEAVY_PER_CLIENT"),
            Map.entry("min-free-disk-mb", DiskSpace.SETTING),
            Map.entry("changes-poll-ms", "AIRZONE_CHANGES_POLL_MS"),
            Map.entry("trusted-proxies", "AIRZONE_TRUSTED_PROXIES"));
    /** How logs are written (text or json); an environment variable only, see {@link #checkLogFormat}. */
    static final String LOG_FORMAT = "AIRZONE_LOG_FORMAT";

    /** Thrown for a value the service cannot run with; the message is what the operator reads. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    public boolean usesPostgis() {
        return dbUrl != null;
    }

    /** Where exports and imports unpack their files, one directory each ({@link airzone.disk.WorkDir}). */
    public Path workRoot() {
        return dataDir.resolve("tmp");
    }

    /** Where the optional base map's tiles come from (scheme, host, port), one origin per subdomain; none without tiles. */
    public List<String> tileOrigins() {
        if (tileUrl == null) return List.of();
        Matcher m = TILE_ORIGIN.matcher(tileUrl);
        if (!m.matches()) throw new IllegalStateException("tile URL not checked: " + tileUrl);
        String origin = m.group(1);
        if (!origin.contains("{s}")) return List.of(origin);
        return TILE_SUBDOMAINS.stream().map(sub -> origin.replace("{s}", sub)).toList();
    }

    public static Config from(Map<String, String> env, String[] args) {
        Map<String, String> values = new HashMap<>();
        SETTINGS.forEach((flag, variable) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) values.put(flag, value.trim());
        });
        values.putAll(parseFlags(args));
        checkLogFormat(env.get(LOG_FORMAT));

        return new Config(
                port(values.getOrDefault("port", "7070")),
                Path.of(values.getOrDefault("data-dir", "./data")),
                dbUrl(values.get("db-url")),
                values.get("db-user"),
                values.get("db-password"),
                bool("public-read", values.getOrDefault("public-read", "true")),
                userAndPassword(values.get("bootstrap-admin")),
                tileUrl(values.get("tile-url")),
                values.get("tile-attribution"),
                positive("max-site-area-km2", values.getOrDefault("max-site-area-km2", "1000")),
                (int) Math.min(Integer.MAX_VALUE, whole("max-vertices", values.getOrDefault("max-vertices", "100000"))),
                whole("max-body-mb", values.getOrDefault("max-body-mb", "20")) * 1024 * 1024,
                whole("max-batch-mb", values.getOrDefault("max-batch-mb", "256")) * 1024 * 1024,
                (int) whole("idle-timeout-s", values.getOrDefault("idle-timeout-s", "30")),
                (int) whole("stop-grace-s", values.getOrDefault("stop-grace-s", "8")),
                whole("min-upload-rate", values.getOrDefault("min-upload-rate", "1024")),
                (int) whole("requests-per-client", values.getOrDefault("requests-per-client", "64")),
                (int) whole("heavy-per-client", values.getOrDefault("heavy-per-client", "4")),
                wholeOrZero("min-free-disk-mb", values.getOrDefault("min-free-disk-mb", DEFAULT_MIN_FREE_DISK_MB)) * 1024 * 1024,
                (int) Math.min(Integer.MAX_VALUE, whole("changes-poll-ms", values.getOrDefault("changes-poll-ms", "1000"))),
                addresses("trusted-proxies", values.get("trusted-proxies")));
    }

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new Invalid("unexpected argument '" + arg + "'; settings are --name=value");
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new Invalid("--" + name + " needs a value");
            }
            if (!SETTINGS.containsKey(name)) {
                throw new Invalid("unknown setting --" + name + "; known: --" + String.join(", --", SETTINGS.keySet()));
            }
            flags.put(name, value.trim());
        }
        return flags;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // reported below with the offending value
        }
        throw new Invalid("AIRZONE_PORT must be a port number 0-65535, got '" + value + "'");
    }

    private static String dbUrl(String value) {
        if (value == null) return null;
        if (!value.startsWith("jdbc:postgresql://")) {
            throw new Invalid("AIRZONE_DB_URL must start with jdbc:postgresql:// (leave it unset for the embedded store), got '" + value + "'");
        }
        return value;
    }

    /**
     * Logback reads it itself when logging starts (src/main/resources/logback.xml), before flags are
     * parsed, so it is an environment variable only; checked here so that a typo stops the start.
     */
    private static void checkLogFormat(String value) {
        if (value == null || value.isBlank() || value.equals("text") || value.equals("json")) return;
        throw new Invalid(LOG_FORMAT + " must be text or json, got '" + value + "'");
    }

    /**
     * Comma-separated IP addresses and CIDR blocks ({@code 10.0.0.5, 172.30.0.0/24, fd00::/8}), literals only:
     * a host name would be looked up in DNS, and what the DNS says is not what to trust.
     */
    private static List<String> addresses(String flag, String value) {
        if (value == null) return List.of();
        List<String> entries = new java.util.ArrayList<>();
        for (String entry : value.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            int slash = e.indexOf('/');
            java.net.InetAddress address = IpLiteral.parse(slash < 0 ? e : e.substring(0, slash));
            int maxPrefix = address instanceof java.net.Inet4Address ? 32 : 128;
            String prefix = slash < 0 ? "0" : e.substring(slash + 1);
            if (address == null || !prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > maxPrefix) {
                throw new Invalid(SETTINGS.get(flag) + " takes IP addresses and CIDR blocks separated by commas (10.0.0.5, 172.30.0.0/24, fd00::/8), got '" + e + "'");
            }
            entries.add(e);
        }
        return List.copyOf(entries);
    }

    private static boolean bool(String flag, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new Invalid(SETTINGS.get(flag) + " must be true or false, got '" + value + "'");
        };
    }

    private static double positive(String flag, String value) {
        try {
            double v = Double.parseDouble(value);
            if (v > 0 && Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below with the offending value
        }
        throw new Invalid(SETTINGS.get(flag) + " must be a positive number, got '" + value + "'");
    }

    private static long whole(String flag, String value) {
        try {
            long v = Long.parseLong(value);
            if (v > 0 && v < 1_000_000_000L) return v;
        } catch (NumberFormatException ignored) {
            // reported below with the offending value
        }
        throw new Invalid(SETTINGS.get(flag) + " must be a positive whole number, got '" + value + "'");
    }

    private static long wholeOrZero(String flag, String value) {
        try {
            long v = Long.parseLong(value);
            if (v >= 0 && v < 1_000_000_000L) return v;
        } catch (NumberFormatException ignored) {
            // reported below with the offending value
        }
        throw new Invalid(SETTINGS.get(flag) + " must be a whole number, 0 or more, got '" + value + "'");
    }

    private static String userAndPassword(String value) {
        if (value == null) return null;
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new Invalid("AIRZONE_BOOTSTRAP_ADMIN must be name:password");
        }
        return value;
    }

    private static String tileUrl(String value) {
        if (value == null) return null;
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new Invalid(SETTINGS.get("tile-url") + " must be an http(s) URL template, got '" + value + "'");
        }
        if (!TILE_ORIGIN.matcher(value).matches()) {
            throw new Invalid(SETTINGS.get("tile-url") + " must name its host (only {s} may stand in it), got '" + value + "'");
        }
        return value;
    }
}
