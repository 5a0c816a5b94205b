# syntax=docker/dockerfile:1
# The orders service.
ARG GO_VERSION=1.23

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
ENV GOFLAGS=-mod=readonly
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=1.4.2" -o /usr/local/bin/orders ./cmd/server

FROM gcr.io/distroless/static-debian12
LABEL org.opencontainers.image.source="https://example.com/orders"
WORKDIR /src
ENV GOFLAGS=-mod=readonly
EXPOSE 8080
COPY --from=build /usr/local/bin/orders /usr/local/bin/orders
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/orders"]
CMD ["--listen", ":8080"]
