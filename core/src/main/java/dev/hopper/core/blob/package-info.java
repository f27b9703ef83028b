/** The {@link dev.hopper.core.blob.BlobStore} port: uploaded files and artifacts in object storage. */
@NullMarked
package dev.hopper.core.blob;

import org.jspecify.annotations.NullMarked;
