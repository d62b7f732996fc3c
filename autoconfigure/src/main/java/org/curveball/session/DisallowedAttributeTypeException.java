package org.curveball.session;

/**
 * Thrown at save when a session value is an object that could not be read back: its type,
 * or the type of a value inside it, is not on the allow-list. Nothing is written.
 */
public class DisallowedAttributeTypeException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param type the class of the value that was put into the session
	 * @param reason why it could not be read back, naming the type
	 * @param allowHint how to allow a type
	 * @param cause the mapper's exception
	 */
	public DisallowedAttributeTypeException(String type, String reason, String allowHint, Throwable cause) {
		super("Session value of type " + type + " cannot be stored: " + reason + "; " + allowHint
				+ "; nothing was saved", cause);
	}

}
