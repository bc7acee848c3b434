package org.laymanlabs.frontend;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.laymanlabs.LaymanLabsApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app on a random port, as an operator would start it, with its data under target/.
 * Every test class that uses it shares one started app.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = LaymanLabsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "layman.data-dir=" + AppTest.DATA_DIR)
public @interface AppTest {

    String DATA_DIR = "target/app-test-data";
}
