package dev.missioncontrol.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the server may call out to. Admin-configured URLs (webhooks, Prometheus) must not let a caller reach
 * the server's own network: private, loopback, link-local, unique-local, site-local, multicast, this-network and
 * carrier-grade NAT blocks are denied unless an admin allows a block explicitly. So are the IPv6 transition blocks a
 * gateway may turn into an internal IPv4 address without showing which (Teredo, local-use NAT64); the ones that show
 * it (6to4, NAT64, SIIT) are judged by the IPv4 address inside.
 */
public final class AddressPolicy {
    static final List<Cidr> DENIED = Arrays.stream(new String[] {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "fe80::/10", "fec0::/10", "fc00::/7", "ff00::/8", "100::/64", "2001::/32",
        "64:ff9b:1::/48"}).map(Cidr::parse).toList();

    private final List<Cidr> allowed;

    public AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public static AddressPolicy allowing(List<String> cidrs) {
        return new AddressPolicy(cidrs.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList());
    }

    /**
     * Whether a connection to this address is allowed. IPv6 forms that embed an IPv4 address are judged as both, so
     * ::ffff:127.0.0.1 is loopback, and an allowed block matches either form.
     */
    public boolean permits(InetAddress address) {
        List<InetAddress> forms = embeddedIpv4(address).map(v4 -> List.of(address, v4)).orElse(List.of(address));
        if (forms.stream().anyMatch(a -> allowed.stream().anyMatch(c -> c.contains(a)))) {
            return true;
        }
        return forms.stream().noneMatch(a -> DENIED.stream().anyMatch(c -> c.contains(a)));
    }

    /**
     * Reads a host written as an IPv4 number the way inet_aton does ({@code 2130706433}, {@code 0x7f000001},
     * {@code 0177.0.0.1}), so such spellings of 127.0.0.1 are judged as the address they are and never sent to DNS.
     */
    public static Optional<InetAddress> numericIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4 || !host.matches("(0[xX][0-9a-fA-F]+|[0-9]+)(\\.(0[xX][0-9a-fA-F]+|[0-9]+))*")) {
            return Optional.empty();
        }
        try {
            long[] n = Arrays.stream(parts).mapToLong(AddressPolicy::number).toArray();
            long value = 0;
            for (int i = 0; i < n.length - 1; i++) {
                if (n[i] > 255) {
                    return Optional.empty();
                }
                value = (value << 8) | n[i];
            }
            int tailBits = 8 * (4 - (n.length - 1));
            if (n[n.length - 1] >= (1L << tailBits)) {
                return Optional.empty();
            }
            value = (value << tailBits) | n[n.length - 1];
            byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
            return Optional.of(InetAddress.getByAddress(b));
        } catch (NumberFormatException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static long number(String part) {
        if (part.startsWith("0x") || part.startsWith("0X")) {
            return Long.parseLong(part.substring(2), 16);
        }
        return part.length() > 1 && part.startsWith("0") ? Long.parseLong(part, 8) : Long.parseLong(part);
    }

    /**
     * IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (SIIT, ::ffff:0:a.b.c.d), IPv4-compatible and NAT64
     * (64:ff9b::/96) addresses carry an IPv4 address in their last four bytes, 6to4 (2002::/16) in the two groups
     * after its prefix.
     */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int at = lastFourBytesCarryIpv4(b) ? 12 : (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02 ? 2 : -1;
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean lastFourBytesCarryIpv4(byte[] b) {
        boolean ffff = (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff;
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean translated = allZero(b, 0, 8) && ffff && allZero(b, 10, 12);
        boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 16);
        boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        return mapped || translated || compatible || nat64;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
