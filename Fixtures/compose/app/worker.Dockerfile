FROM alpine:3.19
WORKDIR /app
COPY . .
CMD ["node", "src/worker.js"]
