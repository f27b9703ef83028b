package dev.hopper.api.docs;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The multipart forms of the upload endpoints, as documentation: the controllers read the
 * body as a stream themselves, so springdoc cannot see these fields on its own.
 */
public final class UploadForms {

	private UploadForms() {
	}

	/**
	 * @param type the job to run
	 * @param params its parameters, a JSON object
	 * @param file the file
	 */
	@Schema(description = "One file and the job to run on it")
	public record TaskUpload(@Schema(description = "a registered job type") String type,
			@Schema(description = "a JSON object", example = "{}") @Nullable String params,
			@Schema(type = "string", format = "binary") String file) {
	}

	/**
	 * @param type the job every file runs; before the files
	 * @param params parameters for every file, a JSON object; before the files
	 * @param files the files, any number
	 */
	@Schema(description = "Many files of one job type; type and params come before the files")
	public record BatchUpload(@Schema(description = "a registered job type") String type,
			@Schema(description = "a JSON object", example = "{}") @Nullable String params,
			@ArraySchema(schema = @Schema(type = "string", format = "binary")) List<String> files) {
	}

}
