import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// Other shapes real projects write, each rewritten with the lines that matter: FastAPI's documented Dockerfile
/// (an absolute requirements path), a Node.js app with a build script, `COPY package*.json ./` already first, and a
/// cross-compiled Go build.
@Suite struct DockerfileRewriteShapeTests {
    struct Shape: Sendable, CustomStringConvertible {
        var name: String
        var files: [String: String]
        var expected: [String]
        var description: String { name }
    }

    static let shapes: [Shape] = [
        Shape(
            name: "FastAPI's documented Dockerfile",
            files: [
                "requirements.txt": "fastapi[standard]>=0.113.0,<0.114.0\n", "app/__init__.py": "", "app/main.py": "\n",
                "Dockerfile": """
                FROM python:3.9
                WORKDIR /code
                COPY ./requirements.txt /code/requirements.txt
                RUN pip install --no-cache-dir --upgrade -r /code/requirements.txt
                COPY ./app /code/app
                CMD ["fastapi", "run", "app/main.py", "--port", "80"]

                """,
            ],
            expected: [
                "COPY requirements.txt /code/requirements.txt", "    pip install -r /code/requirements.txt",
                "FROM python:3.9-slim", "COPY ./app /code/app",
            ]),
        Shape(
            name: "a Node.js app with a build script",
            files: [
                "package.json": "{\"scripts\": {\"build\": \"tsc\", \"start\": \"node dist/server.js\"}}\n",
                "package-lock.json": "{\"packages\": {}}\n", "src/server.ts": "\n",
                "Dockerfile": """
                FROM node:20
                WORKDIR /app
                COPY package*.json ./
                RUN npm ci
                COPY . .
                RUN npm run build
                CMD ["npm", "start"]

                """,
            ],
            expected: [
                "COPY package*.json ./", "    npm ci", "RUN npm run build && npm prune --omit=dev", "FROM node:20-slim",
                "COPY --from=build /app /app",
            ]),
        Shape(
            name: "a cross-compiled Go build",
            files: [
                "go.mod": "module example.com/x\n\ngo 1.23\n", "go.sum": "\n",
                "main.go": "package main\n\nfunc main() {}\n",
                "Dockerfile": """
                FROM golang:1.23-alpine
                WORKDIR /app
                COPY go.mod go.sum ./
                RUN go mod download
                COPY *.go ./
                RUN CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -o /docker-gs-ping
                EXPOSE 8080
                CMD ["/docker-gs-ping"]

                """,
            ],
            expected: [
                "COPY go.mod go.sum ./", "COPY *.go ./",
                "    GOOS=linux GOARCH=arm64 CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o /docker-gs-ping",
                "FROM gcr.io/distroless/static-debian12", "COPY --from=build /docker-gs-ping /docker-gs-ping",
            ]),
    ]

    @Test(arguments: shapes)
    func rewritten(_ shape: Shape) throws {
        let tree = try TemporaryTree("rewrite-shape")
        for (path, contents) in shape.files { _ = try tree.write(path, contents) }
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        guard case .proposed(let rewrite) = try DockerfileRewriter(context: context).run() else {
            Issue.record("\(shape.name) was left alone: \(try DockerfileRewriter(context: context).run())")
            return
        }
        let lines = rewrite.text.split(separator: "\n").map(String.init)
        for line in shape.expected {
            #expect(lines.contains(line), "\(shape.name) lacks `\(line)`:\n\(rewrite.text)")
        }
    }
}
