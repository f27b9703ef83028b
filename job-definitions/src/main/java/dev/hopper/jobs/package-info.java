/** The Spring Batch jobs, one package per job type, and the engines they drive. */
@NullMarked
package dev.hopper.jobs;

import org.jspecify.annotations.NullMarked;
