package org.curveball.session.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.json.SessionCodec;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpringSecurityAttributeTypes}: every type Spring Security keeps in the
 * session in its standard flows is stored as JSON and read back as what was stored.
 */
class SpringSecurityAttributeTypesTests {

	private final SessionAttributeTypes types = SessionAttributeTypes.of(JsonMapper.builder().build(),
			List.of(new SpringSecurityAttributeTypes(getClass().getClassLoader())), "allow it");

	private final SessionCodec codec = new SessionCodec(JsonMapper.builder().build(), this.types);

	static Stream<String> authenticationExceptions() {
		return Stream.concat(SpringSecurityAttributeTypes.AUTHENTICATION_EXCEPTIONS.stream(),
				Stream.of(BadCredentialsException.class.getName()));
	}

	@ParameterizedTest
	@MethodSource("authenticationExceptions")
	void write_authenticationExceptionOfAFailedSignIn_readsBackAsItsTypeAndMessageWithoutTheCredentials(String type)
			throws ReflectiveOperationException {
		AuthenticationException failure = (AuthenticationException) ClassUtils
			.forName(type, getClass().getClassLoader())
			.getConstructor(String.class)
			.newInstance("Sign-in refused");
		failure.setAuthenticationRequest(UsernamePasswordAuthenticationToken.unauthenticated("ada", "lovelace-secret"));
		String json = write(failure);
		assertThat(json).contains(type).doesNotContain("lovelace-secret");
		Object read = readBack(json);
		assertThat(read).isExactlyInstanceOf(failure.getClass());
		assertThat(((AuthenticationException) read).getMessage()).isEqualTo("Sign-in refused");
		assertThat(write(read)).isEqualTo(json);
	}

	@Test
	void write_savedRequest_readsBackAsTheRequestToGoBackTo() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
		request.setQueryString("tab=sessions");
		request.setParameter("tab", "sessions");
		request.setServerPort(8080);
		request.setCookies(new Cookie("theme", "dark"));
		request.addHeader("Accept", "text/html");
		DefaultSavedRequest saved = new DefaultSavedRequest(request, "continue");
		DefaultSavedRequest read = (DefaultSavedRequest) readBack(write(saved));
		assertThat(read.getRedirectUrl()).isEqualTo(saved.getRedirectUrl());
		assertThat(read.getHeaderValues("Accept")).containsExactly("text/html");
		assertThat(read.getCookies()).singleElement()
			.satisfies((cookie) -> assertThat(cookie.getValue()).isEqualTo("dark"));
	}

	@Test
	void write_csrfToken_readsBackAsTheSameToken() {
		DefaultCsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-value");
		assertThat(readBack(write(token))).usingRecursiveComparison().isEqualTo(token);
	}

	@Test
	void write_webFluxCsrfToken_readsBackAsTheSameToken() {
		org.springframework.security.web.server.csrf.DefaultCsrfToken token = new org.springframework.security.web.server.csrf.DefaultCsrfToken(
				"X-CSRF-TOKEN", "_csrf", "token-value");
		assertThat(readBack(write(token))).usingRecursiveComparison().isEqualTo(token);
	}

	@Test
	void write_oauth2AuthorizationRequest_readsBackWithItsStateAndScopes() {
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://idp.example/authorize")
			.clientId("sample")
			.redirectUri("http://localhost/login/oauth2/code/idp")
			.scopes(Set.of("openid", "profile"))
			.state("state-1")
			.attributes(Map.of("registration_id", "idp"))
			.build();
		OAuth2AuthorizationRequest read = (OAuth2AuthorizationRequest) readBack(write(request));
		assertThat(read.getState()).isEqualTo("state-1");
		assertThat(read.getScopes()).containsExactlyInAnyOrder("openid", "profile");
		assertThat(read.getAuthorizationRequestUri()).isEqualTo(request.getAuthorizationRequestUri());
	}

	@Test
	void write_oauth2AuthenticationException_readsBackWithItsError() {
		OAuth2AuthenticationException failure = new OAuth2AuthenticationException(
				new OAuth2Error("invalid_state_parameter", "State mismatch", null));
		OAuth2AuthenticationException read = (OAuth2AuthenticationException) readBack(write(failure));
		assertThat(read.getError().getErrorCode()).isEqualTo("invalid_state_parameter");
	}

	private String write(Object value) {
		return this.codec.write(Map.of("attribute", this.types.toSessionValue(value)));
	}

	private Object readBack(String json) {
		return this.types.read(this.codec.read(json).get("attribute")).value();
	}

}
