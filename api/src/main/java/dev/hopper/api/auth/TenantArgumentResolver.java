package dev.hopper.api.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands controllers the {@link Tenant} that {@link ApiKeyInterceptor} established. */
class TenantArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Tenant.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Object tenant = webRequest.getAttribute(Tenant.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (tenant == null) {
			throw new IllegalStateException("No tenant: the handler is outside the API key interceptor's paths");
		}
		return tenant;
	}

}
