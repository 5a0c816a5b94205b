const { Router } = require("express");

const router = Router();
const notes = [];
router.get("/", (_req, res) => res.json(notes));
router.post("/", (req, res) => {
  notes.push(req.body);
  res.status(201).end();
});
module.exports = router;
