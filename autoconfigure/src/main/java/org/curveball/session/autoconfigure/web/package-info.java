/**
 * Configuration that the servlet and reactive auto-configurations of Curveball sessions
 * share.
 */
@NullMarked
package org.curveball.session.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
