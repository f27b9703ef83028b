/** RabbitMQ (AMQP 0-9-1): the topology, and publishing with confirms. */
@NullMarked
package dev.hopper.storage.amqp;

import org.jspecify.annotations.NullMarked;
