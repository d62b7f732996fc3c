package org.curveball.session.redis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.curveball.session.MalformedSessionException;

/**
 * Reads the values Redis returns as the text of a session's JSON.
 */
final class StoredText {

	private StoredText() {
	}

	/**
	 * Read a stored value as strict UTF-8. A value in another encoding is not a session
	 * (JSON is UTF-8); decoded with replacement characters, its text would no longer
	 * match its bytes, so that the save script's comparison could never succeed.
	 * @param bytes the stored value
	 * @return the value as text
	 * @throws MalformedSessionException if the value is not UTF-8
	 */
	static String utf8(byte[] bytes) {
		String value = new String(bytes, StandardCharsets.UTF_8);
		if (value.indexOf('\uFFFD') < 0) {
			return value;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new MalformedSessionException("Stored session is not UTF-8 text", ex);
		}
	}

	/**
	 * Return the bytes of a value of a reactive reply.
	 * @param buffer the value
	 * @return its remaining bytes
	 */
	static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

}
