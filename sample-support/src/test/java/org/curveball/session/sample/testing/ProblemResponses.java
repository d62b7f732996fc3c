package org.curveball.session.sample.testing;

import java.net.http.HttpResponse;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the problem responses ({@code application/problem+json}, RFC 9457) that session
 * errors are answered with.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	/**
	 * Fail unless the response is a problem of the status whose body tells a user what
	 * happened and nothing about the server's inside: no stack trace, no exception, no
	 * session id.
	 * @param response the response
	 * @param status the expected status
	 * @param sessionIds the ids the body must not hold
	 * @return the problem's JSON
	 */
	public static JsonNode assertCleanProblem(HttpResponse<String> response, int status, List<String> sessionIds) {
		assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as("Content-Type")
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = Json.read(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.has("trace")).as("a stack trace in the body").isFalse();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("redis://");
		if (!sessionIds.isEmpty()) {
			SessionIdLeaks.assertNoSessionId("the problem body", response.body(), sessionIds);
		}
		return problem;
	}

	/**
	 * Return whether the response is a {@code 503} problem without stack trace.
	 * @param response the response
	 * @return {@code true} for a clean 503
	 */
	public static boolean isClean503(HttpResponse<String> response) {
		if (response.statusCode() != 503) {
			return false;
		}
		boolean problemJson = response.headers()
			.firstValue("Content-Type")
			.filter((type) -> type.startsWith("application/problem+json"))
			.isPresent();
		return problemJson && !response.body().contains("\"trace\"") && !response.body().contains("Exception")
				&& Json.read(response.body()).path("status").asInt() == 503;
	}

}
