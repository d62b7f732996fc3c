package org.curveball.session;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The session of the current request, as a handler sees it: Curveball's
 * {@code ctx.session}.
 * <p>
 * Values are JSON: strings, numbers, booleans, {@code null}, lists and maps. Any other
 * object is stored as its JSON form and reads back as a map, or as an object of the
 * requested type through {@link #get(String, Class)}. The session is loaded from the
 * store on first use and saved when the request ends, only if its JSON changed; a session
 * that is emptied is deleted.
 */
public interface Session {

	/**
	 * Return the value stored under a key. An object kept with its type id (an
	 * {@code HttpSession} attribute) is read back as its object when its type is allowed,
	 * and as {@code null}, with a warning, when it is not.
	 * @param key the key
	 * @return the value, or {@code null} if the key is absent
	 */
	@Nullable Object get(String key);

	/**
	 * Return the value stored under a key, converted to the given type with the
	 * application's JSON mapper.
	 * @param <T> the type to convert to
	 * @param key the key
	 * @param type the type to convert to
	 * @return the converted value, or {@code null} if the key is absent
	 */
	<T> @Nullable T get(String key, Class<T> type);

	/**
	 * Store a value under a key. The first value put into a session without a stored
	 * counterpart creates the session and its cookie.
	 * @param key the key
	 * @param value the value, stored as JSON
	 */
	void put(String key, @Nullable Object value);

	/**
	 * Remove a key.
	 * @param key the key
	 */
	void remove(String key);

	/**
	 * Remove every key; the stored session is then deleted when the request ends.
	 */
	void clear();

	/**
	 * Return whether the session holds no key.
	 * @return {@code true} if the session is empty
	 */
	boolean isEmpty();

	/**
	 * Return the session's values as they are now, read-only.
	 * @return the values, in insertion order, each as {@link #get(String)} returns it
	 */
	Map<String, @Nullable Object> asMap();

	/**
	 * Move the session's values to a new id and delete the old one when the request ends.
	 * Call this at login and at every change of privilege, so that an id known to an
	 * attacker before the change is worthless after it (session fixation).
	 */
	void regenerateId();

	/**
	 * End the session: its stored data is deleted and its cookie cleared when the request
	 * ends. Values put afterwards start a new session with a new id.
	 */
	void invalidate();

	/**
	 * Return the session's CSRF token, creating and storing one if it has none.
	 * @return the token, 32 random bytes in Base64
	 */
	String csrfToken();

	/**
	 * Check a CSRF token against the session's, in constant time.
	 * @param token the token sent by the client, or {@code null} to take it from the
	 * request: the {@code X-CSRF-Token} header, else the {@code csrf-token} form field
	 * @throws CsrfException if the token is missing or does not match
	 */
	void validateCsrf(@Nullable String token);

	/**
	 * Check the request's CSRF token against the session's, in constant time.
	 * @throws CsrfException if the token is missing or does not match
	 * @see #validateCsrf(String)
	 */
	default void validateCsrf() {
		validateCsrf(null);
	}

}
