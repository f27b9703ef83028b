package dev.hopper.storage.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.core.worker.WorkerStatus;
import org.redisson.api.RMapCache;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link WorkerRegistry} on Redis: one map per deployment, worker id to its latest status as
 * JSON, each entry with its own time to live, so a worker that stops beating goes by itself.
 */
class RedisWorkerRegistry implements WorkerRegistry {

	private static final Logger logger = LoggerFactory.getLogger(RedisWorkerRegistry.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RMapCache<String, String> workers;

	RedisWorkerRegistry(RedissonClient redisson, String namespace) {
		this.workers = redisson.getMapCache("hopper:workers:" + namespace, StringCodec.INSTANCE);
	}

	@Override
	public void beat(WorkerStatus status, Duration keep) {
		this.workers.fastPut(status.id(), JSON.writeValueAsString(status), keep.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public List<WorkerStatus> all() {
		List<WorkerStatus> all = new ArrayList<>();
		for (String json : this.workers.readAllValues()) {
			try {
				all.add(JSON.readValue(json, WorkerStatus.class));
			}
			catch (JacksonException ex) {
				// written by another version: left out rather than failing the whole list
				logger.debug("Skipping a worker status that does not read: {}", ex.getMessage());
			}
		}
		return all;
	}

	@Override
	public void leave(String workerId) {
		this.workers.fastRemove(workerId);
	}

}
