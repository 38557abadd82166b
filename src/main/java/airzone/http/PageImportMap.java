package airzone.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import map of the page ({@code web/index.html}), which tells the modules where Leaflet is so that
 * none of them names a WebJar path. Browsers take an import map only inline, and an inline script is what
 * the page's policy refuses; so the policy allows exactly this one by its hash, computed from the page
 * itself at start: editing the map in index.html is all a change of it takes.
 */
final class PageImportMap {

    private static final String PAGE = "/web/index.html";
    private static final Pattern MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private PageImportMap() {
    }

    /** Base64 SHA-256 of the map's text, as a Content-Security-Policy {@code 'sha256-…'} source wants it. */
    static String sha256() {
        return sha256(text(read()));
    }

    /** The text between {@code <script type="importmap">} and {@code </script>}, exactly as the browser hashes it. */
    static String text(String page) {
        Matcher m = MAP.matcher(page);
        if (!m.find()) throw new IllegalStateException(PAGE + " has no <script type=\"importmap\">");
        return m.group(1);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String read() {
        try (InputStream in = PageImportMap.class.getResourceAsStream(PAGE)) {
            if (in == null) throw new IllegalStateException(PAGE + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
