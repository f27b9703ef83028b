/** Embedded servers for standalone mode and tests: MongoDB wire server, AMQP broker, S3, Redis. */
@NullMarked
package dev.hopper.storage.embedded;

import org.jspecify.annotations.NullMarked;
