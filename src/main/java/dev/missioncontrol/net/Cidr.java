package dev.missioncontrol.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
public record Cidr(byte[] network, int prefix) {

    /** Parses {@code address/prefix}; a bare address is a block of one. Only literals, never a DNS name. */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (!literal(address)) {
            throw new IllegalArgumentException(notABlock(text));
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + text + " (at most /" + bytes.length * 8
                        + " for this address)");
            }
            return new Cidr(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException(notABlock(text), e);
        }
    }

    private static String notABlock(String text) {
        return "not an address block: " + text + " (use e.g. 10.0.0.0/8 or fc00::/7)";
    }

    /**
     * Four dotted numbers or an IPv6 literal. {@link InetAddress#getByName} looks up anything else in DNS, a name of
     * hex letters only ({@code cafe}) would pass for an IPv6 address without its colons, and it reads a shortened
     * IPv4 address the old way: {@code 172.16/12} would become 172.0.0.16/12, trusting or allowing another block.
     */
    private static boolean literal(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int shift = bytes.length * 8 - prefix;
        BigInteger mine = new BigInteger(1, network).shiftRight(shift);
        return new BigInteger(1, bytes).shiftRight(shift).equals(mine);
    }
}
