/** Spring Batch infrastructure: the MongoDB job repository and the job operator. */
@NullMarked
package dev.hopper.workers.batch;

import org.jspecify.annotations.NullMarked;
