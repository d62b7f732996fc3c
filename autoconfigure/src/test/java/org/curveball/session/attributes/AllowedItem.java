package org.curveball.session.attributes;

/**
 * A user type on the allow-list of the tests.
 *
 * @param name the item's name
 * @param quantity how many
 */
public record AllowedItem(String name, int quantity) {
}
