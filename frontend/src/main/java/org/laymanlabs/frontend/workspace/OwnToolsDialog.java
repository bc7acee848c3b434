package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.laymanlabs.backend.workspace.OwnTools;

/**
 * "Use your own tools": how a learner points the kubectl and docker on their own computer at this
 * sandbox, in a beginner's words. The token is made only when they ask for it (it is shown once
 * and works like a password for this sandbox alone), and "Turn off" ends every token at once.
 */
final class OwnToolsDialog extends Dialog {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OwnToolsDialog.class);

    private final Function<String, OwnTools.Connection> connect;
    private final Runnable disconnect;
    private final Div body = new Div();

    /**
     * @param connect    issues a token and the details for the name the learner reaches this site by
     * @param disconnect ends every token of the sandbox
     */
    OwnToolsDialog(Function<String, OwnTools.Connection> connect, Runnable disconnect) {
        this.connect = connect;
        this.disconnect = disconnect;
        addClassName("own-tools");
        setHeaderTitle("Use your own tools");
        setWidth("min(900px, 95vw)");
        body.addClassName("own-tools-body");
        add(body);
        Button close = new Button("Close", e -> close());
        getFooter().add(close);
        intro();
    }

    private void intro() {
        body.removeAll();
        Button show = new Button("Show my connection details", VaadinIcon.KEY_O.create(), e -> details());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        body.add(new Paragraph("The terminal here is one way to work. You can also use kubectl and docker on your own "
                        + "computer: they send their commands over the internet to this sandbox, so what you do there "
                        + "shows up here, on the map and in “Check my work”. Nothing runs on your computer."),
                new Paragraph("Your connection details include a key (a token) that opens this sandbox and nothing else. "
                        + "Keep it like a password. It stops working when you reset the lab."),
                show);
    }

    private void details() {
        String host = hostName(VaadinRequest.getCurrent());
        OwnTools.Connection connection;
        try {
            connection = connect.apply(host);
        } catch (RuntimeException e) {
            log.error("A learner's connection details could not be made", e);
            intro();
            body.addComponentAsFirst(new Paragraph("Your connection details could not be made just now: a problem on "
                    + "our side. Try again in a moment."));
            return;
        }
        body.removeAll();
        TabSheet tools = new TabSheet();
        tools.addClassName("own-tools-tabs");
        tools.add("kubectl", kubectl(connection));
        tools.add("docker", docker(connection));
        Button turnOff = new Button("Turn off access from my computer", VaadinIcon.BAN.create(), e -> {
            try {
                disconnect.run();
            } catch (RuntimeException failed) {
                body.addComponentAsFirst(new Paragraph("Your keys could not be turned off just now: a problem on our "
                        + "side. Try again in a moment."));
                return;
            }
            intro();
            body.addComponentAsFirst(new Paragraph("Done: every key you were given for this sandbox stopped working."));
        });
        turnOff.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        Paragraph shownOnce = new Paragraph("This key is shown once. If you lose it, open this window again for a new one.");
        shownOnce.addClassName("own-tools-note");
        body.add(tools, shownOnce, turnOff);
    }

    private Div kubectl(OwnTools.Connection connection) {
        Div tab = new Div();
        if (connection.kubeconfig().isEmpty()) {
            tab.add(new Paragraph("This site does not offer the Kubernetes API, so only the terminal here can use "
                    + "kubectl. Ask the people who run it if you would like to."));
            return tab;
        }
        String kubeconfig = connection.kubeconfig().get();
        byte[] bytes = kubeconfig.getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), "layman-labs.kubeconfig", "application/yaml", bytes.length)),
                "Download layman-labs.kubeconfig");
        download.getElement().setAttribute("download", "layman-labs.kubeconfig");
        download.addClassName("button-link");
        tab.add(new H4("1. Save your kubeconfig"),
                new Paragraph("A kubeconfig tells kubectl where a cluster is and how to prove who you are. Download it, "
                        + "or copy it into a file called layman-labs.kubeconfig."),
                download, new CodeBlock(kubeconfig, "yaml", lines -> { }),
                new H4("2. Point kubectl at it, in your own terminal"),
                new Paragraph("Only that terminal window uses it; your other clusters are left alone."),
                new CodeBlock("export KUBECONFIG=~/Downloads/layman-labs.kubeconfig\nkubectl get nodes", "text", lines -> { }),
                new Paragraph("kubectl lists this sandbox's nodes. Close the window (or unset KUBECONFIG) to go back."));
        return tab;
    }

    private Div docker(OwnTools.Connection connection) {
        Div tab = new Div();
        if (connection.dockerHost().isEmpty()) {
            tab.add(new Paragraph("This site does not offer the Docker Engine API, so only the terminal here can use "
                    + "docker. Ask the people who run it if you would like to."));
            return tab;
        }
        tab.add(new H4("1. Give docker your key"),
                new Paragraph("Make a folder called .layman-docker in your home folder and save this in it as "
                        + "config.json. docker then sends your key with every command."),
                wrapped(new CodeBlock(connection.dockerConfig(), "json", lines -> { })),
                new H4("2. Point docker at this sandbox, in your own terminal"),
                new Paragraph("DOCKER_HOST says where the Docker engine is: here, not on your computer."),
                wrapped(new CodeBlock(String.join("\n", List.of(
                        "export DOCKER_HOST=" + connection.dockerHost().get(),
                        "export DOCKER_CONFIG=~/.layman-docker",
                        "export DOCKER_BUILDKIT=0",
                        "docker version")), "text", lines -> { })),
                new Paragraph("“Server: Docker Engine” in the answer is this sandbox. A container's published port "
                        + "belongs to the sandbox: reach it with curl in the terminal here."));
        return tab;
    }

    /** A block whose long lines (the token) wrap: a line that scrolls sideways hides half the key. */
    private static CodeBlock wrapped(CodeBlock block) {
        block.addClassName("wrap");
        return block;
    }

    /** The name the learner's browser reached this site by (the Host header without its port). */
    static String hostName(VaadinRequest request) {
        String host = request == null ? null : request.getHeader("Host");
        return host == null || host.isBlank() ? "localhost" : host.strip().replaceFirst(":\\d+$", "");
    }
}
