package dev.hopper.api.admission;

import java.time.Clock;

import dev.hopper.core.admission.RateLimiter;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.TaskQueries;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The intake quota (after authentication) and the backlog guard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionConfiguration implements WebMvcConfigurer {

	private final RateLimiter limiter;

	private final AdmissionProperties properties;

	private final IntakeQuota quota;

	AdmissionConfiguration(RateLimiter limiter, AdmissionProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
		this.quota = new IntakeQuota(limiter, properties);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// after the API key interceptor, which names the tenant
		registry.addInterceptor(new IntakeQuotaInterceptor(this.quota))
			.addPathPatterns("/api/v1/**")
			.order(Ordered.LOWEST_PRECEDENCE);
	}

	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<JsonBodyLimit> jsonBodyLimit() {
		org.springframework.boot.web.servlet.FilterRegistrationBean<JsonBodyLimit> registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				new JsonBodyLimit());
		registration.addUrlPatterns("/api/*", "/admin/*");
		return registration;
	}

	@Bean
	IntakeQuota intakeQuota() {
		return this.quota;
	}

	@Bean
	ConnectionBudget connectionBudget(Clock clock) {
		return new ConnectionBudget(this.properties.maxWaitsPerTenant(), this.properties.maxWaits(), clock);
	}

	@Bean
	BacklogGuard backlogGuard(WorkQueue queue, TaskQueries tasks, Clock clock) {
		return new BacklogGuard(queue, tasks, this.properties, clock);
	}

}
