package dev.hopper.standalone;

import java.util.HashMap;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The scenarios against the real servers of a distributed deployment: a MongoDB replica
 * set, RabbitMQ, Redis and MinIO. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndIntegrationTests extends EndToEndScenarios {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0").withReplicaSet();

	@Container
	static final RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:4.1-management");

	@Container
	static final GenericContainer<?> redis = new GenericContainer<>("redis:7.4-alpine").withExposedPorts(6379);

	@Container
	// Docker Hub stopped serving minio/minio anonymously (September 2026); the same tags are on quay.io
	static final MinIOContainer minio = new MinIOContainer(org.testcontainers.utility.DockerImageName
		.parse("quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z")
		.asCompatibleSubstituteFor("minio/minio"));

	@Override
	protected Map<String, Object> infrastructure() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.mongodb.uri", mongo.getReplicaSetUrl("hopper"));
		properties.put("spring.rabbitmq.host", rabbit.getHost());
		properties.put("spring.rabbitmq.port", rabbit.getAmqpPort());
		properties.put("spring.rabbitmq.username", rabbit.getAdminUsername());
		properties.put("spring.rabbitmq.password", rabbit.getAdminPassword());
		properties.put("hopper.amqp.rabbit-queue-arguments", true);
		properties.put("hopper.redis.address", "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
		properties.put("hopper.storage.s3.endpoint", minio.getS3URL());
		properties.put("hopper.storage.s3.access-key", minio.getUserName());
		properties.put("hopper.storage.s3.secret-key", minio.getPassword());
		return properties;
	}

	@Override
	protected void stopInfrastructure() {
		// the Testcontainers extension stops the containers
	}

}
