package org.curveball.session.security;

import org.curveball.session.core.LazySession;
import org.curveball.session.principal.PrincipalSessions;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;

/**
 * Keeps the index of each principal's sessions up to date with Spring Security's sign-ins
 * and sign-outs, whether or not concurrent-session control is on: an interactive sign-in
 * (form, OAuth2, remember-me, one-time token...) that keeps its user in the session is
 * added to the user's sessions, unless the session registry already added it; a sign-in
 * as another user, or a sign-out that leaves its session in place, takes it out of the
 * previous user's at once, under the id it had (one that ends the session is heard by the
 * session manager).
 */
public final class SessionSignInListener implements ApplicationListener<AbstractAuthenticationEvent> {

	private final PrincipalSessions principals;

	/**
	 * Create the listener.
	 * @param principals the sessions of each principal
	 */
	public SessionSignInListener(PrincipalSessions principals) {
		this.principals = principals;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		if (!(event instanceof InteractiveAuthenticationSuccessEvent) && !(event instanceof LogoutSuccessEvent)) {
			return;
		}
		CurrentRequestSession current = CurrentRequestSession.find();
		if (current == null || !current.session().exists()) {
			return;
		}
		LazySession session = current.session();
		String sessionId = session.id();
		String principal = (event instanceof LogoutSuccessEvent) ? null : event.getAuthentication().getName();
		this.principals.changePrincipal(session, session.readId(), sessionId, principal, current.device());
	}

}
