/* The dashboard's progressive enhancement: every page works without it.
   1. Tables with th[data-sort] sort by a column when its heading's button is pressed.
   2. Pages with a #live-status that names a stream follow /api/stream: on each event (after
      ~300 ms of quiet) they refetch their numbers as JSON and update them in place.
   Every text shown comes from the page (data-text-*), so this file has no language. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 300;

  function valueOf(row, name) {
    var cell = row.querySelector('[data-indicator="' + name + '"]');
    var raw = cell ? cell.getAttribute("data-value") : "";
    return raw === "" || raw === null ? null : Number(raw);
  }

  function sortRows(table, name, direction) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = valueOf(a, name);
      var y = valueOf(b, name);
      // A ward without a value goes last whichever way: "no data" is not the best or worst.
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return direction === "ascending" ? x - y : y - x;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      th.setAttribute("aria-sort", th.getAttribute("data-sort") === name ? direction : "none");
    });
    table.setAttribute("data-sorted-by", name);
    table.setAttribute("data-sorted-direction", direction);
  }

  function resort(table) {
    var name = table.getAttribute("data-sorted-by");
    if (name) sortRows(table, name, table.getAttribute("data-sorted-direction"));
  }

  document.querySelectorAll("table").forEach(function (table) {
    table.querySelectorAll("th[data-sort] button").forEach(function (button) {
      button.addEventListener("click", function () {
        var th = button.closest("th");
        // First press: the largest first; a second press reverses.
        var next = th.getAttribute("aria-sort") === "descending" ? "ascending" : "descending";
        sortRows(table, th.getAttribute("data-sort"), next);
      });
    });
  });

  var status = document.getElementById("live-status");
  if (!status) return;
  var stream = status.getAttribute("data-stream");
  var api = status.getAttribute("data-api");
  if (!stream || !api || !window.EventSource || !window.fetch) return;

  var good = Number(status.getAttribute("data-good"));
  var fair = Number(status.getAttribute("data-fair"));
  var few = Number(status.getAttribute("data-few"));
  var types = [];
  try { types = JSON.parse(status.getAttribute("data-types") || "[]"); } catch (e) { types = []; }

  function text(name) { return status.getAttribute("data-text-" + name) || ""; }

  function say(state, message) {
    status.setAttribute("data-state", state);
    if (status.textContent !== message) status.textContent = message;
  }

  function shown(cell, value) {
    if (value === null || value === undefined) return "—";
    if (cell.getAttribute("data-format") === "decimal") return Number(value).toFixed(1);
    return String(value);
  }

  function grade(cell, value) {
    var rule = cell.getAttribute("data-grading");
    if (!rule) return null;
    if (value === null || value === undefined) return "na";
    if (rule === "higher") return value >= good ? "good" : value >= fair ? "fair" : "poor";
    return value === 0 ? "good" : value <= few ? "fair" : "poor";
  }

  function setValue(cell, value) {
    if (value !== null && typeof value === "object") return;
    var next = shown(cell, value);
    if (cell.textContent !== next) cell.textContent = next;
    cell.setAttribute("data-value", value === null || value === undefined ? "" : String(value));
    var found = grade(cell, value);
    if (found) {
      cell.classList.remove("good", "fair", "poor", "na");
      cell.classList.add(found);
    }
  }

  function setAll(scope, values) {
    if (!scope || !values) return;
    scope.querySelectorAll("[data-indicator]").forEach(function (cell) {
      var name = cell.getAttribute("data-indicator");
      if (Object.prototype.hasOwnProperty.call(values, name)) setValue(cell, values[name]);
    });
  }

  function setRanks(table, rankings) {
    var unranked = table.getAttribute("data-text-unranked") || "";
    var why = table.getAttribute("data-text-unranked-why") || "";
    Object.keys(rankings || {}).forEach(function (name) {
      rankings[name].forEach(function (place) {
        var row = table.querySelector('tr[data-ward="' + place.ward + '"]');
        var cell = row && row.querySelector('[data-rank="' + name + '"]');
        if (!cell) return;
        var ranked = place.rank !== null && place.rank !== undefined;
        cell.textContent = ranked ? String(place.rank) : unranked;
        cell.setAttribute("data-value", ranked ? String(place.rank) : "");
        cell.classList.toggle("unranked", !ranked);
        if (ranked) cell.removeAttribute("title");
        else cell.setAttribute("title", why.replace("{sample}", String(place.sample)));
      });
    });
  }

  function apply(data) {
    if (data.city) {
      // The overview: /api/city/indicators gives the city, each ward and the rankings.
      setAll(document.getElementById("city-figures"), data.city);
      var table = document.getElementById("wards");
      if (table) {
        table.querySelectorAll("tr[data-ward]").forEach(function (row) {
          setAll(row, data.wards[row.getAttribute("data-ward")]);
        });
        setRanks(table, data.rankings);
        resort(table);
      }
    } else if (data.indicators) {
      // A ward's page: /api/wards/{slug} gives its indicators and the city's ledger head.
      setAll(document.getElementById("indicators"), data.indicators);
      var head = data.ledger_head;
      if (head) {
        document.querySelectorAll('[data-ledger="sequence"]').forEach(function (el) { el.textContent = String(head.sequence); });
        document.querySelectorAll('[data-ledger="hash"]').forEach(function (el) { el.textContent = head.hash; });
        document.querySelectorAll('[data-ledger="none"]').forEach(function (el) { el.hidden = true; });
      }
    }
  }

  var timer = null;
  var running = false;
  var again = false;

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  }

  function refresh() {
    timer = null;
    if (running) { again = true; return; }
    running = true;
    fetch(api, { headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        apply(data);
        var time = new Date().toLocaleTimeString(document.documentElement.lang || undefined);
        say("open", text("updated").replace("{time}", time));
      })
      .catch(function () { /* the numbers stay as they were; the next event tries again */ })
      .then(function () {
        running = false;
        if (again) { again = false; schedule(); }
      });
  }

  say("connecting", text("connecting"));
  var source = new EventSource(stream);
  var lost = false;
  source.addEventListener("open", function () {
    say("open", text("open"));
    // Back after a break: the stream resumes after the last event seen, but a restarted
    // gateway may have folded events in between; one refetch settles it.
    if (lost) schedule();
    lost = false;
  });
  source.addEventListener("error", function () {
    lost = true;
    if (source.readyState === EventSource.CLOSED) say("closed", text("closed"));
    else say("retrying", text("retrying"));
  });
  // /api/stream names each message by its event type; unnamed ones count too.
  types.forEach(function (type) { source.addEventListener(type, schedule); });
  source.onmessage = schedule;
})();
