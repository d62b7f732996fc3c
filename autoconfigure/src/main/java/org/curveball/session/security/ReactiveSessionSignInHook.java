package org.curveball.session.security;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.curveball.session.core.LazySession;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.web.reactive.SessionSaveHook;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps the index of each principal's sessions up to date with Spring Security WebFlux's
 * sign-ins and sign-outs, whether or not concurrent-session control is on, as
 * {@link SessionSignInListener} does for servlet applications: a session saved with a
 * signed-in security context is added to its user's sessions, unless the session registry
 * already added it; a session saved without one after a sign-in, or with another user's,
 * leaves the previous user's sessions at once, under the id it had (a session that ends
 * is heard by the session manager).
 * <p>
 * Spring Security WebFlux publishes no sign-in events. Instead, its
 * {@link WebSessionServerSecurityContextRepository} gives the session a new id whenever
 * it saves or removes a security context, against session fixation; so only a session
 * that is new or moved to a new id in its exchange is looked at, and every other save
 * costs nothing. The security context is read from the repository's default attribute,
 * {@value WebSessionServerSecurityContextRepository#DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME}.
 * The index is written on Reactor's bounded elastic scheduler, never on an event loop.
 */
public final class ReactiveSessionSignInHook implements SessionSaveHook {

	private static final AuthenticationTrustResolver TRUST_RESOLVER = new AuthenticationTrustResolverImpl();

	private final PrincipalSessions principals;

	/**
	 * Create the hook.
	 * @param principals the sessions of each principal
	 */
	public ReactiveSessionSignInHook(PrincipalSessions principals) {
		this.principals = principals;
	}

	@Override
	public Mono<Void> beforeSave(ServerWebExchange exchange, LazySession session) {
		if (session.isStored() || !session.exists()) {
			return Mono.empty();
		}
		String signedIn = signedIn(
				session.get(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME));
		if (Objects.equals(signedIn, PrincipalSessions.principalOf(session))) {
			return Mono.empty();
		}
		String sessionId = session.id();
		String readId = session.readId();
		String device = Devices.of(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT));
		return Mono
			.<Void>fromRunnable(() -> this.principals.changePrincipal(session, readId, sessionId, signedIn, device))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private static @Nullable String signedIn(@Nullable Object securityContext) {
		if (!(securityContext instanceof SecurityContext context)) {
			return null;
		}
		Authentication authentication = context.getAuthentication();
		return TRUST_RESOLVER.isAuthenticated(authentication) ? Objects.requireNonNull(authentication).getName() : null;
	}

}
