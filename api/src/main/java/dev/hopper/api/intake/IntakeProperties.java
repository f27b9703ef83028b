package dev.hopper.api.intake;

import java.util.List;

import dev.hopper.core.task.JobType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Intake settings.
 *
 * @param maxFileSize largest upload accepted, whether or not the request declares its length
 * @param acceptedTypes job types this deployment accepts; others answer 422; unset, every registered type
 * @param maxBatchFiles most files one batch takes; more are refused with the batch
 * @param maxImagePixels largest image (width × height, as its header declares) accepted;
 * bigger ones are refused before they are stored
 */
@ConfigurationProperties("hopper.intake")
public record IntakeProperties(DataSize maxFileSize, @Nullable List<JobType> acceptedTypes, int maxBatchFiles,
		long maxImagePixels) {

	public IntakeProperties {
		maxFileSize = (maxFileSize != null) ? maxFileSize : DataSize.ofGigabytes(2);
		maxBatchFiles = (maxBatchFiles > 0) ? maxBatchFiles : 10_000;
		maxImagePixels = (maxImagePixels > 0) ? maxImagePixels : 50_000_000L;
	}

}
