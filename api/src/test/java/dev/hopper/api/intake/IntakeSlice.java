package dev.hopper.api.intake;

import dev.hopper.api.status.TenantBatches;
import dev.hopper.core.task.BatchStore;
import java.io.InputStream;
import java.io.OutputStream;

import dev.hopper.api.ApiSlice;
import dev.hopper.api.webhook.WebhookTargets;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.intake.IdempotencyStore;
import dev.hopper.core.queue.TaskPublisher;
import dev.hopper.core.task.TaskLifecycle;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;

/** The intake controllers' slice: intake's own parts for real, what they store into as test doubles. */
@Import({ IntakeConfiguration.class, TenantBatches.class })
abstract class IntakeSlice extends ApiSlice {

	@MockitoBean
	protected BlobStore blobs;

	@MockitoBean
	protected BatchStore batches;

	@MockitoBean
	protected TaskLifecycle lifecycle;

	@MockitoBean
	protected TaskPublisher publisher;

	@MockitoBean
	protected IdempotencyStore idempotency;

	@MockitoBean
	protected WebhookTargets webhooks;

	/** Object storage reads the stream it is given, so intake hashes and counts the whole file. */
	@BeforeEach
	void storageReadsWhatItIsGiven() {
		willAnswer((call) -> call.getArgument(1, InputStream.class).transferTo(OutputStream.nullOutputStream()))
			.given(this.blobs).put(anyString(), any(), anyString());
	}

}
