package dev.hopper.jobs.maps;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code map-parse} job.
 *
 * @param maxImagePixels largest image (width × height, as its header declares) decoded;
 * bigger ones fail their task before a pixel is allocated
 */
@ConfigurationProperties("hopper.jobs.maps")
public record MapJobProperties(long maxImagePixels) {

	public MapJobProperties {
		maxImagePixels = (maxImagePixels > 0) ? maxImagePixels : 50_000_000L;
	}

}
