package org.curveball.session.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.curveball.session.SessionObserver;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The session store operations that the current request ran, each one Redis command
 * ({@code load} is a {@code GETEX}, {@code save} a {@code SET} or an {@code EVALSHA},
 * {@code delete} a {@code DEL}), as the starter's {@link SessionObserver} reports them,
 * so that a page can say what it cost.
 * <p>
 * Operations are counted while Spring's request attributes are bound to the thread, which
 * holds from Spring Security's filters to the end of the page's rendering: the session's
 * load, and its save, which the starter makes before the first byte of the page is
 * written.
 */
final class RequestSessionCommands {

	private static final String ATTRIBUTE = RequestSessionCommands.class.getName();

	private final List<String> operations = new ArrayList<>();

	private RequestSessionCommands() {
	}

	/**
	 * Return the operations the request ran so far.
	 * @param request the request
	 * @return the operations, such as {@code "load (hit)"}, in order
	 */
	static List<String> of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof RequestSessionCommands commands)
				? Collections.unmodifiableList(commands.operations) : List.of();
	}

	/**
	 * A {@link SessionObserver} that records each store operation in the current
	 * request's list; the starter tells it beside its own Micrometer metrics.
	 */
	@Component
	static final class Observer implements SessionObserver {

		@Override
		public void storeOperation(String operation, String outcome, Duration duration) {
			RequestAttributes request = RequestContextHolder.getRequestAttributes();
			if (request != null) {
				record(request, operation + " (" + outcome + ")");
			}
		}

		private static void record(RequestAttributes request, String operation) {
			Object recorded = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			RequestSessionCommands commands = (recorded instanceof RequestSessionCommands existing) ? existing
					: new RequestSessionCommands();
			commands.operations.add(operation);
			request.setAttribute(ATTRIBUTE, commands, RequestAttributes.SCOPE_REQUEST);
		}

	}

}
