/** What an uploaded file is, judged by its bytes, never by its name. */
@NullMarked
package dev.hopper.core.content;

import org.jspecify.annotations.NullMarked;
