# A container image for CI: `docker build -t minutebook .` then, in a site's folder,
# `docker run --rm -v "$PWD:/site" minutebook build` (any minutebook command works the same way).
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin minutebook

FROM debian:bookworm-slim
COPY --from=build /src/target/release/minutebook /usr/local/bin/minutebook
WORKDIR /site
ENTRYPOINT ["minutebook"]
CMD ["build"]
