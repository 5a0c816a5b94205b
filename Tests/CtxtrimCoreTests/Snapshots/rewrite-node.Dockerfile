FROM node:22-bookworm AS build
ENV NODE_ENV=production
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /usr/src/app
COPY . .
COPY --from=build /usr/src/app/node_modules /usr/src/app/node_modules
EXPOSE 3000
USER node
CMD ["node", "src/server.js"]
