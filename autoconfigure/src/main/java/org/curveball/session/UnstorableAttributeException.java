package org.curveball.session;

/**
 * Thrown at save when a session value is an object that could not be read back from the
 * JSON it was written as: its type, or the type of a value inside it, is not on the
 * allow-list, or its class cannot be created from JSON. Nothing is written.
 */
public class UnstorableAttributeException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param type the class of the value that was put into the session
	 * @param reason why it could not be read back, naming the type
	 * @param cause the mapper's exception
	 */
	public UnstorableAttributeException(String type, String reason, Throwable cause) {
		super("Session value of type " + type + " cannot be stored: " + reason + "; nothing was saved", cause);
	}

}
