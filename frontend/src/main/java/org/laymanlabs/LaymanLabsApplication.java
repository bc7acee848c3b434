package org.laymanlabs;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Layman Labs: the web app that puts a lesson beside a live sandbox. Starts the backend and the UI. */
@SpringBootApplication
@Theme("layman")
// Push carries a following command's output (kubectl get -w) to the terminal as it happens.
@Push
public class LaymanLabsApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(LaymanLabsApplication.class, args);
    }
}
