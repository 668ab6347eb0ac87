/* committee-papers: a table wider than the screen scrolls inside its own region; say so above it. */
(function () {
  "use strict";
  function mark() {
    var regions = document.querySelectorAll(".table-wrap");
    for (var i = 0; i < regions.length; i++) {
      var region = regions[i];
      var wide = region.scrollWidth > region.clientWidth + 1;
      var cue = region.previousElementSibling;
      var has = cue && cue.classList.contains("table-scroll-cue");
      if (wide && !has) {
        cue = document.createElement("p");
        cue.className = "table-scroll-cue";
        cue.textContent = "This table is wider than the screen: scroll it sideways to see all of it.";
        region.parentNode.insertBefore(cue, region);
      } else if (!wide && has) {
        cue.parentNode.removeChild(cue);
      }
      region.classList.toggle("is-scrollable", wide);
    }
  }
  var waiting = null;
  window.addEventListener("resize", function () {
    clearTimeout(waiting);
    waiting = setTimeout(mark, 150);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
