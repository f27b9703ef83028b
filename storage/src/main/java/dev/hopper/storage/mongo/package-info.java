/** MongoDB adapters: tasks and results, each change a single-document conditional update. */
@NullMarked
package dev.hopper.storage.mongo;

import org.jspecify.annotations.NullMarked;
