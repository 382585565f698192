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

/* Glossary terms (the first mention of each on a page is an <abbr> with its definition as title, and can take
 * the keyboard focus): tapping, clicking or focusing one shows the definition just below it, or above it when
 * there is no room below; Escape, a tap elsewhere, moving the focus on or resizing the window hides it. A
 * phone's browser never shows a title by itself.
 *
 * Written here rather than left to Material's content.tooltips feature, which did the same but set up a
 * tooltip for every element with a title as the page loaded: on a lesson page that was half of Lighthouse's
 * blocking time on a phone (medians of interleaved runs of scripts/lighthouse.sh: 307 ms with it, 170 ms with
 * this). These listeners cost nothing until a term is used. */
;(function () {
  var TERM = ".md-content abbr[title], .md-content abbr[data-definition]"
  var tip = null
  var host = null

  function hide() {
    if (!host) return
    host.title = host.getAttribute("data-definition")
    host.removeAttribute("data-definition")
    host.removeAttribute("aria-describedby")
    tip.hidden = true
    host = null
  }

  function show(term) {
    if (term === host) return
    hide()
    if (!tip) {
      tip = document.createElement("div")
      tip.id = "handbook-definition"
      tip.className = "handbook-definition"
      tip.setAttribute("role", "tooltip")
      // Inside <main>: all content belongs to a landmark (axe: region).
      ;(document.querySelector("main") || document.body).appendChild(tip)
    }
    // The title moves aside while the definition shows, so that the browser does not show it a second time.
    term.setAttribute("data-definition", term.title)
    term.removeAttribute("title")
    term.setAttribute("aria-describedby", tip.id)
    tip.textContent = term.getAttribute("data-definition")
    tip.hidden = false
    host = term
    var box = term.getBoundingClientRect()
    var width = tip.offsetWidth
    var height = tip.offsetHeight
    var page = document.documentElement.clientWidth
    var left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, page - width - 8))
    var below = box.bottom + 8 + height <= window.innerHeight || box.top < height + 8
    var top = below ? box.bottom + 8 : box.top - 8 - height
    // Coordinates relative to the box the tip is positioned in (the page, unless a parent is positioned).
    var origin = tip.offsetParent ? tip.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY }
    tip.style.left = left - origin.left + "px"
    tip.style.top = top - origin.top + "px"
  }

  function termOf(event) {
    var term = event.target instanceof Element ? event.target.closest(TERM) : null
    return term && !term.closest("a") ? term : null  // inside a link, a tap follows the link
  }

  document.addEventListener("click", function (event) {
    var term = termOf(event)
    if (term) show(term)
    else if (!(tip && tip.contains(event.target))) hide()
  })
  document.addEventListener("focusin", function (event) {
    var term = termOf(event)
    if (term) show(term)
    else hide()
  })
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide()
  })
  window.addEventListener("resize", hide)
})()
