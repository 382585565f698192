/* Handbook page script (our only script file; overrides/partials/javascripts/palette.html has a short
 * inline one for the colour scheme, and Material's bundle does the rest).
 *
 * Material wraps wide tables in a scrolling box when the page loads. On a phone that box scrolls
 * sideways, and a box that scrolls must be reachable from the keyboard (WCAG 2.1.1): make each one
 * focusable and name it after the table's first header cell. Without Material's bundle (it failed to load)
 * there are no such boxes, and nothing to do. */
if (window.document$) document$.subscribe(function () {
  var boxes = document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i]
    var head = box.querySelector("th")
    box.tabIndex = 0
    box.setAttribute("role", "region")
    box.setAttribute("aria-label", document.documentElement.lang === "vi"
      ? "Bảng" + (head ? ": " + head.textContent.trim() : "")
      : "Table" + (head ? ": " + head.textContent.trim() : ""))
  }
})
