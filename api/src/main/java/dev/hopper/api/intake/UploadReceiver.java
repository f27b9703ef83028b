package dev.hopper.api.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.HopperFailure;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.content.ContentSniffer;
import dev.hopper.core.content.ImageDimensions;
import dev.hopper.core.task.JobType;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Streams one uploaded file to object storage while hashing and counting it. The leading
 * bytes are inspected before anything is stored, so an empty file or a file of the wrong
 * kind never reaches storage.
 */
class UploadReceiver {

	private final BlobStore blobs;

	private final long maxFileSize;

	private final long maxImagePixels;

	private final IntakeChecks checks;

	UploadReceiver(BlobStore blobs, long maxFileSize, long maxImagePixels, IntakeChecks checks) {
		this.blobs = blobs;
		this.checks = checks;
		this.maxFileSize = maxFileSize;
		this.maxImagePixels = maxImagePixels;
	}

	/**
	 * @param expectedType the job type when the request named it before the file, else {@code null}
	 */
	ReceivedFile receive(String key, InputStream content, @Nullable String clientName, @Nullable JobType expectedType)
			throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(content, 64 * 1024);
		byte[] head = new byte[ContentSniffer.HEAD_LENGTH];
		buffered.mark(head.length);
		int headLength = buffered.readNBytes(head, 0, head.length);
		buffered.reset();
		if (headLength == 0) {
			throw ApiProblem.badRequest("empty_file", "The uploaded file is empty");
		}
		ContentKind kind = ContentSniffer.detect(head, headLength);
		if (expectedType != null) {
			this.checks.checkKind(expectedType, kind);
		}
		// a pixel bomb is refused on its header's word; JPEG declares its size too far in,
		// so the worker checks those before decoding
		ImageDimensions.fromHead(kind, head, headLength).ifPresent(this::checkPixels);
		MessageDigest sha256 = sha256();
		LimitedInputStream limited = new LimitedInputStream(buffered, this.maxFileSize);
		try {
			this.blobs.put(key, new DigestInputStream(limited, sha256), kind.mediaType());
		}
		catch (HopperFailure | UncheckedIOException ex) {
			throw limited.exceeded() ? tooLarge(key) : ex;
		}
		if (limited.exceeded()) {
			throw tooLarge(key);
		}
		return new ReceivedFile(key, HexFormat.of().formatHex(sha256.digest()), limited.count(), kind,
				FileNames.sanitise(clientName));
	}

	private void checkPixels(ImageDimensions declared) {
		if (declared.width() == 0 || declared.height() == 0) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "corrupt_image", "The image declares no pixels");
		}
		if (declared.pixels() > this.maxImagePixels) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "image_too_large",
					"The image declares " + declared.width() + " × " + declared.height() + " pixels; the limit is "
							+ this.maxImagePixels + " pixels");
		}
	}

	/** The storage client stopped at the limit; whatever it wrote goes. */
	private ApiProblem tooLarge(String key) {
		deleteQuietly(key);
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "file_too_large",
				"The file exceeds the limit of " + this.maxFileSize + " bytes");
	}

	void discard(String key) {
		deleteQuietly(key);
	}

	private void deleteQuietly(String key) {
		try {
			this.blobs.delete(key);
		}
		catch (RuntimeException ignored) {
			// nothing references the object; an orphan costs only space
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
