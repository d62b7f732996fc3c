package org.curveball.session.sample;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of the sample, error pages included, the {@link RequestReport} of its
 * request as {@code report}. Nothing is read from Redis until a page asks.
 */
@ControllerAdvice(assignableTypes = { HomeController.class, SessionController.class, AccountController.class,
		SignInController.class, ErrorController.class })
class PageModel {

	private final SampleInstance instance;

	private final StoredSessionReader reader;

	PageModel(SampleInstance instance, StoredSessionReader reader) {
		this.instance = instance;
		this.reader = reader;
	}

	@ModelAttribute("report")
	RequestReport report(HttpServletRequest request) {
		return new RequestReport(request, this.instance, this.reader);
	}

}
