package dev.hopper.core.content;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSnifferTests {

	@Test
	void recognisesAudioContainers() {
		assertThat(detect(ascii("RIFF\0\0\0\0WAVEfmt "))).isEqualTo(ContentKind.WAV);
		assertThat(detect(ascii("fLaC\0\0\0\""))).isEqualTo(ContentKind.FLAC);
		assertThat(detect(ascii("OggS\0\2"))).isEqualTo(ContentKind.OGG);
		assertThat(detect(ascii("ID3\4\0"))).isEqualTo(ContentKind.MP3);
		assertThat(detect(new byte[] { (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64 })).isEqualTo(ContentKind.MP3);
	}

	@Test
	void recognisesImagesAndArchives() {
		assertThat(detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0 })).isEqualTo(ContentKind.PNG);
		assertThat(detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.isEqualTo(ContentKind.JPEG);
		assertThat(detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo(ContentKind.WEBP);
		assertThat(detect(new byte[] { 'P', 'K', 3, 4, 20 })).isEqualTo(ContentKind.ZIP);
		assertThat(detect(new byte[] { 0x1F, (byte) 0x8B, 8 })).isEqualTo(ContentKind.GZIP);
	}

	@Test
	void markupIsRecognisedEvenAfterWhitespaceOrByteOrderMark() {
		assertThat(detect(ascii("  \n<svg xmlns=\"http://www.w3.org/2000/svg\">"))).isEqualTo(ContentKind.MARKUP);
		assertThat(detect(ascii("\uFEFF<html>".replace("\uFEFF", "\u00EF\u00BB\u00BF"))))
			.isEqualTo(ContentKind.MARKUP);
	}

	@Test
	void shortOrUnknownBytesAreUnknown() {
		assertThat(detect(new byte[0])).isEqualTo(ContentKind.UNKNOWN);
		assertThat(detect(ascii("RIF"))).isEqualTo(ContentKind.UNKNOWN);
		assertThat(detect(ascii("RIFF\0\0\0\0AVI "))).isEqualTo(ContentKind.UNKNOWN);
		assertThat(detect(ascii("hello world"))).isEqualTo(ContentKind.UNKNOWN);
	}

	private static ContentKind detect(byte[] bytes) {
		return ContentSniffer.detect(bytes, bytes.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
