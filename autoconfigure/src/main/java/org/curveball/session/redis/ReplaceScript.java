package org.curveball.session.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.curveball.session.ReplaceResult;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisScriptingCommands;
import org.springframework.data.redis.connection.ReturnType;

/**
 * The compare-and-set script {@code replace.lua}: read from the class path once, called
 * by its SHA-1 ({@code EVALSHA}), and sent whole ({@code EVAL}) only when the server does
 * not know it yet (first use, restart, {@code SCRIPT FLUSH}).
 * <p>
 * Spring Data's {@code RedisScript} over a class path resource checks the resource's
 * modification time on every call, which in a Boot fat jar means opening a nested jar
 * URL: that alone was more than half of the CPU of a save.
 */
final class ReplaceScript {

	private static final String RESOURCE = "replace.lua";

	private final byte[] source;

	private static final byte[] REPLACED = "replaced".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MISSING = "missing".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DELETE = new byte[0];

	private final byte[] sha1;

	private final String sha1Text;

	private ReplaceScript(byte[] source) {
		this.source = source;
		this.sha1Text = sha1Hex(source);
		this.sha1 = this.sha1Text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Load the script. It is read through this class, not the thread's context class
	 * loader, which may belong to an application that is closed by the time it is used.
	 * @return the script
	 */
	static ReplaceScript load() {
		try (InputStream in = ReplaceScript.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the class path");
			}
			return new ReplaceScript(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Run the script on one key.
	 * @param scripting the connection's scripting commands
	 * @param keyAndArgs the key, then the script's arguments
	 * @return the script's reply, one element per value it returned
	 */
	List<byte[]> run(RedisScriptingCommands scripting, byte[]... keyAndArgs) {
		try {
			return scripting.evalSha(this.sha1, ReturnType.MULTI, 1, keyAndArgs);
		}
		catch (DataAccessException ex) {
			if (!RedisErrors.isReply(ex, "NOSCRIPT")) {
				throw ex;
			}
			return scripting.eval(this.source, ReturnType.MULTI, 1, keyAndArgs);
		}
	}

	/**
	 * Return the script's source, to send when the server does not know it.
	 * @return the source
	 */
	byte[] source() {
		return this.source.clone();
	}

	/**
	 * Return the script's SHA-1, by which {@code EVALSHA} calls it.
	 * @return 40 hex digits
	 */
	String sha1() {
		return this.sha1Text;
	}

	/**
	 * Return the script's arguments after the key.
	 * @param expected the JSON that was read, compared by its SHA-1
	 * @param json the JSON to store, or {@code null} to delete the session
	 * @param expiry the idle time after which the session expires
	 * @return the arguments
	 */
	static byte[][] arguments(String expected, @Nullable String json, Duration expiry) {
		byte[] expectedSha1 = sha1Hex(expected.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
		byte[] value = (json != null) ? json.getBytes(StandardCharsets.UTF_8) : DELETE;
		byte[] millis = Long.toString(expiry.toMillis()).getBytes(StandardCharsets.US_ASCII);
		return new byte[][] { expectedSha1, value, millis };
	}

	/**
	 * Read the script's reply.
	 * @param reply the status, then the JSON now stored on a conflict
	 * @return what the script did
	 */
	static ReplaceResult resultOf(List<byte[]> reply) {
		byte[] status = reply.get(0);
		if (Arrays.equals(REPLACED, status)) {
			return new ReplaceResult.Replaced();
		}
		if (Arrays.equals(MISSING, status)) {
			return new ReplaceResult.Missing();
		}
		return new ReplaceResult.Conflict(StoredText.utf8(reply.get(1)));
	}

	/**
	 * Return the SHA-1 of some bytes in lower-case hex, as Redis names scripts and as
	 * {@code redis.sha1hex} computes it.
	 * @param bytes the bytes
	 * @return 40 hex digits
	 */
	static String sha1Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required of every Java platform", ex);
		}
	}

}
