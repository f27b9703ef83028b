package dev.hopper.api.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The console's guard on every page but the sign-in and its static files. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ConsoleGuard())
			.addPathPatterns("/console", "/console/**")
			.excludePathPatterns("/console/sign-in", "/console/static/**");
	}

}
