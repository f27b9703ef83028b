package dev.hopper.api.auth;

import java.time.Clock;
import java.util.List;

import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Keys on {@code /api/v1/**}, the admin key on {@code /admin/v1/**}, and the development key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AuthConfiguration implements WebMvcConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(AuthConfiguration.class);

	private final ApiKeyStore keys;

	private final AuthProperties properties;

	private final RecentKeys recentKeys;

	private final AdminKey adminKey;

	AuthConfiguration(ApiKeyStore keys, AuthProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.recentKeys = new RecentKeys(keys, clock);
		this.adminKey = new AdminKey(properties.adminKey());
	}

	@Bean
	AdminKey adminKey() {
		return this.adminKey;
	}

	@Bean
	RecentKeys recentKeys() {
		return this.recentKeys;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiKeyInterceptor(this.recentKeys)).addPathPatterns("/api/v1/**");
		registry.addInterceptor(new AdminKeyInterceptor(this.adminKey)).addPathPatterns("/admin/v1/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new TenantArgumentResolver());
	}

	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<ActuatorGuard> actuatorGuard(
			@org.springframework.beans.factory.annotation.Qualifier("handlerExceptionResolver") org.springframework.web.servlet.HandlerExceptionResolver problems) {
		org.springframework.boot.web.servlet.FilterRegistrationBean<ActuatorGuard> registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				new ActuatorGuard(this.adminKey, problems));
		registration.addUrlPatterns("/actuator", "/actuator/*");
		return registration;
	}

	@Bean
	KeyRevocation keyRevocation() {
		return new KeyRevocation(this.recentKeys);
	}

	@Bean
	ApplicationRunner developmentKeyRegistration(Clock clock) {
		return (arguments) -> {
			String key = this.properties.developmentKey();
			if (key != null) {
				this.keys.insertIfAbsent(ApiKey.issue(key, this.properties.developmentTenant(), "development",
						clock.instant()));
				logger.info("Development API key registered for tenant '{}'", this.properties.developmentTenant());
			}
		};
	}

}
