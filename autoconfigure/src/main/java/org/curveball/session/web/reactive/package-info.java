/**
 * Curveball sessions in Spring WebFlux: the {@code WebFilter} that gives every exchange
 * its session, the {@code Session} handler parameter, the session of functional
 * endpoints, and the {@code WebSession} view.
 */
@NullMarked
package org.curveball.session.web.reactive;

import org.jspecify.annotations.NullMarked;
