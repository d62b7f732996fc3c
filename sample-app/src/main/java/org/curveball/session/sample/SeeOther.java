package org.curveball.session.sample;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The redirect that ends every form post of the sample: {@code 303 See Other}, so that
 * the browser follows it with a {@code GET} and a reload does not post the form again.
 * Flash attributes of the post go with it.
 */
final class SeeOther {

	private SeeOther() {
	}

	static RedirectView to(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return redirect;
	}

}
