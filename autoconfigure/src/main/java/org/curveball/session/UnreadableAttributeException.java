package org.curveball.session;

/**
 * Thrown when a stored object cannot be read back: its type, or the type of a value
 * inside it, is not on the allow-list, or its JSON no longer fits its class (after a
 * deploy changed the class). The stored data is left as it was.
 */
public class UnreadableAttributeException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param reason why the object cannot be read, naming the type
	 * @param cause the mapper's exception
	 */
	public UnreadableAttributeException(String reason, Throwable cause) {
		super("Stored session value cannot be read: " + reason, cause);
	}

}
