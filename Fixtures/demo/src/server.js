const express = require("express");
const orders = require("./routes/orders");

const app = express();
app.use("/orders", orders);
app.get("/healthz", (_req, res) => res.send("ok"));
app.listen(process.env.PORT || 3000);
