package org.curveball.session.web.reactive;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.curveball.session.Session;
import org.curveball.session.web.SessionAttributeValues;

/**
 * The attributes of a {@link SessionWebSession}: a live, mutable map over the session's
 * values, which stores objects that are not plain JSON with their type id.
 */
final class SessionAttributeMap extends AbstractMap<String, Object> {

	private final Session session;

	private final SessionAttributeValues values;

	SessionAttributeMap(Session session, SessionAttributeValues values) {
		this.session = session;
		this.values = values;
	}

	@Override
	public @Nullable Object get(Object key) {
		return (key instanceof String name) ? this.session.get(name) : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return (key instanceof String name) && this.session.asMap().containsKey(name);
	}

	@Override
	public @Nullable Object put(String key, Object value) {
		Object previous = this.session.get(key);
		this.values.set(this.session, key, value);
		return previous;
	}

	@Override
	public @Nullable Object remove(Object key) {
		if (!(key instanceof String name)) {
			return null;
		}
		Object previous = this.session.get(name);
		this.session.remove(name);
		return previous;
	}

	@Override
	public void clear() {
		this.session.clear();
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<String, Object>> iterator() {
				Iterator<Entry<String, @Nullable Object>> entries = Map.copyOf(nonNull()).entrySet().iterator();
				return new Iterator<>() {

					private @Nullable String last;

					@Override
					public boolean hasNext() {
						return entries.hasNext();
					}

					@Override
					public Entry<String, Object> next() {
						Entry<String, @Nullable Object> entry = entries.next();
						this.last = entry.getKey();
						return new SimpleImmutableEntry<>(entry.getKey(), entry.getValue());
					}

					@Override
					public void remove() {
						String key = this.last;
						if (key == null) {
							throw new IllegalStateException("next() was not called");
						}
						SessionAttributeMap.this.session.remove(key);
						this.last = null;
					}

				};
			}

			@Override
			public int size() {
				return nonNull().size();
			}

		};
	}

	private Map<String, @Nullable Object> nonNull() {
		Map<String, @Nullable Object> all = new LinkedHashMap<>(this.session.asMap());
		all.values().removeIf(Objects::isNull);
		return all;
	}

}
