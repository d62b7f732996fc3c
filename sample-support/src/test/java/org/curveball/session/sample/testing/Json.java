package org.curveball.session.sample.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON for assertions, so that equal JSON compares equal whatever its layout.
 */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static JsonNode read(String json) {
		return MAPPER.readTree(json);
	}

}
