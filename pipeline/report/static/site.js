// Sortable, searchable tables for the report; plain JavaScript, no library, works from file://.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return v !== null ? v : cell.textContent.trim();
  }

  function compare(a, b) {
    // Empty cells (no action, no date) always sort last.
    if (a === "" && b === "") return 0;
    if (a === "") return 1;
    if (b === "") return -1;
    var na = Number(a), nb = Number(b);
    if (!isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });
  }

  function sortBy(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var a = cellValue(r1, index), b = cellValue(r2, index);
      if (a === "" || b === "") return compare(a, b);
      return ascending ? compare(a, b) : compare(b, a);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function updateCount(table) {
    var label = document.querySelector('[data-count-for="' + table.id + '"]');
    if (!label) return;
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) if (!rows[i].classList.contains("hidden")) shown++;
    label.textContent = shown + " of " + rows.length + " shown";
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    if (!table.tHead || !table.tBodies.length) return;
    table.tHead.addEventListener("click", function (event) {
      if (event.target.closest("a")) return; // a header link (matrix) navigates instead
      var th = event.target.closest("th");
      if (th) sortBy(table, th);
    });
    if (table.id) updateCount(table);
  });

  // A table's search box and its drop-downs (the changes page's treaty and participant) together decide
  // what shows: a drop-down keeps the rows whose data-ATTR equals its value.
  function applyFilters(table) {
    var input = document.querySelector('input[data-filter-table="' + table.id + '"]');
    var q = input ? input.value.trim().toLowerCase() : "";
    var selects = document.querySelectorAll('select[data-select-filter="' + table.id + '"]');
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var hide = q !== "" && row.textContent.toLowerCase().indexOf(q) === -1;
      Array.prototype.forEach.call(selects, function (sel) {
        if (sel.value !== "" && row.getAttribute("data-" + sel.getAttribute("data-attr")) !== sel.value) hide = true;
      });
      row.classList.toggle("hidden", hide);
    });
    updateCount(table);
  }

  document.querySelectorAll("input[data-filter-table], select[data-select-filter]").forEach(function (el) {
    var table = document.getElementById(el.getAttribute("data-filter-table") || el.getAttribute("data-select-filter"));
    if (!table) return;
    el.addEventListener(el.tagName === "SELECT" ? "change" : "input", function () { applyFilters(table); });
  });

  // World maps: the outlines come once from static/world.js; each page carries only who is what.
  var SVG = "http://www.w3.org/2000/svg";
  var LABELS = { p: "party", s: "signed, not a party", w: "withdrawn" };
  function svgEl(name, attrs) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }
  document.querySelectorAll(".worldmap[data-map]").forEach(function (box) {
    var world = window.TREATIES_WORLD;
    if (!world) return;
    var data = JSON.parse(box.getAttribute("data-map"));
    var svg = svgEl("svg", {
      viewBox: "0 0 " + world.width + " " + world.height, role: "img", "class": "worldmap-svg",
      width: "1000", height: String(Math.round(1000 * world.height / world.width))
    });
    var title = svgEl("title");
    title.textContent = box.getAttribute("data-label") || "";
    svg.appendChild(title);
    Object.keys(world.shapes).sort().forEach(function (code) {
      var entry = data[code];
      var path = svgEl("path", { d: world.shapes[code], "class": entry ? "c " + entry[0] : "c", "data-code": code });
      var tip = svgEl("title");
      // textContent, never markup: names come from the UN's pages.
      tip.textContent = (entry ? entry[1] : world.names[code]) + ": " + (entry ? LABELS[entry[0]] : "no action");
      path.appendChild(tip);
      svg.appendChild(path);
    });
    // Small states as dots, over the outlines: those the outlines lack and the specks.
    Object.keys(world.dots || {}).sort().forEach(function (code) {
      var entry = data[code];
      var xy = world.dots[code];
      var dot = svgEl("circle", { cx: xy[0], cy: xy[1], r: world.dot_radius, "class": entry ? "c dot " + entry[0] : "c dot", "data-code": code });
      var tip = svgEl("title");
      tip.textContent = (entry ? entry[1] : world.names[code]) + ": " + (entry ? LABELS[entry[0]] : "no action");
      dot.appendChild(tip);
      svg.appendChild(dot);
    });
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(svg);
  });
})();
