package dev.hopper.jobs.maps;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Images as PNG bytes: overlays for storage, plans shown to a model. */
public final class Png {

	private Png() {
	}

	public static byte[] encode(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			// an in-memory stream does not fail
			throw new UncheckedIOException(ex);
		}
	}

}
