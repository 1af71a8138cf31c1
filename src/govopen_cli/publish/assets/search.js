/* govopen 公开目录页面：本地搜索（不需要服务器）和大字版开关。无外部资源。 */
(function () {
  "use strict";
  var input = document.getElementById("search");
  var count = document.getElementById("count");
  var table = document.querySelector("table[data-searchable]");
  var large = document.getElementById("large-text");
  if (large) {
    var on = false;
    try { on = window.localStorage.getItem("govopen-large-text") === "1"; } catch (e) { on = false; }
    var apply = function () {
      document.documentElement.classList.toggle("large-text", on);
      large.setAttribute("aria-pressed", on ? "true" : "false");
    };
    apply();
    large.addEventListener("click", function () {
      on = !on;
      try { window.localStorage.setItem("govopen-large-text", on ? "1" : "0"); } catch (e) { /* file:// 无存储时照样切换 */ }
      apply();
    });
  }
  if (!input || !table) { return; }
  var bodies = Array.prototype.slice.call(table.tBodies);
  var total = table.querySelectorAll("tbody tr").length;
  function normalize(text) { return text.replace(/\s+/g, "").toLowerCase(); }
  bodies.forEach(function (body) {
    Array.prototype.forEach.call(body.rows, function (row) {
      row.setAttribute("data-text", normalize(row.textContent || ""));
    });
  });
  function filter() {
    var words = input.value.split(/\s+/).map(normalize).filter(Boolean);
    var shown = 0;
    bodies.forEach(function (body) {
      var group = body.querySelector("th[data-group]");
      var groupText = group ? normalize(group.textContent || "") : "";
      var visible = [];
      Array.prototype.forEach.call(body.rows, function (row) {
        var text = row.getAttribute("data-text") + groupText;
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) { visible.push(row); }
      });
      body.hidden = visible.length === 0;
      if (group && visible.length) {
        /* 合并的一级事项放到第一行可见的行，跨可见的行数。 */
        var first = visible[0];
        if (group.parentNode !== first) { first.insertBefore(group, first.cells[0] ? first.cells[0].nextSibling : null); }
        group.rowSpan = visible.length;
      }
      shown += visible.length;
    });
    if (count) {
      count.textContent = words.length ? "显示 " + shown + " 项，共 " + total + " 项" : "共 " + total + " 项";
    }
  }
  input.addEventListener("input", filter);
  filter();
}());
