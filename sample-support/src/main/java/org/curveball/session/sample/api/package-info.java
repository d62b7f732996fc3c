/**
 * The JSON API over the request's session that both samples serve, servlet and WebFlux.
 */
@NullMarked
package org.curveball.session.sample.api;

import org.jspecify.annotations.NullMarked;
