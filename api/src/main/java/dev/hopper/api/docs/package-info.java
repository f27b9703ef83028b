/** The OpenAPI document and Swagger UI of the whole API. */
@NullMarked
package dev.hopper.api.docs;

import org.jspecify.annotations.NullMarked;
