package airzone.http;

import airzone.config.IpLiteral;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Behind a reverse proxy every connection comes from the proxy, so the per-client limits, the login
 * throttle and the request log would see one client. For a connection from an address in
 * {@code AIRZONE_TRUSTED_PROXIES} this takes the client's address from {@code X-Forwarded-For}: the
 * rightmost entry that is not itself a trusted proxy (entries further left were written by the
 * client, who can write anything). From any other address the header is ignored.
 * <p>
 * Written here because Jetty's own ForwardedRequestCustomizer believes the header from whoever sends
 * it; the address matching is Jetty's ({@link InetAddressSet}: addresses and CIDR blocks).
 */
final class TrustedProxies implements HttpConfiguration.Customizer {

    private final InetAddressSet trusted = new InetAddressSet();

    /** @param proxies addresses and CIDR blocks, checked as literals by {@link airzone.config.Config} */
    TrustedProxies(List<String> proxies) {
        proxies.forEach(trusted::add);
    }

    @Override
    public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
        InetSocketAddress peer = request.getRemoteInetSocketAddress();
        if (peer == null || peer.getAddress() == null || !trusted.test(peer.getAddress())) return;
        List<String> hops = new ArrayList<>();
        for (String value : request.getHttpFields().getValuesList(HttpHeader.X_FORWARDED_FOR)) {
            for (String hop : value.split(",")) hops.add(hop.trim());
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = IpLiteral.parse(hops.get(i));
            if (hop == null) return; // not an address: nothing to its left can be trusted either; the last proxy stays
            if (!trusted.test(hop)) {
                request.setRemoteAddr(new InetSocketAddress(hop, peer.getPort()));
                return;
            }
        }
    }
}
