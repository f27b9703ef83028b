package dev.hopper.api.intake;

import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.Upload;

/** An upload that is now in object storage. */
record ReceivedFile(String blobKey, String sha256, long sizeBytes, ContentKind kind, String fileName) {

	Upload toUpload() {
		return new Upload(this.blobKey, this.sha256, this.sizeBytes, this.kind, this.fileName);
	}

}
