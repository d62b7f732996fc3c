package org.curveball.session.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Writes an {@code AuthenticationException} as its type and message, and reads it back
 * through its constructor that takes the message: what a sign-in page shows, without the
 * failed sign-in's credentials ({@code authenticationRequest}), cause or stack trace.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonIgnoreProperties(value = { "cause", "stackTrace", "authenticationRequest", "suppressed", "localizedMessage" },
		ignoreUnknown = true)
abstract class AuthenticationExceptionMixin {

	@JsonCreator
	AuthenticationExceptionMixin(@JsonProperty("message") String message) {
	}

}
