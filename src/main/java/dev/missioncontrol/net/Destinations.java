package dev.missioncontrol.net;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks outbound destinations against the address policy. The name is resolved once, here, and the checked
 * addresses are the ones connected to, so a DNS answer that changes between check and connect (rebinding) cannot
 * smuggle in a private address.
 */
public final class Destinations {
    private final AddressPolicy policy;
    private final HostResolver resolver;

    public Destinations(AddressPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** Parses and checks a configured URL: http(s), no credentials, a usable port, and a host on an allowed network. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DeniedDestination("is not a URL: " + unparsable(e));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DeniedDestination("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new DeniedDestination("must not carry credentials in the URL");
        }
        if (uri.getHost() == null) {
            // what follows an @ only: credentials typed into such an authority are not repeated
            throw new DeniedDestination(uri.getRawAuthority() == null ? "has no host" : "names its host as '"
                    + uri.getRawAuthority().replaceAll("^.*@", "") + "', which is neither a host name nor an IP "
                    + "address in full (such as 10.0.0.1 or prometheus.internal)"
                    + asciiForm(uri.getRawAuthority().replaceAll("^.*@", "").replaceAll(":\\d*$", "")));
        }
        // Port 0 parses but nothing can be reached on it, so a webhook there would fail on every delivery.
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new DeniedDestination("must name a port from 1 to 65535, or none");
        }
        addresses(uri.getHost());
        return uri;
    }

    /**
     * How to write a host name with letters outside ASCII ({@code bücher.example}), which the URL parser takes for
     * no host at all: its IDNA form ({@code xn--bcher-kva.example}), which resolves to the same place.
     */
    private static String asciiForm(String host) {
        if (host.chars().allMatch(c -> c < 128)) {
            return "";
        }
        try {
            return "; a name with letters outside ASCII is written in its IDNA form, here '"
                    + IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES) + "'";
        } catch (IllegalArgumentException notAName) {
            return "";
        }
    }

    /**
     * Why a URL did not parse, for the person who typed it: "illegal character in query (a space, character 31)"
     * rather than the parser's "Illegal character in query at index 30: …", which counts from 0 and repeats the URL.
     */
    private static String unparsable(URISyntaxException e) {
        String reason = e.getReason().isEmpty() ? "it cannot be parsed"
                : Character.toLowerCase(e.getReason().charAt(0)) + e.getReason().substring(1);
        int at = e.getIndex();
        if (at < 0 || at >= e.getInput().length()) {
            return reason;
        }
        char c = e.getInput().charAt(at);
        String shown = Character.isWhitespace(c) ? "a space" : Character.isISOControl(c) ? "a control character"
                : "'" + c + "'";
        return reason + " (" + shown + ", character " + (at + 1) + ")"
                + (reason.startsWith("illegal character") ? "; percent-encode it, e.g. a space as %20" : "");
    }

    /** Every address of the host, or a refusal when any of them is on a denied network. */
    public List<InetAddress> addresses(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> found = literal(bare).map(List::of).orElseGet(() -> lookUp(bare));
        for (InetAddress a : found) {
            if (!policy.permits(a)) {
                throw new DeniedDestination("resolves to " + a.getHostAddress()
                        + ", which is on a private or reserved network (an admin can allow it with --allow-cidr)");
            }
        }
        return found;
    }

    private static Optional<InetAddress> literal(String host) {
        Optional<InetAddress> v4 = AddressPolicy.numericIpv4(host);
        if (v4.isPresent() || !host.contains(":")) {
            return v4;
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            throw new DeniedDestination("is not a valid IPv6 address: " + host);
        }
    }

    private List<InetAddress> lookUp(String host) {
        try {
            List<InetAddress> found = resolver.resolve(host);
            if (found.isEmpty()) {
                throw new DeniedDestination("does not resolve: " + host);
            }
            return found;
        } catch (HostResolver.NoAnswer e) {
            throw new DeniedDestination("does not resolve: " + e.getMessage());
        } catch (UnknownHostException e) {
            throw new DeniedDestination("does not resolve: " + host);
        }
    }
}
