import Foundation
import TestSupport
import Testing

/// A well-kept multi-service repository passes the default `check`: 90 of 128 default runs on real repositories
/// failed only because a small clean context had no ignore file.
@Suite struct CleanRepositoryTests {
    /// A Go API and a Python worker without `.dockerignore`, a Node frontend with one (and its git-ignored
    /// `node_modules/` and `dist/` on disk, as in a developer's checkout), a compose file, all committed.
    static func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree("clean-repo")
        try tree.write(
            "compose.yaml",
            """
            services:
              api:
                build: ./api
                ports: ["8080:8080"]
              web:
                build:
                  context: ./web
                ports: ["3000:80"]
              worker:
                build:
                  context: worker
                  dockerfile: Dockerfile
              redis:
                image: redis:7.4-alpine

            """)
        try tree.write("README.md", "# shop\n\nAPI, web frontend and background worker.\n")
        try tree.write(".gitignore", "node_modules/\ndist/\n__pycache__/\n*.pyc\n.env\n")

        try tree.write(
            "api/Dockerfile",
            """
            # syntax=docker/dockerfile:1
            FROM golang:1.24-alpine AS build
            WORKDIR /src
            COPY go.mod go.sum ./
            RUN --mount=type=cache,target=/go/pkg/mod go mod download
            COPY . .
            RUN --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go build -o /out/api ./cmd/api

            FROM gcr.io/distroless/static-debian12:nonroot
            COPY --from=build /out/api /api
            EXPOSE 8080
            ENTRYPOINT ["/api"]

            """)
        try tree.write(
            "api/go.mod", "module example.com/shop/api\n\ngo 1.24\n\nrequire github.com/go-chi/chi/v5 v5.1.0\n")
        try tree.write(
            "api/go.sum",
            "github.com/go-chi/chi/v5 v5.1.0 h1:acVI1TYaD+hhedDJ3r54HyA6sExp3HfXq7QWEEY/xMw=\n"
                + "github.com/go-chi/chi/v5 v5.1.0/go.mod h1:DslCQbL2OYiznFReuXYUmQ2hGd1aDpCnlMNITLSKoi8=\n")
        try tree.write(
            "api/cmd/api/main.go",
            """
            package main

            import (
            \t"log"
            \t"net/http"

            \t"example.com/shop/api/internal/handlers"
            )

            func main() {
            \tlog.Fatal(http.ListenAndServe(":8080", handlers.Router()))
            }

            """)
        try tree.write(
            "api/internal/handlers/health.go",
            """
            package handlers

            import (
            \t"net/http"

            \t"github.com/go-chi/chi/v5"
            )

            func Router() http.Handler {
            \tr := chi.NewRouter()
            \tr.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
            \treturn r
            }

            """)

        try tree.write(
            "web/Dockerfile",
            """
            FROM node:22-alpine AS build
            WORKDIR /app
            COPY package.json package-lock.json ./
            RUN npm ci
            COPY . .
            RUN npm run build

            FROM nginx:1.27-alpine
            COPY --from=build /app/dist /usr/share/nginx/html

            """)
        try tree.write("web/.dockerignore", "node_modules\ndist\n*.log\n")
        try tree.write(
            "web/package.json",
            """
            {
              "name": "shop-web",
              "private": true,
              "scripts": { "build": "vite build", "dev": "vite" },
              "devDependencies": { "vite": "^5.4.0" }
            }

            """)
        try tree.write("web/package-lock.json", "{\n  \"name\": \"shop-web\",\n  \"lockfileVersion\": 3\n}\n")
        try tree.write(
            "web/index.html", "<!doctype html>\n<div id=\"app\"></div>\n<script src=\"/src/main.js\"></script>\n")
        try tree.write("web/src/main.js", "document.querySelector('#app').textContent = 'shop'\n")

        try tree.write(
            "worker/Dockerfile",
            """
            FROM python:3.12-slim
            WORKDIR /srv
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt
            COPY worker/ ./worker/
            CMD ["python", "-m", "worker"]

            """)
        try tree.write("worker/requirements.txt", "celery==5.4.0\nredis==5.0.8\n")
        try tree.write("worker/worker/__init__.py", "")
        try tree.write(
            "worker/worker/__main__.py",
            "from worker.tasks import app\n\nif __name__ == \"__main__\":\n    app.worker_main()\n")
        try tree.write(
            "worker/worker/tasks.py",
            "from celery import Celery\n\napp = Celery(\"shop\", broker=\"redis://redis:6379/0\")\n\n"
                + "@app.task\ndef send_receipt(order_id: int) -> None:\n    print(order_id)\n")

        try GitRepository.create(in: tree).commitAll("shop")
        // A developer's checkout: what git ignores is on disk.
        try tree.write("web/node_modules/vite/package.json", "{\"name\": \"vite\"}\n")
        try tree.write("web/node_modules/vite/dist/node/cli.js", String(repeating: "x", count: 40_000))
        try tree.write("web/dist/index.html", "<!doctype html>\n")
        return tree
    }

    @Test(arguments: ["api", "web", "worker"])
    func eachServiceAlonePassesTheDefaultCheck(service: String) throws {
        let tree = try Self.repository()
        let result = try CtxtrimProcess.run(["check", tree.path(service)])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
        #expect(result.lines.count == 1 && result.output.hasPrefix("✔ ctxtrim check passed"), "\(result.output)")

        let json = try CtxtrimProcess.run(["check", tree.path(service), "--format", "json"])
        let document = try #require(JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let checks = findings.compactMap { $0["check"] as? String }
        // Nothing to keep out, so no word about a missing ignore file, no bulk, no large file.
        for id in ["ignore-file-missing", "untracked-bulk", "large-file", "git-ignored-sent"] {
            #expect(!checks.contains(id), "\(service): \(findings)")
        }
        let check = try #require(document["check"] as? [String: Any])
        #expect(check["failed"] as? Bool == false)
        #expect(check["missingIgnoreFile"] == nil)
        #expect((check["violations"] as? [Any])?.isEmpty == true)
    }

    @Test func checkAllPassesEveryBuild() throws {
        let tree = try Self.repository()
        let result = try CtxtrimProcess.run(["check", "--all", tree.path])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
        #expect(result.output.hasSuffix("✔ all 3 builds passed\n"), "\(result.output)")
        let sarif = try CtxtrimProcess.run(["check", "--all", tree.path, "--format", "sarif"])
        #expect(sarif.status == 0)
        #expect(!sarif.output.contains("\"ruleId\": \"ignore-file-missing\""), "\(sarif.output)")
    }

    /// The same repository after a day of local work: an untracked dump in the API's context turns the missing
    /// ignore file into a warning that names it; the default check still passes, `--fail-on warning` does not.
    @Test func aLocalDumpMakesTheMissingIgnoreFileAWarningThatNamesIt() throws {
        let tree = try Self.repository()
        let path = try tree.write("api/testdata/prod.sql", "")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 120 << 20)
        try handle.close()
        let result = try CtxtrimProcess.run(["check", tree.path("api")])
        #expect(result.status == 0, "\(result.output)")
        let strict = try CtxtrimProcess.run(["check", tree.path("api"), "--fail-on", "warning"])
        #expect(strict.status == 1)
        #expect(strict.output.contains("large-file  testdata/prod.sql (120 MiB)"), "\(strict.output)")
        #expect(strict.output.contains("including `testdata/prod.sql` (120 MiB, large-file)"), "\(strict.output)")
        #expect(strict.output.contains("untracked-bulk"), "\(strict.output)")
    }
}
