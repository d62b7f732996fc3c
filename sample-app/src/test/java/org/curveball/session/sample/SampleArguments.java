package org.curveball.session.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Start-up arguments of the sample instances that {@link TwoSampleInstances} runs for the
 * annotated test class, such as {@code --sample.security.maximum-sessions=1}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface SampleArguments {

	/**
	 * The arguments, as on a command line.
	 * @return the arguments
	 */
	String[] value();

}
