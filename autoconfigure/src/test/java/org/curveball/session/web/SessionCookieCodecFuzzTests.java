package org.curveball.session.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.curveball.session.SessionIds;
import org.curveball.session.testing.RandomInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests for {@link SessionCookieCodec#readId}: whatever a client sends, reading
 * never throws and yields either nothing or a well-formed id, and every id encoded as
 * Curveball encodes it is read back. See {@link RandomInputs} to reproduce a failure.
 */
class SessionCookieCodecFuzzTests {

	private static final int TRIES = 2000;

	private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	@Test
	void readId_anyCookieValue_returnsNullOrWellFormedId() {
		RandomInputs.forAll(TRIES, RandomInputs::string,
				(value) -> assertNullOrWellFormed(SessionCookies.readId("CB=" + value)));
	}

	@Test
	void readId_anyCookieHeader_returnsNullOrWellFormedId() {
		RandomInputs.forAll(TRIES, SessionCookieCodecFuzzTests::header,
				(header) -> assertNullOrWellFormed(SessionCookies.readId(header)));
	}

	@Test
	void readId_anyBytesAsCookieValue_returnsNullOrWellFormedId() {
		RandomInputs.forAll(TRIES, RandomInputs::bytes, (bytes) -> assertNullOrWellFormed(
				SessionCookies.readId("CB=" + new String(bytes, StandardCharsets.ISO_8859_1))));
	}

	@Test
	void readId_idLikeValuesWithPercentSigns_returnsNullOrWellFormedId() {
		RandomInputs.forAll(TRIES, SessionCookieCodecFuzzTests::idLikeValue,
				(value) -> assertNullOrWellFormed(SessionCookies.readId("CB=" + value)));
	}

	@Test
	void readId_idEncodedAsEncodeUriComponent_returnsId() {
		RandomInputs.forAll(TRIES, SessionCookieCodecFuzzTests::id,
				(id) -> assertThat(SessionCookies.readId("theme=dark; CB=" + SessionCookies.encodeURIComponent(id)))
					.isEqualTo(id));
	}

	@Test
	void readId_idWithSomeCharactersEncoded_returnsId() {
		record PartlyEncoded(String id, long choices) {
		}
		RandomInputs.forAll(TRIES, (inputs) -> new PartlyEncoded(id(inputs), inputs.anyLong()), (input) -> {
			StringBuilder value = new StringBuilder();
			for (int i = 0; i < input.id().length(); i++) {
				String c = String.valueOf(input.id().charAt(i));
				boolean encode = ((input.choices() >>> (i % 64)) & 1) == 1;
				value.append(encode ? SessionCookies.encodeURIComponent(c) : c);
			}
			assertThat(SessionCookies.readId("CB=" + value)).isEqualTo(input.id());
		});
	}

	@Test
	void readId_base64OfWrongLength_returnsNull() {
		RandomInputs.forAll(TRIES, SessionCookieCodecFuzzTests::wrongLengthBase64,
				(value) -> assertThat(SessionCookies.readId("CB=" + SessionCookies.encodeURIComponent(value)))
					.isNull());
	}

	@Test
	void readId_quotedId_returnsNull() {
		RandomInputs.forAll(TRIES, SessionCookieCodecFuzzTests::id,
				(id) -> assertThat(SessionCookies.readId("CB=\"" + SessionCookies.encodeURIComponent(id) + "\""))
					.isNull());
	}

	@Test
	void readId_longValue_returnsNull() {
		record WithTail(String id, String tail) {
		}
		RandomInputs.forAll(TRIES, (inputs) -> new WithTail(id(inputs), inputs.string(1, 8192)),
				(input) -> assertThat(SessionCookies.readId("CB=" + SessionCookies.encodeURIComponent(input.id())
						+ SessionCookies.encodeURIComponent(input.tail())))
					.isNull());
	}

	/**
	 * A well-formed id: {@link SessionIds#BYTES} random bytes in Base64.
	 */
	private static String id(RandomInputs inputs) {
		return Base64.getEncoder().encodeToString(inputs.uniformBytes(SessionIds.BYTES));
	}

	/**
	 * Base64 of up to 64 bytes, but never as many as an id has.
	 */
	private static String wrongLengthBase64(RandomInputs inputs) {
		byte[] bytes = inputs.matching((sized) -> sized.bytes(0, 64),
				(candidate) -> candidate.length != SessionIds.BYTES);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * Around an id's length of Base64 characters mixed with {@code %} and hex digits,
	 * which make valid, invalid and truncated percent escapes.
	 */
	private static String idLikeValue(RandomInputs inputs) {
		return String.join("", inputs.list(40, 60, (pieces) -> pieces.oneOf((piece) -> piece.string(BASE64 + "=", 1, 1),
				(piece) -> piece.string("%0123456789abcdefABCDEFxyz", 1, 3))));
	}

	/**
	 * A whole {@code Cookie} header: any string, or cookies built of any strings, ids and
	 * the header's separators, with {@code CB} among the names.
	 */
	private static String header(RandomInputs inputs) {
		return inputs.oneOf(RandomInputs::string,
				(pairs) -> String.join(pairs.oneOf(List.of("; ", ";", ", ")),
						pairs.list(0, 6, (pair) -> pair.oneOf(List.of("CB", "theme", "", " CB ", "cb")) + "="
								+ pair.oneOf(SessionCookieCodecFuzzTests::id, (value) -> value.string(0, 60)))));
	}

	private static void assertNullOrWellFormed(@Nullable String id) {
		if (id != null) {
			assertThat(id).hasSize(SessionIds.LENGTH).matches("[A-Za-z0-9+/]{43}=");
		}
	}

}
