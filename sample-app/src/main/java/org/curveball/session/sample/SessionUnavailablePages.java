package org.curveball.session.sample;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.curveball.session.SessionStoreException;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a browser whose page needs its session while Redis does not answer with the
 * application's error page ({@code templates/error/503.html}), where the starter would
 * answer {@code application/problem+json}. Clients that do not ask for HTML, such as
 * those of the JSON API, keep the problem.
 * <p>
 * The session fails in one of two places: in a controller, whose exception goes to the
 * exception resolvers (this one runs before the starter's), or in a filter or while a
 * page renders, whose exception goes back up the filter chain (this filter sits just
 * inside the starter's session filter). Both send the error status, which Spring Boot
 * turns into its error page.
 */
@Configuration(proxyBeanMethods = false)
class SessionUnavailablePages {

	@Bean
	HandlerExceptionResolver sessionUnavailablePageResolver() {
		return new Resolver();
	}

	@Bean
	FilterRegistrationBean<PageFilter> sessionUnavailablePageFilter() {
		FilterRegistrationBean<PageFilter> registration = new FilterRegistrationBean<>(new PageFilter());
		registration.setOrder(SessionFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	static boolean answersWithPage(HttpServletRequest request, Throwable failure) {
		return causedByTheSessionStore(failure) && asksForHtml(request);
	}

	private static boolean causedByTheSessionStore(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SessionStoreException) {
				return true;
			}
		}
		return false;
	}

	private static boolean asksForHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static void sendErrorPage(HttpServletResponse response) throws IOException {
		response.reset();
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

	/**
	 * Answers exceptions of controllers.
	 */
	static final class Resolver implements HandlerExceptionResolver, Ordered {

		@Override
		public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
				@Nullable Object handler, Exception ex) {
			if (response.isCommitted() || !answersWithPage(request, ex)) {
				return null;
			}
			try {
				sendErrorPage(response);
				return new ModelAndView();
			}
			catch (IOException sendFailure) {
				return null;
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/**
	 * Answers exceptions of filters, such as Spring Security's, and of page rendering.
	 */
	static final class PageFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | RuntimeException ex) {
				if (response.isCommitted() || !answersWithPage(request, ex)) {
					throw ex;
				}
				sendErrorPage(response);
			}
		}

	}

}
