/**
 * Admission control: per-tenant intake quotas (429) and backlog limits per job type (503),
 * both with a {@code Retry-After}.
 */
@NullMarked
package dev.hopper.api.admission;

import org.jspecify.annotations.NullMarked;
