/** Redis through Redisson: task leases. */
@NullMarked
package dev.hopper.storage.redis;

import org.jspecify.annotations.NullMarked;
