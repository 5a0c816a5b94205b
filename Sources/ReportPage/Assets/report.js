"use strict";
(function () {
  const data = JSON.parse(document.getElementById("ctxtrim-data").textContent);
  const app = document.getElementById("app");
  for (const view of data.views) {
    const heading = document.createElement("h1");
    heading.textContent = "ctxtrim " + data.command + ": " + view.report.context.root;
    app.appendChild(heading);
    const pre = document.createElement("pre");
    pre.textContent = JSON.stringify(view.report, null, 2);
    app.appendChild(pre);
  }
  document.documentElement.dataset.rendered = "1";
})();
