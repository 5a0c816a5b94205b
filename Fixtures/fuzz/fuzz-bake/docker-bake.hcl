variable "TAG" { default = "1.0" }
variable "EMPTY" {}
REGISTRY = "registry.example"
function "image" {
  params = [name]
  result = "${REGISTRY}/${name}:${TAG}"
}
group "default" { targets = ["app", "worker"] }
/* shared */
target "_common" {
  args = { TAG = TAG, FLAG = TAG == "1.0" ? "yes" : "no", N = 1 + 2 * 3 }
  contexts = { lib = "libs" }
}
target "app" {
  inherits = ["_common"]
  context = "services/app" // trailing
  dockerfile = "Dockerfile"
  target = "runtime"
  tags = [image("app")]
}
target "worker" {
  inherits = ["_common"]
  dockerfile-inline = <<-EOT
    FROM alpine
    RUN echo $${HOME} ${upper(TAG)}
    EOT
  args = { JOINED = join(",", split(".", TAG)), F = format("%s-%d", "x", 2) }
}
target "matrix" {
  matrix = { v = ["a", "b"], item = [{ d = "x" }] }
  name = "m-${v}-${item.d}"
  context = "m/${item.d}"
}
