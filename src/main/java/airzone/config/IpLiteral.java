package airzone.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP addresses written out, read without ever asking the DNS: {@link InetAddress#getByName} looks up
 * anything it does not read as a literal (say {@code 999.1.1.1}), and what a name resolves to is not
 * what a setting or a header said.
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiteral() {
    }

    /** The address {@code text} writes (dotted quad, or IPv6 with colons); null for anything else. */
    public static InetAddress parse(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int g = 1; g <= 4; g++) if (Integer.parseInt(v4.group(g)) > 255) return null;
        } else if (!IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text); // a literal now: Java reads a text with a colon as IPv6 or refuses it
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
