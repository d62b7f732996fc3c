package org.curveball.session.json;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper session JSON is written and read with: the application's, so that its
 * modules apply, without default typing, compact and in insertion order, so that equal
 * values always give equal JSON.
 */
final class SessionJsonMappers {

	private SessionJsonMappers() {
	}

	/**
	 * Return a builder of the mapper that writes session JSON.
	 * @param mapper the application's mapper
	 * @return the builder
	 */
	static JsonMapper.Builder plain(JsonMapper mapper) {
		return mapper.rebuild()
			.deactivateDefaultTyping()
			.disable(SerializationFeature.INDENT_OUTPUT)
			.disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
	}

}
