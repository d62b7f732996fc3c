package org.curveball.session.web.servlet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.FlashMap;

/**
 * A {@link FlashMap} as it is kept in the session: one plain JSON object.
 *
 * @param path the path of the request the attributes are for, or {@code null} for any
 * @param params the query parameters that request must have
 * @param expires when the attributes expire, in milliseconds since the epoch, or
 * {@code -1} for never
 * @param attributes the flash attributes
 */
record StoredFlashMap(@Nullable String path, @Nullable Map<String, List<String>> params, long expires,
		@Nullable Map<String, @Nullable Object> attributes) {

	static StoredFlashMap of(FlashMap flashMap) {
		return new StoredFlashMap(flashMap.getTargetRequestPath(),
				new LinkedHashMap<>(flashMap.getTargetRequestParams()), flashMap.getExpirationTime(),
				new LinkedHashMap<>(flashMap));
	}

	FlashMap toFlashMap() {
		FlashMap flashMap = new FlashMap();
		flashMap.setTargetRequestPath(this.path);
		if (this.params != null) {
			flashMap.addTargetRequestParams(new LinkedMultiValueMap<>(this.params));
		}
		flashMap.setExpirationTime(this.expires);
		if (this.attributes != null) {
			flashMap.putAll(this.attributes);
		}
		return flashMap;
	}

}
