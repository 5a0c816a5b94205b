const test = require("node:test");
const assert = require("node:assert");

test("password field is never logged", () => {
  const password = "not-a-secret";
  assert.notStrictEqual(password, "");
});
