package org.mmsspec.server.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a bundled scenario for the whole test class; test methods take the {@code MockMmsServer} (or its
 * {@code EventLog}) as a parameter. For a scenario built in code, register {@link MockMmsServerExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MockMmsServerExtension.class)
public @interface MockMmsServerTest {

    /** A name from {@code ScenarioFile.BUNDLED}. */
    String scenario() default "wms41";
}
