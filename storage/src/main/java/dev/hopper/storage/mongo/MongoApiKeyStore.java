package dev.hopper.storage.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeyStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** {@link ApiKeyStore} on MongoDB: the public id is {@code _id}, the hash has a unique index. */
class MongoApiKeyStore implements ApiKeyStore {

	static final String COLLECTION = "api_keys";

	private final MongoOperations mongo;

	MongoApiKeyStore(MongoOperations mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("hash", Sort.Direction.ASC).unique());
		mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC));
	}

	@Override
	public void insertIfAbsent(ApiKey key) {
		try {
			this.mongo.insert(key, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// issued before: a restart re-registering its configured key
		}
	}

	@Override
	public Optional<ApiKey> findByHash(String hash) {
		return Optional.ofNullable(this.mongo.findOne(query(where("hash").is(hash)), ApiKey.class, COLLECTION));
	}

	@Override
	public List<ApiKey> findByTenant(String tenantId) {
		return this.mongo.find(query(where("tenantId").is(tenantId)).with(Sort.by("createdAt")), ApiKey.class,
				COLLECTION);
	}

	@Override
	public boolean revoke(String id, Instant when) {
		return this.mongo
			.updateFirst(query(where("_id").is(id).and("revokedAt").is(null)), Update.update("revokedAt", when),
					COLLECTION)
			.getModifiedCount() == 1;
	}

}
