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

  // Search box and group filter (the index's "current / older snapshots") together decide what shows.
  function applyFilters(table) {
    var input = document.querySelector('input[data-filter-table="' + table.id + '"]');
    var q = input ? input.value.trim().toLowerCase() : "";
    var checked = document.querySelector('input[data-group-filter="' + table.id + '"]:checked');
    var group = checked ? checked.value : "";
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var hide = (q !== "" && row.textContent.toLowerCase().indexOf(q) === -1) ||
        (group !== "" && row.getAttribute("data-group") !== group);
      row.classList.toggle("hidden", hide);
    });
    updateCount(table);
  }

  document.querySelectorAll("input[data-filter-table], input[data-group-filter]").forEach(function (input) {
    var id = input.getAttribute("data-filter-table") || input.getAttribute("data-group-filter");
    var table = document.getElementById(id);
    if (!table) return;
    input.addEventListener(input.type === "radio" ? "change" : "input", function () { applyFilters(table); });
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
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(svg);
  });
})();
