package dev.hopper.core.content;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Header sizes against files written by independent encoders: the JDK's ImageIO and libwebp. */
class ImageDimensionsTests {

	@Test
	void readsPngSizeFromTheFirstBytes() throws IOException {
		byte[] png = encode("png", 1234, 567);
		assertThat(ImageDimensions.fromHead(ContentKind.PNG, png, ContentSniffer.HEAD_LENGTH))
			.contains(new ImageDimensions(1234, 567));
		assertThat(ImageDimensions.read(new ByteArrayInputStream(png))).contains(new ImageDimensions(1234, 567));
	}

	@Test
	void aPngDeclaringTenGigapixelsIsSeenFromItsHeaderAlone() throws IOException {
		byte[] png = encode("png", 2, 2);
		// IHDR width and height, big-endian: 100,000 x 100,000
		byte[] bomb = Arrays.copyOf(png, png.length);
		writeU32(bomb, 16, 100_000);
		writeU32(bomb, 20, 100_000);
		Optional<ImageDimensions> declared = ImageDimensions.fromHead(ContentKind.PNG, bomb, 24);
		assertThat(declared).contains(new ImageDimensions(100_000, 100_000));
		assertThat(declared.get().pixels()).isEqualTo(10_000_000_000L);
	}

	@Test
	void readsJpegSizeFromItsFrameHeaderAfterLargeMetadata() throws IOException {
		byte[] jpeg = withComment(encode("jpg", 801, 333), 20_000);
		assertThat(ImageDimensions.fromHead(ContentKind.JPEG, jpeg, ContentSniffer.HEAD_LENGTH)).isEmpty();
		assertThat(ImageDimensions.read(new ByteArrayInputStream(jpeg))).contains(new ImageDimensions(801, 333));
	}

	@ParameterizedTest
	@ValueSource(strings = { "lossy-321x123.webp", "lossless-321x123.webp", "extended-321x123.webp" })
	void readsEachWebpFlavoursSize(String name) throws IOException {
		byte[] webp;
		try (InputStream in = getClass().getResourceAsStream("/images/" + name)) {
			webp = in.readAllBytes();
		}
		assertThat(ContentSniffer.detect(webp, webp.length)).isEqualTo(ContentKind.WEBP);
		assertThat(ImageDimensions.fromHead(ContentKind.WEBP, webp, ContentSniffer.HEAD_LENGTH))
			.contains(new ImageDimensions(321, 123));
	}

	@Test
	void truncatedOrForeignBytesDeclareNothing() throws IOException {
		byte[] jpeg = encode("jpg", 50, 40);
		assertThat(ImageDimensions.read(new ByteArrayInputStream(Arrays.copyOf(jpeg, 10)))).isEmpty();
		assertThat(ImageDimensions.read(new ByteArrayInputStream("<svg width='9'/>".getBytes()))).isEmpty();
		assertThat(ImageDimensions.read(new ByteArrayInputStream(new byte[0]))).isEmpty();
	}

	private static byte[] encode(String format, int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

	/** The JPEG again with a COM segment of {@code size} bytes before its frame header. */
	private static byte[] withComment(byte[] jpeg, int size) {
		byte[] comment = new byte[size + 4];
		comment[0] = (byte) 0xFF;
		comment[1] = (byte) 0xFE;
		comment[2] = (byte) ((size + 2) >> 8);
		comment[3] = (byte) (size + 2);
		Arrays.fill(comment, 4, comment.length, (byte) 'x');
		byte[] result = new byte[jpeg.length + comment.length];
		System.arraycopy(jpeg, 0, result, 0, 2);
		System.arraycopy(comment, 0, result, 2, comment.length);
		System.arraycopy(jpeg, 2, result, 2 + comment.length, jpeg.length - 2);
		return result;
	}

	private static void writeU32(byte[] bytes, int offset, long value) {
		for (int i = 0; i < 4; i++) {
			bytes[offset + i] = (byte) (value >> (24 - 8 * i));
		}
	}

}
