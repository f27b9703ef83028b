package dev.hopper.api.problem;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps hostile paths inside the application, where they get a problem response; Tomcat's own refusals too. */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

	/**
	 * Tomcat refuses an encoded slash with an HTML page before Spring sees the request;
	 * passed through, it reaches routing and is answered in the one error format (no path
	 * in Hopper takes a slash inside a segment, so nothing new becomes reachable).
	 */
	@Bean
	TomcatConnectorCustomizer encodedSlashesReachTheApplication() {
		return (connector) -> {
			connector.setEncodedSolidusHandling("passthrough");
			connector.setEncodedReverseSolidusHandling("passthrough");
		};
	}

	/** What Tomcat still refuses on its own (an encoded NUL, say) is answered as a problem too. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

}
