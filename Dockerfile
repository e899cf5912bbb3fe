# Earned in a container: `docker build -t earned .`, then
#   docker run -d --name earned -p 8080:8080 -v earned-data:/data earned
# The SQLite file lives in the /data volume; for PostgreSQL pass -e EARNED_DATABASE_URL=….

# ---- build: the official Swift image, release build with the Swift libraries linked in ----
FROM swift:6.3-noble AS build
WORKDIR /build
# Dependencies first, so that a change to the sources alone reuses this layer.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product earned --static-swift-stdlib \
    && mkdir /staging \
    && cp "$(swift build -c release --show-bin-path)/earned" /staging/ \
    && cp /usr/libexec/swift/linux/swift-backtrace-static /staging/

# ---- run: a slim Ubuntu of the same release (same glibc) ----
FROM ubuntu:noble
# tzdata: business hours and time zones of locations; ca-certificates: webhooks and PostgreSQL
# over TLS; libstdc++6 and zlib1g: what the binary links besides glibc (SQLite, BoringSSL and
# the Swift runtime are inside it); curl: the health check.
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends tzdata ca-certificates libstdc++6 zlib1g curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --user-group --home-dir /data --no-create-home --shell /usr/sbin/nologin earned \
    && mkdir -p /data \
    && chown earned:earned /data
COPY --from=build /staging/earned /usr/local/bin/earned
COPY --from=build /staging/swift-backtrace-static /usr/local/libexec/swift-backtrace-static
ENV EARNED_HOSTNAME=0.0.0.0 \
    EARNED_PORT=8080 \
    EARNED_SQLITE_PATH=/data/earned.sqlite \
    SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=/usr/local/libexec/swift-backtrace-static
VOLUME /data
WORKDIR /data
USER earned:earned
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${EARNED_PORT}/health" || exit 1
ENTRYPOINT ["/usr/local/bin/earned"]
CMD ["serve"]
