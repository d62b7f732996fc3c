/**
 * The session model: what a handler sees, the storage SPI, session ids and CSRF tokens.
 */
@NullMarked
package org.curveball.session;

import org.jspecify.annotations.NullMarked;
