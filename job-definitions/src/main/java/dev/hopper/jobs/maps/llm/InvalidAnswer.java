package dev.hopper.jobs.maps.llm;

/** The model answered, but not with JSON that follows the schema it was given. */
class InvalidAnswer extends RuntimeException {

	InvalidAnswer(String message, Throwable cause) {
		super(message, cause);
	}

}
