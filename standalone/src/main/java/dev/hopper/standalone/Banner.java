package dev.hopper.standalone;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What a person needs after start: where Hopper listens and a request to paste. */
final class Banner {

	private Banner() {
	}

	static void print(ConfigurableApplicationContext context, DevelopmentKeys keys) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String base = "http://127.0.0.1:" + port;
		System.out.println("""

				Hopper is running at %1$s  (Ctrl-C stops it; data is kept under ./data)

				  Development API key, tenant 'development' (also in data/development-api-key):
				    %2$s
				  The admin key for /admin/v1 is in data/admin-api-key.

				  Console:            %1$s/console  (sign in with either key)

				  Submit the sample:  curl -si -H "X-API-Key: %2$s" -F file=@samples/sine-440hz-0.5.wav -F type=audio-features %1$s/api/v1/tasks
				  Poll the task:      curl -s -H "X-API-Key: %2$s" %1$s/api/v1/tasks/<id>
				  Fetch its result:   curl -s -H "X-API-Key: %2$s" %1$s/api/v1/tasks/<id>/result
				  Health and metrics: %1$s/actuator/health  %1$s/actuator/prometheus
				""".formatted(base, keys.apiKey()));
	}

}
