# Layman Labs, self-hosted: build the bootable jar, then run it on a JRE 17.

# The Vaadin production build needs Node.js 20+, so the build stage starts from Node's image
# and adds Debian's JDK 17.
FROM node:20-bookworm-slim AS build
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw clean package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data layman \
    && mkdir -p /data && chown layman /data
COPY --from=build /src/frontend/target/layman-labs.jar /app/layman-labs.jar
ENV LAYMAN_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
USER layman
ENTRYPOINT ["java", "-jar", "/app/layman-labs.jar"]
