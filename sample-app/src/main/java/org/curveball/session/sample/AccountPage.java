package org.curveball.session.sample;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the account page, with every value escaped.
 */
final class AccountPage {

	private static final String TEMPLATE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			  <meta charset="utf-8">
			  <title>Your account</title>
			</head>
			<body class="%s">
			  <h1>Signed in as <span id="user">%s</span></h1>
			  <form method="post" action="/account/theme">
			    <input type="hidden" name="%s" value="%s">
			    <label>Theme <input name="theme" value="%s" required></label>
			    <button type="submit">Save</button>
			  </form>
			  <form method="post" action="/account/logout">
			    <input type="hidden" name="%s" value="%s">
			    <button type="submit">Sign out</button>
			  </form>
			</body>
			</html>
			""";

	private AccountPage() {
	}

	static String render(String user, AccountPreferences preferences, CsrfToken csrf) {
		String theme = HtmlUtils.htmlEscape(preferences.theme());
		String field = HtmlUtils.htmlEscape(csrf.getParameterName());
		String token = HtmlUtils.htmlEscape(csrf.getToken());
		return TEMPLATE.formatted(theme, HtmlUtils.htmlEscape(user), field, token, theme, field, token);
	}

}
