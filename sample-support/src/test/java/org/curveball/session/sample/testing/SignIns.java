package org.curveball.session.sample.testing;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's form sign-in over HTTP, as a browser goes through it on either
 * sample: the sign-in page gives a session and a CSRF token, the form posts them with the
 * credentials.
 */
public final class SignIns {

	/**
	 * The name of the sample's session cookie.
	 */
	public static final String SESSION_COOKIE = "CB";

	/**
	 * The password of the samples' user {@code ada}, as their {@code application.yml}
	 * sets it.
	 */
	public static final String PASSWORD = "lovelace";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private SignIns() {
	}

	/**
	 * Open the sign-in page on one instance and post its form to another.
	 * @param page the instance that shows the sign-in page
	 * @param form the instance the form is posted to
	 * @param user the user name
	 * @param password the password
	 * @param device the browser's {@code User-Agent}
	 * @return the answer to the form
	 */
	public static Attempt attempt(SampleClient page, SampleClient form, String user, String password, String device) {
		HttpResponse<String> signInPage = page.get("/login").header("User-Agent", device).send();
		SetCookie session = SetCookie.named(signInPage, SESSION_COOKIE);
		HttpResponse<String> answer = form
			.postForm("/login", Map.of("username", user, "password", password, "_csrf", csrfToken(signInPage)))
			.cookie(session.pair())
			.header("User-Agent", device)
			.send();
		return new Attempt(session, answer);
	}

	/**
	 * Sign the sample's user in, failing if the sign-in is refused.
	 * @param page the instance that shows the sign-in page
	 * @param form the instance the form is posted to
	 * @param device the browser's {@code User-Agent}
	 * @return the cookie of the signed-in session
	 */
	public static SetCookie signIn(SampleClient page, SampleClient form, String device) {
		Attempt attempt = attempt(page, form, "ada", PASSWORD, device);
		assertThat(attempt.answer().headers().firstValue("Location")).as("where the sign-in sends the browser")
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		return attempt.signedIn();
	}

	/**
	 * Ask for the account page of the signed-in user.
	 * @param instance the instance asked
	 * @param session the session cookie
	 * @return the answer
	 */
	public static HttpResponse<String> account(SampleClient instance, SetCookie session) {
		return instance.get("/account").cookie(session.pair()).send();
	}

	/**
	 * Return whether a response sends the browser to the sign-in page, as Spring Security
	 * answers a request for the account without a signed-in session.
	 * @param response the response
	 * @return {@code true} if it redirects to {@code /login}
	 */
	public static boolean redirectsToSignIn(HttpResponse<String> response) {
		return response.statusCode() == 302 && response.headers()
			.firstValue("Location")
			.filter((location) -> location.endsWith("/login"))
			.isPresent();
	}

	/**
	 * Return the CSRF token of a page's form.
	 * @param page the page
	 * @return the token
	 */
	public static String csrfToken(HttpResponse<String> page) {
		assertThat(page.statusCode()).as(page::body).isEqualTo(200);
		Matcher field = CSRF_FIELD.matcher(page.body());
		assertThat(field.find()).as("a _csrf field in the page").isTrue();
		return field.group(1);
	}

	/**
	 * A sign-in form posted, and what the sample answered.
	 *
	 * @param before the session cookie the sign-in page gave
	 * @param answer the answer to the form
	 */
	public record Attempt(SetCookie before, HttpResponse<String> answer) {

		/**
		 * Return the cookie of the session the sign-in moved to.
		 * @return the cookie
		 */
		public SetCookie signedIn() {
			return SetCookie.named(this.answer, SESSION_COOKIE);
		}

		/**
		 * Return the sign-in's session cookie after the answer: the one the answer set,
		 * else the one before.
		 * @return the cookie
		 */
		public SetCookie session() {
			boolean moved = SetCookie.all(this.answer)
				.stream()
				.anyMatch((cookie) -> cookie.startsWith(SESSION_COOKIE + "="));
			return moved ? signedIn() : this.before;
		}

	}

}
