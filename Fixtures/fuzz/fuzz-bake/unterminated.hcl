target "a" {
  context = "unterminated
}
