package dev.missioncontrol.web;

import dev.missioncontrol.net.Cidr;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request came from, which the per-address limits count by (login attempts, requests without a key).
 * Behind a reverse proxy every request arrives from the proxy, so those limits would be shared by everyone and one
 * guesser could lock all logins. When the peer is one of the trusted proxies ({@code --trusted-proxies}), the address
 * is the nearest one in X-Forwarded-For that is not a trusted proxy itself. X-Forwarded-For from any other peer is
 * ignored: a client can write any address into it.
 */
public final class ClientAddress {
    private static final String ATTRIBUTE = "mc.client-address";
    private static final String VIA_PROXY = "mc.via-trusted-proxy";
    /** Literal addresses only: a name here must never go to DNS. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Cidr> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    /** A before-handler: settles the request's client address once. */
    public void resolve(Context ctx) {
        ctx.attribute(ATTRIBUTE, trusted.isEmpty() ? ctx.ip()
                : of(ctx.ip(), Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
        ctx.attribute(VIA_PROXY, !trusted.isEmpty() && isTrusted(ctx.ip()));
    }

    /**
     * Whether the request came straight from one of the trusted proxies, whose other X-Forwarded-* headers (the
     * browser's scheme and host) may then be believed too.
     */
    public static boolean viaTrustedProxy(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(VIA_PROXY));
    }

    /** The request's client address; the peer's when no handler resolved it. */
    public static String of(Context ctx) {
        String resolved = ctx.attribute(ATTRIBUTE);
        return resolved != null ? resolved : ctx.ip();
    }

    /**
     * What per-address limits count by: an IPv4 address, or the /64 network of an IPv6 address. One IPv6 subscriber
     * gets a whole /64 and may use any address in it, so counting single addresses would give one guesser billions
     * of fresh budgets.
     */
    public static String limitKey(Context ctx) {
        return limitKey(of(ctx));
    }

    static String limitKey(String address) {
        Optional<InetAddress> parsed = literal(address).flatMap(ClientAddress::parse);
        if (parsed.isEmpty() || parsed.get().getAddress().length != 16) {
            return address;
        }
        byte[] network = Arrays.copyOf(parsed.get().getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /**
     * Walks the chain from the peer back towards the client: each trusted proxy vouches for the address before it,
     * the first untrusted one is the client. A chain of trusted proxies only, or an entry that is no address, stops
     * the walk at the last address vouched for.
     */
    String of(String peer, List<String> forwardedFor) {
        List<String> chain = new ArrayList<>();
        forwardedFor.forEach(header -> chain.addAll(List.of(header.split(","))));
        String client = peer;
        for (int i = chain.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<String> previous = literal(chain.get(i));
            if (previous.isEmpty()) {
                break;
            }
            client = previous.get();
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return literal(address).flatMap(ClientAddress::parse)
                .map(a -> trusted.stream().anyMatch(c -> c.contains(a))).orElse(false);
    }

    /** The address in an X-Forwarded-For entry, without a port or brackets; empty when it is not an address. */
    static Optional<String> literal(String entry) {
        String s = entry.strip();
        if (s.startsWith("[") && s.indexOf(']') > 0) {
            s = s.substring(1, s.indexOf(']'));
        } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        return parse(s).isPresent() ? Optional.of(s) : Optional.empty();
    }

    private static Optional<InetAddress> parse(String s) {
        if (!IPV4.matcher(s).matches() && !(s.contains(":") && s.matches("[0-9a-fA-F:.%\\w]+"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s)); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
