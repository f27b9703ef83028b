package dev.hopper.api.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision alone, on address literals: nothing here opens a connection or asks DNS. */
class AddressRangesTests {

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "10.1.2.3", "100.64.0.1", "100.127.255.254", "127.0.0.1", "169.254.169.254",
			"172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.88.99.1", "192.168.1.1", "198.18.0.1",
			"198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.251", "239.255.255.250", "240.0.0.1",
			"255.255.255.255", "::", "::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a00:1", "64:ff9b:1::1",
			"100::1", "2001::1", "2001:2::1", "2001:db8::1", "2002:0a00:0001::1", "3fff::1", "fc00::1", "fd00::1",
			"fe80::1", "fec0::1", "ff02::1" })
	void specialPurposeAddressesAreRefused(String literal) throws Exception {
		assertThat(AddressRanges.specialPurpose(InetAddress.getByName(literal))).as(literal).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
			"192.0.1.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.255", "2606:4700::1111",
			"2a00:1450:4001::1", "2400:cb00::1" })
	void publicAddressesAreAllowed(String literal) throws Exception {
		assertThat(AddressRanges.specialPurpose(InetAddress.getByName(literal))).as(literal).isEmpty();
	}

	@Test
	void anIpv6AddressCarryingAPrivateIpv4OneIsJudgedByIt() throws Exception {
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		mapped[12] = 10;
		mapped[15] = 1;
		assertThat(AddressRanges.specialPurpose(Inet6Address.getByAddress(null, mapped, -1))).isPresent();
	}

}
