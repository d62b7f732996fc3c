package org.curveball.session.attributes;

import java.util.List;

/**
 * A user type on the allow-list of the tests.
 *
 * @param id the cart's id
 * @param items what it holds
 */
public record AllowedCart(String id, List<Object> items) {
}
