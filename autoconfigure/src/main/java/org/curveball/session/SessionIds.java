package org.curveball.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The form of a session id, and the fingerprint that stands for one in logs.
 */
public final class SessionIds {

	/**
	 * Random bytes in an id.
	 */
	public static final int BYTES = 32;

	/**
	 * Characters in an id: {@link #BYTES} in standard Base64 with padding.
	 */
	public static final int LENGTH = 44;

	private static final byte[] FINGERPRINT_SALT = new SecureRandom().generateSeed(16);

	private SessionIds() {
	}

	/**
	 * Return whether a value has the form of a session id: 44 characters of standard
	 * Base64 that decode to 32 bytes.
	 * @param value the value to check
	 * @return {@code true} if it can be a session id
	 */
	public static boolean isWellFormed(@Nullable String value) {
		if (value == null || value.length() != LENGTH || value.charAt(LENGTH - 1) != '='
				|| value.charAt(LENGTH - 2) == '=') {
			return false;
		}
		for (int i = 0; i < LENGTH - 1; i++) {
			if (!isBase64Digit(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isBase64Digit(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
	}

	/**
	 * Return a short salted hash of an id, to name a session in logs without revealing
	 * it. The salt is random per JVM, so fingerprints cannot be reversed by brute force
	 * from a log alone.
	 * @param id the session id
	 * @return twelve hex digits
	 */
	public static String fingerprint(String id) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(FINGERPRINT_SALT);
			byte[] hash = digest.digest(id.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
