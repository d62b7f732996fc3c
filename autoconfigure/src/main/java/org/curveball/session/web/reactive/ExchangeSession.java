package org.curveball.session.web.reactive;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionCommit;
import org.curveball.session.core.SessionManager;
import org.curveball.session.web.SessionCsrf;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * The session of one exchange: opened by {@link SessionWebFilter}, read from the store
 * the first time a handler asks for it, saved once before the response is committed.
 */
final class ExchangeSession {

	/**
	 * The exchange attribute that holds it.
	 */
	static final String ATTRIBUTE = ExchangeSession.class.getName();

	private final LazySession session;

	private final ServerWebExchange exchange;

	private final AtomicBoolean saving = new AtomicBoolean();

	private volatile @Nullable String formCsrfToken;

	ExchangeSession(SessionManager sessions, @Nullable String requestedId, ServerWebExchange exchange) {
		this.exchange = exchange;
		this.session = sessions.open(requestedId, this::csrfToken);
	}

	static Mono<LazySession> of(ServerWebExchange exchange) {
		return Mono.defer(() -> {
			if (!(exchange.getAttribute(ATTRIBUTE) instanceof ExchangeSession session)) {
				return Mono.error(new IllegalStateException("No Curveball session on this exchange: the "
						+ "SessionWebFilter did not run (is curveball.session.redis.enabled false?)"));
			}
			return session.loaded();
		});
	}

	/**
	 * Return the session once it is read, and once a form body, if the request has one,
	 * is read for its CSRF token field.
	 * @return the session, which answers without a call to the store from then on
	 */
	Mono<LazySession> loaded() {
		return formToken().then(Mono.fromFuture(() -> resumed(this.session.loaded()), true));
	}

	/**
	 * Return the session if this exchange read it, without reading it.
	 * @return the session, or {@code null} if nothing asked for it
	 */
	@Nullable LazySession read() {
		return this.session.isRead() ? this.session : null;
	}

	/**
	 * Return the session's save, whose answer comes back where the response is written.
	 * @return the commit of the session
	 */
	CompletableFuture<SessionCommit> commit() {
		return resumed(this.session.commitAsync());
	}

	/**
	 * Return whether this is the first call, so that the session is saved at most once.
	 * @return {@code true} the first time
	 */
	boolean startSaving() {
		return this.saving.compareAndSet(false, true);
	}

	private <T> CompletableFuture<T> resumed(CompletableFuture<T> answer) {
		return ConnectionEventLoop.resume(this.exchange.getRequest(), answer);
	}

	private Mono<Void> formToken() {
		MediaType type = this.exchange.getRequest().getHeaders().getContentType();
		if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return Mono.empty();
		}
		return this.exchange.getFormData()
			.doOnNext((form) -> this.formCsrfToken = form.getFirst(SessionCsrf.PARAMETER_NAME))
			.then();
	}

	private @Nullable String csrfToken() {
		String header = this.exchange.getRequest().getHeaders().getFirst(SessionCsrf.HEADER_NAME);
		return (header != null) ? header : this.formCsrfToken;
	}

}
