package dev.hopper.api.status;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.BatchStore;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** A tenant's batches: another tenant's is answered as one that does not exist. */
@Component
public class TenantBatches {

	private final BatchStore batches;

	TenantBatches(BatchStore batches) {
		this.batches = batches;
	}

	public Batch find(Tenant tenant, String id) {
		if (!TimeOrderedId.isWellFormed(id)) {
			throw ApiProblem.notFound("batch_not_found", "No batch " + id.replaceAll("\\p{Cntrl}", "?"));
		}
		return this.batches.find(id)
			.filter((batch) -> tenant.owns(batch.tenantId()))
			.orElseThrow(() -> ApiProblem.notFound("batch_not_found", "No batch " + id));
	}

	/** The tenant's batch that a file may still join: one opened empty and not closed since. */
	public Batch findOpen(Tenant tenant, String id) {
		Batch batch = find(tenant, id);
		if (batch.complete()) {
			throw new ApiProblem(HttpStatus.CONFLICT, "batch_closed",
					"Batch " + id + " is closed: no more files join it");
		}
		return batch;
	}

}
