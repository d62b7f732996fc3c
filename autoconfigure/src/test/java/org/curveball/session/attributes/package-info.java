/**
 * Types that the tests allow to be stored with their type id.
 */
@NullMarked
package org.curveball.session.attributes;

import org.jspecify.annotations.NullMarked;
