package dev.hopper.api.webhook;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The special-purpose address blocks of the IANA IPv4 and IPv6 registries (RFC 6890 and
 * its updates), and the multicast and reserved space: a webhook may go to none of them.
 * An IPv6 address that carries an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by
 * the IPv4 address inside it as well.
 */
final class AddressRanges {

	private static final List<Block> SPECIAL = List.of(
			// IPv4
			block("0.0.0.0/8", "this network"), block("10.0.0.0/8", "private"), block("100.64.0.0/10", "shared (CGN)"),
			block("127.0.0.0/8", "loopback"), block("169.254.0.0/16", "link-local"), block("172.16.0.0/12", "private"),
			block("192.0.0.0/24", "IETF protocol assignments"), block("192.0.2.0/24", "documentation"),
			block("192.31.196.0/24", "AS112"), block("192.52.193.0/24", "AMT"), block("192.88.99.0/24", "6to4 relay"),
			block("192.168.0.0/16", "private"), block("192.175.48.0/24", "AS112"),
			block("198.18.0.0/15", "benchmarking"), block("198.51.100.0/24", "documentation"),
			block("203.0.113.0/24", "documentation"), block("224.0.0.0/4", "multicast"),
			block("240.0.0.0/4", "reserved"),
			// IPv6
			block("::/128", "unspecified"), block("::1/128", "loopback"), block("::/96", "IPv4-compatible"),
			block("::ffff:0:0/96", "IPv4-mapped"), block("64:ff9b::/96", "NAT64"),
			block("64:ff9b:1::/48", "local-use NAT64"), block("100::/64", "discard-only"),
			block("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
			block("2001:db8::/32", "documentation"), block("2002::/16", "6to4"), block("3fff::/20", "documentation"),
			block("5f00::/16", "segment routing"), block("fc00::/7", "unique-local"), block("fe80::/10", "link-local"),
			block("fec0::/10", "site-local"), block("ff00::/8", "multicast"));

	private AddressRanges() {
	}

	/** What special-purpose block {@code address} is in, if any. */
	static Optional<String> specialPurpose(InetAddress address) {
		for (Block block : SPECIAL) {
			if (block.contains(address)) {
				return Optional.of(block.name() + " " + block.cidr());
			}
		}
		return embeddedIpv4(address).flatMap(AddressRanges::specialPurpose);
	}

	/** The IPv4 address an IPv6 address carries by a standard translation, if it does. */
	private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return Optional.empty();
		}
		byte[] bytes = address.getAddress();
		boolean mappedOrNat64 = inBlock(bytes, "::ffff:0:0/96") || inBlock(bytes, "64:ff9b::/96")
				|| inBlock(bytes, "::/96");
		try {
			if (mappedOrNat64) {
				return Optional.of(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
			}
			if (inBlock(bytes, "2002::/16")) {
				return Optional.of(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 2, 6)));
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
		return Optional.empty();
	}

	private static boolean inBlock(byte[] bytes, String cidr) {
		return block(cidr, "").contains(bytes);
	}

	private static Block block(String cidr, String name) {
		String[] parts = cidr.split("/");
		try {
			byte[] network = InetAddress.getByName(parts[0]).getAddress();
			if (parts[0].contains(":") && network.length == 4) {
				// Java reads an IPv4-mapped literal as IPv4: the block is the IPv6 form
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xff;
				mapped[11] = (byte) 0xff;
				System.arraycopy(network, 0, mapped, 12, 4);
				network = mapped;
			}
			return new Block(cidr, name, network, Integer.parseInt(parts[1]));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(cidr, ex);
		}
	}

	/** One CIDR block; IPv4 and IPv6 blocks only hold addresses of their own family. */
	private record Block(String cidr, String name, byte[] network, int prefix) {

		boolean contains(InetAddress address) {
			return contains(address.getAddress());
		}

		boolean contains(byte[] bytes) {
			if (bytes.length != this.network.length) {
				return false;
			}
			int bits = bytes.length * 8;
			BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
				.shiftRight(this.prefix)
				.xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
			return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, this.network).and(mask));
		}

	}

}
