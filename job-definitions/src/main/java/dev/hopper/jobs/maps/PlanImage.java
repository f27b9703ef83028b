package dev.hopper.jobs.maps;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import javax.imageio.ImageIO;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.content.ImageDimensions;
import dev.hopper.core.task.Task;

/**
 * A task's uploaded plan, decoded only after its header's size passed the limit. PNG and
 * JPEG decode through the JDK, WebP through the TwelveMonkeys ImageIO plugin.
 */
final class PlanImage {

	static final String IMAGE_TOO_LARGE = "image_too_large";

	static final String CORRUPT_IMAGE = "corrupt_image";

	private PlanImage() {
	}

	static BufferedImage load(Task task, BlobStore blobs, long maxPixels) {
		String key = task.upload().blobKey();
		Optional<ImageDimensions> declared;
		try (InputStream in = blobs.open(key, 0)) {
			declared = ImageDimensions.read(in);
		}
		catch (IOException ex) {
			throw new PermanentFailure(CORRUPT_IMAGE, "The image header cannot be read: " + ex.getMessage(), ex);
		}
		ImageDimensions size = declared
			.orElseThrow(() -> new PermanentFailure(CORRUPT_IMAGE, "The image declares no size in its header"));
		if (size.width() == 0 || size.height() == 0) {
			throw new PermanentFailure(CORRUPT_IMAGE, "The image declares no pixels");
		}
		if (size.pixels() > maxPixels) {
			throw new PermanentFailure(IMAGE_TOO_LARGE, "The image declares " + size.width() + " × " + size.height()
					+ " pixels; the limit is " + maxPixels + " pixels");
		}
		try (InputStream in = blobs.open(key, 0)) {
			BufferedImage image = ImageIO.read(in);
			if (image == null) {
				throw new PermanentFailure(CORRUPT_IMAGE, "The image cannot be decoded");
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PermanentFailure failure) {
				throw failure;
			}
			// the decoder's own words name its classes, not the file's fault
			throw new PermanentFailure(CORRUPT_IMAGE, "The image cannot be decoded: it is truncated or malformed", ex);
		}
	}

}
