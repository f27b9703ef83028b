/** Limits shared by every replica: rates per tenant (and, later, per model). */
@NullMarked
package dev.hopper.core.admission;

import org.jspecify.annotations.NullMarked;
