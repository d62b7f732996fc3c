package org.curveball.session.web;

/**
 * Where a request carries its CSRF token when a handler checks it with
 * {@link org.curveball.session.Session#validateCsrf()}: a header, else a form field.
 */
public final class SessionCsrf {

	/**
	 * The request header a client may send its CSRF token in.
	 */
	public static final String HEADER_NAME = "X-CSRF-Token";

	/**
	 * The form field a client may send its CSRF token in.
	 */
	public static final String PARAMETER_NAME = "csrf-token";

	private SessionCsrf() {
	}

}
