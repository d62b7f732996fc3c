package org.curveball.session.security;

import org.curveball.session.principal.PrincipalSessions;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;

/**
 * Keeps the index of each principal's sessions up to date with Spring Security's sign-ins
 * and sign-outs, whether or not concurrent-session control is on: an interactive sign-in
 * (form, OAuth2, remember-me, one-time token...) that keeps its user in the session is
 * added to the user's sessions, unless the session registry already added it; a sign-out
 * that leaves its session in place takes it out (one that ends the session is heard by
 * the session manager).
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
		String sessionId = current.session().id();
		if (event instanceof LogoutSuccessEvent) {
			this.principals.signOut(current.session(), sessionId);
			return;
		}
		String principal = event.getAuthentication().getName();
		if (!principal.equals(PrincipalSessions.principalOf(current.session()))) {
			this.principals.signIn(current.session(), sessionId, principal, current.device(), null);
		}
	}

}
