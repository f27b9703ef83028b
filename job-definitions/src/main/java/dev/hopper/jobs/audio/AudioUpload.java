package dev.hopper.jobs.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskStore;
import dev.hopper.jobs.audio.engine.WavHeader;
import dev.hopper.jobs.audio.engine.WavHeaderReader;

/** A task's uploaded audio file: where it is stored and what its header says. */
record AudioUpload(Task task, WavHeader header) {

	static AudioUpload of(String taskId, TaskStore tasks, BlobStore blobs) {
		Task task = tasks.find(taskId)
			.orElseThrow(() -> new PermanentFailure("unknown_task", "Task " + taskId + " does not exist"));
		try (InputStream head = blobs.open(task.upload().blobKey(), 0)) {
			return new AudioUpload(task, WavHeaderReader.read(head, task.upload().sizeBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String blobKey() {
		return this.task.upload().blobKey();
	}

}
