/**
 * Who is calling: API keys map each {@code /api/v1} request to its tenant, and an admin
 * key guards the operator endpoints.
 */
@NullMarked
package dev.hopper.api.auth;

import org.jspecify.annotations.NullMarked;
