package org.curveball.session.web.servlet;

import org.jspecify.annotations.Nullable;

import org.curveball.session.Session;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a handler method parameter of type {@link Session} to the request's session.
 */
public final class SessionArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Session.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Object session = webRequest.getAttribute(SessionFilter.SESSION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (session == null) {
			throw new IllegalStateException("No Curveball session on this request: the SessionFilter did not run "
					+ "(is curveball.session.redis.enabled false, or the request not mapped to the filter?)");
		}
		return session;
	}

}
