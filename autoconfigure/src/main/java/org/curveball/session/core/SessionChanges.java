package org.curveball.session.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keys one request set and removed, to apply again on top of a session that another
 * request changed in the meantime.
 *
 * @param set the keys whose values this request set or changed, with their values
 * @param removed the keys this request removed
 */
record SessionChanges(Map<String, JsonNode> set, Set<String> removed) {

	static SessionChanges between(ObjectNode before, ObjectNode after) {
		Map<String, JsonNode> set = new LinkedHashMap<>();
		after.properties().forEach((entry) -> {
			if (!entry.getValue().equals(before.get(entry.getKey()))) {
				set.put(entry.getKey(), entry.getValue());
			}
		});
		Set<String> removed = new TreeSet<>(before.propertyNames());
		removed.removeAll(after.propertyNames());
		return new SessionChanges(set, removed);
	}

	ObjectNode applyTo(ObjectNode current) {
		ObjectNode merged = current.deepCopy();
		merged.remove(this.removed);
		merged.setAll(this.set);
		return merged;
	}

}
