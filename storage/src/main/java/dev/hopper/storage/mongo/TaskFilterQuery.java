package dev.hopper.storage.mongo;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.TaskFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Criteria;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A {@link TaskFilter} as a MongoDB criteria. Time bounds become bounds on the id, which
 * grows with time, so every list runs on the indexes that end in {@code _id}.
 */
final class TaskFilterQuery {

	private TaskFilterQuery() {
	}

	static Criteria of(TaskFilter filter, @Nullable String beforeId) {
		Criteria criteria = new Criteria();
		if (filter.tenantId() != null) {
			criteria = criteria.and("tenantId").is(filter.tenantId());
		}
		if (!filter.states().isEmpty()) {
			criteria = criteria.and("state").in(filter.states());
		}
		if (filter.type() != null) {
			criteria = criteria.and("type").is(filter.type());
		}
		if (filter.batchId() != null) {
			criteria = criteria.and("batchId").is(filter.batchId());
		}
		if (filter.sha256() != null) {
			criteria = criteria.and("upload.sha256").is(filter.sha256());
		}
		if (filter.errorCode() != null) {
			criteria = criteria.and("error.code").is(filter.errorCode());
		}
		if (filter.minAttempts() != null) {
			criteria = criteria.and("attempts").gte(filter.minAttempts());
		}
		Criteria id = null;
		if (filter.createdAfter() != null) {
			id = where("_id").gte(TimeOrderedId.floor(filter.createdAfter()));
		}
		String upper = upperBound(filter, beforeId);
		if (upper != null) {
			id = (id != null) ? id.lt(upper) : where("_id").lt(upper);
		}
		return (id != null) ? new Criteria().andOperator(criteria, id) : criteria;
	}

	/** The smaller of the page's start and the time bound: ids below it are listed. */
	private static @Nullable String upperBound(TaskFilter filter, @Nullable String beforeId) {
		String before = (filter.createdBefore() != null) ? TimeOrderedId.floor(filter.createdBefore()) : null;
		if (before == null) {
			return beforeId;
		}
		return (beforeId == null || before.compareTo(beforeId) < 0) ? before : beforeId;
	}

}
