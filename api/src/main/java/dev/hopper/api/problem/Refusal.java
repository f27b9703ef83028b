package dev.hopper.api.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an operation answers with: its status and the stable codes it carries. The
 * OpenAPI document lists each under the operation's responses ({@code docs.ProblemResponses}),
 * so a client generator knows every refusal it must handle.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Refusal.List.class)
public @interface Refusal {

	int status();

	String[] codes();

	/** Several refusals of one operation. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface List {

		Refusal[] value();

	}

}
