package dev.hopper.core.content;

/** What a file is, as told by its leading bytes. */
public enum ContentKind {

	WAV("audio/wav"),

	FLAC("audio/flac"),

	MP3("audio/mpeg"),

	OGG("audio/ogg"),

	PNG("image/png"),

	JPEG("image/jpeg"),

	WEBP("image/webp"),

	ZIP("application/zip"),

	GZIP("application/gzip"),

	PDF("application/pdf"),

	MARKUP("text/xml"),

	UNKNOWN("application/octet-stream");

	private final String mediaType;

	ContentKind(String mediaType) {
		this.mediaType = mediaType;
	}

	public String mediaType() {
		return this.mediaType;
	}

}
