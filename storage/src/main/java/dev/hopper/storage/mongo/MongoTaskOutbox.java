package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskOutbox;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.WebhookOutbox;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The task documents as outboxes: messages not yet published ({@link TaskOutbox}) and
 * webhooks owed ({@link WebhookOutbox}).
 */
class MongoTaskOutbox implements TaskOutbox, WebhookOutbox {

	private final MongoOperations mongo;

	private final Clock clock;

	MongoTaskOutbox(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public Optional<Task> claimDueWebhook(Instant now, Instant leaseUntil, int maxAttempts) {
		Query due = query(where("state").in(TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED)
			.and("webhook")
			.ne(null)
			.and("webhook.deliveredAt")
			.is(null)
			.and("webhook.refusedAt")
			.is(null)
			.and("webhook.attempts")
			.lt(maxAttempts)
			.orOperator(where("webhook.nextAt").is(null), where("webhook.nextAt").lte(now)));
		Update lease = new Update().set("webhook.nextAt", leaseUntil).inc("webhook.attempts", 1);
		return Optional.ofNullable(this.mongo.findAndModify(due, lease, FindAndModifyOptions.options().returnNew(true),
				Task.class, TaskCollection.NAME));
	}

	@Override
	public void webhookDelivered(String id, Instant at) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("webhook.deliveredAt", at).unset("webhook.lastError"), TaskCollection.NAME);
	}

	@Override
	public void webhookFailed(String id, String error, Instant nextAt) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("webhook.lastError", error).set("webhook.nextAt", nextAt), TaskCollection.NAME);
	}

	@Override
	public void webhookRefused(String id, String why, Instant at) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("webhook.lastError", why).set("webhook.refusedAt", at).unset("webhook.nextAt"),
				TaskCollection.NAME);
	}

	@Override
	public void markPublished(String id) {
		this.mongo.updateFirst(query(where("_id").is(id)), published(), TaskCollection.NAME);
	}

	@Override
	public void markPublished(Collection<String> ids) {
		if (!ids.isEmpty()) {
			this.mongo.updateMulti(query(where("_id").in(ids)), published(), TaskCollection.NAME);
		}
	}

	private Update published() {
		return new Update().set("published", true).set("publishedAt", this.clock.instant()).unset("retryAt");
	}

	@Override
	public List<Task> findUnpublished(Duration age, int limit) {
		Instant now = this.clock.instant();
		Criteria due = where("published").is(false)
			.and("createdAt")
			.lte(now.minus(age))
			.orOperator(where("retryAt").is(null), where("retryAt").lte(now));
		return this.mongo.find(query(due).with(Sort.by("createdAt")).limit(limit), Task.class, TaskCollection.NAME);
	}

}
