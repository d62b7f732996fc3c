package org.curveball.bench;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The endpoints every benchmark application serves, written once. Each application
 * declares a {@code @RestController} subclass that binds {@code S} to its handler
 * parameter type; Spring MVC resolves the generic parameter against that subclass, so
 * the handler methods below receive the application's own session handle.
 *
 * @param <S> the handler parameter that gives access to the session
 */
public abstract class BenchController<S> {

	/** The one attribute every session holds. */
	public static final String KEY = "counter";

	private final SessionAccess<S> access;

	protected BenchController(SessionAccess<S> access) {
		this.access = access;
	}

	/** Creates the session with one attribute, so the load generator gets a cookie. */
	@PostMapping("/init")
	public String init(S session) {
		this.access.write(session, KEY, 1);
		return "1";
	}

	/** Reads the attribute. */
	@GetMapping("/read")
	public String read(S session) {
		return String.valueOf(this.access.read(session, KEY));
	}

	/** Increments the attribute: one read, one write. */
	@PostMapping("/write")
	public String write(S session) {
		Object current = this.access.read(session, KEY);
		int next = ((current instanceof Number number) ? number.intValue() : 0) + 1;
		this.access.write(session, KEY, next);
		return Integer.toString(next);
	}

	/** Never touches the session. */
	@GetMapping("/ignore")
	public String ignore() {
		return "ok";
	}

}
