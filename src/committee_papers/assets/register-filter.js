/* committee-papers: narrowing the decisions register in the page.
   Without JavaScript every year's page lists all its resolutions and links to the other years;
   with it, a form narrows the list by committee and words, and another year is loaded in place. */
(function () {
  "use strict";

  // The old single register page: an address with a resolution's anchor goes to its year's page.
  var years = document.getElementById("decision-years");
  if (years) {
    var wanted = /^#resolution-(\d{4})-/.exec(location.hash);
    if (wanted) {
      var links = years.querySelectorAll("a");
      for (var i = 0; i < links.length; i++) {
        var slug = links[i].getAttribute("href").replace(/\/$/, "").split("/").pop();
        if (slug.indexOf(wanted[1] + "-") === 0) {
          location.replace(links[i].href + location.hash);
          return;
        }
      }
    }
    return;
  }

  var form = document.getElementById("register-filter");
  var table = document.getElementById("register");
  if (!form || !table) return;
  var committee = document.getElementById("filter-committee");
  var year = document.getElementById("filter-year");
  var words = document.getElementById("filter-text");
  var count = document.getElementById("register-count");
  var empty = document.getElementById("register-empty");

  function plural(n) { return n === 1 ? "resolution" : "resolutions"; }

  function apply() {
    var chosen = committee.value;
    var terms = words.value.toLowerCase().split(/\s+/).filter(Boolean);
    var rows = table.tBodies[0].rows;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var text = rows[i].textContent.toLowerCase();
      var match = (!chosen || rows[i].getAttribute("data-committee") === chosen) &&
        terms.every(function (term) { return text.indexOf(term) !== -1; });
      rows[i].hidden = !match;
      if (match) shown++;
    }
    var filtered = chosen || terms.length;
    count.textContent = filtered ? shown + " of " + rows.length + " " + plural(rows.length) + " shown." : rows.length + " " + plural(rows.length) + ".";
    empty.hidden = shown !== 0 || rows.length === 0;
  }

  function swap(fresh, address) {
    var register = fresh.getElementById("register");
    if (!register) throw new Error("no register in " + address);
    table.replaceChild(document.importNode(register.tBodies[0], true), table.tBodies[0]);
    table.caption.textContent = register.caption.textContent;
    var pairs = [["h1", "h1"], [".year-nav", ".year-nav"]];
    pairs.forEach(function (pair) {
      var mine = document.querySelector(".md-content " + pair[0]);
      var theirs = fresh.querySelector(".md-content " + pair[1]);
      if (mine && theirs) mine.innerHTML = theirs.innerHTML;
    });
    var crumb = document.querySelector(".breadcrumbs [aria-current]");
    var theirCrumb = fresh.querySelector(".breadcrumbs [aria-current]");
    if (crumb && theirCrumb) crumb.textContent = theirCrumb.textContent;
    document.title = fresh.title;
  }

  function load(address, remember) {
    form.setAttribute("aria-busy", "true");
    fetch(address, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        swap(new DOMParser().parseFromString(html, "text/html"), address);
        if (remember) history.pushState({ register: address }, "", address);
        form.removeAttribute("aria-busy");
        apply();
      })
      .catch(function () { location.href = address; });
  }

  year.addEventListener("change", function () { load(year.value, true); });
  committee.addEventListener("change", apply);
  words.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  window.addEventListener("popstate", function () { load(location.href, false); });
  form.hidden = false;
  apply();
})();
