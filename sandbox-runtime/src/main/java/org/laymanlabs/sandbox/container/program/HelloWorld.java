package org.laymanlabs.sandbox.container.program;

/**
 * The hello-world image's {@code /hello}: a static binary that writes its one message to
 * standard output and exits 0 (docker-library/hello-world hello.c, built for amd64). The message
 * is the program's output, so it is the real one, word for word.
 */
final class HelloWorld implements Program {

    static final String MESSAGE = """

            Hello from Docker!
            This message shows that your installation appears to be working correctly.

            To generate this message, Docker took the following steps:
             1. The Docker client contacted the Docker daemon.
             2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
                (amd64)
             3. The Docker daemon created a new container from that image which runs the
                executable that produces the output you are currently reading.
             4. The Docker daemon streamed that output to the Docker client, which sent it
                to your terminal.

            To try something more ambitious, you can run an Ubuntu container with:
             $ docker run -it ubuntu bash

            Share images, automate workflows, and more with a free Docker ID:
             https://hub.docker.com/

            For more examples and ideas, visit:
             https://docs.docker.com/get-started/
            """;

    @Override
    public Process start(ProcessContext context) {
        MESSAGE.lines().forEach(context::stdout);
        context.stdout("");
        context.exit(0);
        return Process.IGNORES_SIGNALS;
    }
}
