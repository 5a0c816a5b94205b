# syntax=docker/dockerfile:1
# Build ctxtrim in the Swift image, ship only the static binary and libgit2 on a slim image.
FROM swift:6.0-bookworm AS build
RUN apt-get update -qq && apt-get install -y -qq libgit2-dev pkg-config && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
# SwiftPM wants every declared test target's folder to exist, even to build one product.
RUN for t in $(grep -o 'testTarget(name: "[A-Za-z]*"' Package.swift | sed 's/.*"\(.*\)"/\1/'); do mkdir -p "Tests/$t"; done
RUN swift build -c release --static-swift-stdlib --product ctxtrim \
    && install -D "$(swift build -c release --show-bin-path)/ctxtrim" /out/ctxtrim

FROM debian:bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq libgit2-1.5 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/ctxtrim /usr/local/bin/ctxtrim
WORKDIR /context
ENTRYPOINT ["ctxtrim"]
CMD ["scan", "."]
