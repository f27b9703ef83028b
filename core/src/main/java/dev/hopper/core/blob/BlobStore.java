package dev.hopper.core.blob;

import java.io.InputStream;

/** Port for blobs in object storage. Keys come from {@link BlobKeys}, never from clients. */
public interface BlobStore {

	/** Streams {@code content} to {@code key} without holding it whole in memory. */
	void put(String key, InputStream content, String mediaType);

	/** Reads {@code key} from byte {@code offset} to its end; at or past the end, nothing. */
	InputStream open(String key, long offset);

	boolean exists(String key);

	void delete(String key);

}
