# syntax=docker/dockerfile:1
# Layman Labs, self-hosted (docs/operators.md): build the bootable jar with the Maven wrapper,
# then run it on a JRE 17 as an unprivileged user.
#   docker build -t layman-labs .        or        docker compose up -d --build

# ---- build: the Maven wrapper, JDK 17, and Node.js 20 for Vaadin's production bundle ----------
# Vaadin 24.9 needs Node.js 20 or newer, which Debian 12 does not package: start from Node's own
# Debian 12 image and add Debian's JDK 17.
FROM node:20-bookworm-slim AS build
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The Maven repository and npm's cache live in BuildKit cache mounts, so a rebuild downloads
# nothing it already has. MAVEN_ARGS=-o builds offline from a filled cache (e.g. on a closed network).
ARG MAVEN_ARGS=""
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.npm \
    ./mvnw -B $MAVEN_ARGS clean package -DskipTests -pl frontend -am \
    && cp frontend/target/layman-labs.jar /layman-labs.jar

# ---- runtime: a JRE 17 and the jar, nothing else but curl for the health check ----------------
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin layman \
    && mkdir -p /data \
    && chown layman /data
COPY --from=build /layman-labs.jar /app/layman-labs.jar
# Every setting is an environment variable (docs/operators.md); these two fit the image's layout.
ENV LAYMAN_DATA_DIR=/data \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /data
# 8080: the web app and its REST API; 2375: the sandboxes' Docker Engine API, for learners' own docker CLI.
EXPOSE 8080 2375
USER 10001
# Ready means started with its database reachable: Actuator's readiness group.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/layman-labs.jar"]
