# syntax=docker/dockerfile:1
# ctxtrim's own image: scripts/package builds the portable binary (Swift standard library, Foundation and libgit2
# all linked statically, stripped), and the image holds that one file on distroless/cc, which supplies glibc.
#
#   docker build -t ctxtrim .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/context" ctxtrim scan .
FROM swift:6.3-bookworm AS build
# The static archives scripts/package links (it names the package of any that is missing), and python3 and
# binutils (objcopy, strip) for its ICU data subset.
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libgit2-dev libmbedtls-dev libhttp-parser-dev libssh2-1-dev libssl-dev libpcre2-dev zlib1g-dev \
        libstdc++-12-dev pkg-config python3-minimal binutils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift README.md LICENSE ./
COPY Sources ./Sources
COPY Tests/TestSupport ./Tests/TestSupport
COPY scripts/package ./scripts/
COPY scripts/package-support ./scripts/package-support
# SwiftPM wants every declared test target's folder to exist, even to build one product (test targets are the
# names ending in Tests; a declaration may span lines, so match the name alone).
RUN for t in $(sed -n 's/.*name: "\([A-Za-z]*Tests\)".*/\1/p' Package.swift); do mkdir -p "Tests/$t"; done
# The tarball's timestamps; pass the commit's time (git log -1 --format=%ct) for a reproducible tarball.
ARG SOURCE_DATE_EPOCH=0
RUN SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH" ./scripts/package --output /out \
    && tar -xzf /out/ctxtrim-*-linux-*.tar.gz -C /out --strip-components=2 --wildcards '*/bin/ctxtrim' \
    && /out/ctxtrim --version

# glibc (libc, libm, the loader) is all the binary needs; distroless/cc-debian12 carries Debian 12's, the same
# glibc 2.36 the build stage links against, and gets its security updates, which a hand-copied glibc on scratch
# would not.
FROM gcr.io/distroless/cc-debian12
COPY --from=build /out/ctxtrim /ctxtrim
WORKDIR /context
ENTRYPOINT ["/ctxtrim"]
CMD ["scan", "."]
