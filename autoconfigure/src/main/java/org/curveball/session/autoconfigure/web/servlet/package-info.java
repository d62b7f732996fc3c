/**
 * Auto-configuration of Curveball sessions in servlet web applications.
 */
@NullMarked
package org.curveball.session.autoconfigure.web.servlet;

import org.jspecify.annotations.NullMarked;
