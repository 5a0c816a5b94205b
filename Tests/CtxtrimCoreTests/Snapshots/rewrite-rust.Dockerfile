FROM rust:1.83-bookworm AS build
WORKDIR /usr/src/ferry
COPY Cargo.toml Cargo.lock ./
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git/db \
    mkdir -p src && touch src/main.rs && cargo fetch --locked
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git/db \
    --mount=type=cache,target=/usr/src/ferry/target \
    cargo build --release --locked && cp target/release/ferry /usr/local/bin/ferry
ENV RUST_LOG=info

FROM gcr.io/distroless/cc-debian12
WORKDIR /usr/src/ferry
ENV RUST_LOG=info
EXPOSE 3000
COPY --from=build /usr/local/bin/ferry /usr/local/bin/ferry
CMD ["/usr/local/bin/ferry"]
