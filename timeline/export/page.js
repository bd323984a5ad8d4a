"use strict";
// Filters only show and hide what the page already holds; nothing is fetched and no markup is written.
(function () {
  var filters = document.getElementById("filters");
  var select = document.getElementById("finding-filter");
  var shown = document.getElementById("shown");
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".source-filter"));
  var events = Array.prototype.slice.call(document.querySelectorAll(".event"));
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  function words(element, name) {
    return (element.getAttribute(name) || "").split(" ").filter(Boolean);
  }
  function apply() {
    var on = {};
    boxes.forEach(function (box) { on[box.value] = box.checked; });
    var wanted = select.value;
    var visible = 0;
    events.forEach(function (event) {
      var cards = event.querySelectorAll(".mention, .side");
      Array.prototype.forEach.call(cards, function (card) { card.hidden = !on[card.getAttribute("data-source")]; });
      var rules = words(event, "data-rules");
      var matches = wanted === "" || (wanted === "disputed" && event.getAttribute("data-disputed") === "1") ||
        (wanted === "any" && rules.length > 0) || rules.indexOf(wanted) >= 0;
      var hasSource = words(event, "data-sources").some(function (source) { return on[source]; });
      event.hidden = !(matches && hasSource);
      if (!event.hidden) { visible += 1; }
    });
    findings.forEach(function (finding) {
      var sources = words(finding, "data-sources");
      var fromSource = sources.length === 0 || sources.some(function (source) { return on[source]; });
      var ofRule = wanted === "" || wanted === "disputed" || wanted === "any" || finding.getAttribute("data-rule") === wanted;
      finding.hidden = !(fromSource && ofRule);
    });
    shown.textContent = "Showing " + visible + " of " + events.length + " events";
  }
  function showAll() {
    boxes.forEach(function (box) { box.checked = true; });
    select.value = "";
    apply();
  }
  // Following a link to something a filter hides clears the filters, so the link always lands.
  function reveal() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.closest("[hidden]")) { showAll(); target.scrollIntoView(); }
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  select.addEventListener("change", apply);
  document.getElementById("all-sources").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = true; }); apply();
  });
  document.getElementById("no-sources").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; }); apply();
  });
  window.addEventListener("hashchange", reveal);
  filters.hidden = false;
  apply();
})();
