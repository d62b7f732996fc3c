package org.curveball.session.sample;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the sample's page, with every value from the session escaped.
 */
final class HomePage {

	private static final String TEMPLATE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			  <meta charset="utf-8">
			  <title>Curveball session sample</title>
			</head>
			<body>
			  <h1>Hello, %s!</h1>
			  <p>You have seen this page <strong id="visits">%d</strong> time(s) in this session.</p>
			  <form method="post" action="/name">
			    <input type="hidden" name="csrf-token" value="%s">
			    <label>Your name <input name="name" value="%s" required></label>
			    <button type="submit">Save</button>
			  </form>
			  <form method="post" action="/logout">
			    <input type="hidden" name="csrf-token" value="%s">
			    <button type="submit">End the session</button>
			  </form>
			</body>
			</html>
			""";

	private HomePage() {
	}

	static String render(int visits, @Nullable String name, String csrfToken) {
		String token = HtmlUtils.htmlEscape(csrfToken);
		String escapedName = HtmlUtils.htmlEscape((name != null) ? name : "");
		return TEMPLATE.formatted(escapedName.isEmpty() ? "stranger" : escapedName, visits, token, escapedName, token);
	}

}
