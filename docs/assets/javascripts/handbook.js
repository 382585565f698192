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

/* The learner's and the lecturer's view. The page's view is on <html data-handbook-view>, set before the page
 * is painted (overrides/main.html: `?view=` or the device's last choice, else the learner's); handbook.css
 * hides what only the lecturer's view shows. The header's switch changes it, remembers it on the device and
 * tells the search worker, which leaves lecturer-only sections out of the learner's results. */
;(function () {
  var root = document.documentElement
  var channel = null
  try { channel = new BroadcastChannel("handbook-view") } catch (error) { /* file://: the worker asks the page */ }

  function view() { return root.getAttribute("data-handbook-view") || "hoc-vien" }
  function tell() { if (channel) channel.postMessage({ view: view() }) }

  if (channel) channel.onmessage = function (event) { if (event.data && event.data.ask) tell() }
  tell()

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest(".handbook-view-switch") : null
    if (!button) return
    var next = view() === "giang-vien" ? "hoc-vien" : "giang-vien"
    root.setAttribute("data-handbook-view", next)
    try { localStorage.setItem("handbook.view", next) } catch (error) { /* private mode: this page only */ }
    document.querySelectorAll(".handbook-view-switch").forEach(function (each) {
      each.setAttribute("aria-pressed", next === "giang-vien")
    })
    tell()
  })
})()

/* "In bài này" (a span with the role of a button: the content's HTML has no <button>): the browser's print
 * dialog; handbook.css has the print styles (the current view, no menus). */
document.addEventListener("click", function (event) {
  if (event.target instanceof Element && event.target.closest("[data-handbook-print]")) window.print()
})
document.addEventListener("keydown", function (event) {
  if ((event.key === "Enter" || event.key === " ") && event.target instanceof Element && event.target.matches("[data-handbook-print]")) {
    event.preventDefault()
    window.print()
  }
})

/* The words the search worker says to mark on the opened page (`?h=`, phrases as the page spells them, joined
 * by "|"): each phrase is marked where it stands whole, a word only where it is a whole word. In the article's
 * visible text only, so that a lecturer-only block hidden in the learner's view is not searched. */
;(function () {
  var marks = new URLSearchParams(location.search).get("h")
  var article = document.querySelector("article.md-content__inner")
  if (!marks || !article) return
  var phrases = marks.split("|").map(function (p) { return p.trim() }).filter(Boolean)
  if (!phrases.length) return
  phrases.sort(function (a, b) { return b.length - a.length })
  var escaped = phrases.map(function (phrase) {
    return phrase.split(/\s+/).map(function (word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") }).join("[\\s\\u00a0]+")
  })
  var pattern = new RegExp("(^|[^\\p{L}\\p{N}])(" + escaped.join("|") + ")(?=$|[^\\p{L}\\p{N}])", "giu")
  var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: function (node) {
      var parent = node.parentElement
      if (!parent || parent.closest("script, style, mark, .headerlink, .handbook-diagram__svg")) return NodeFilter.FILTER_REJECT
      if (parent.closest(".handbook-lecturer, .handbook-for-editors") && root().getAttribute("data-handbook-view") !== "giang-vien") return NodeFilter.FILTER_REJECT
      return NodeFilter.FILTER_ACCEPT
    }
  })
  function root() { return document.documentElement }
  var found = []
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    pattern.lastIndex = 0
    if (pattern.test(node.nodeValue)) found.push(node)
  }
  found.forEach(function (node) {
    var text = node.nodeValue, at = 0, pieces = document.createDocumentFragment()
    text.replace(pattern, function (match, before, phrase, offset) {
      var start = offset + before.length
      pieces.appendChild(document.createTextNode(text.slice(at, start)))
      var mark = document.createElement("mark")
      mark.setAttribute("data-md-highlight", "")
      mark.textContent = phrase
      pieces.appendChild(mark)
      at = start + phrase.length
      return match
    })
    pieces.appendChild(document.createTextNode(text.slice(at)))
    node.parentNode.replaceChild(pieces, node)
  })
})()

/* A diagram wider than its column on a phone is drawn smaller to fit; a tap on it (or its "enlarge" button)
 * opens it full screen at its own size, where it scrolls and the reader can pinch to zoom; Escape, the close
 * button or the back gesture closes it. */
;(function () {
  var words = {}
  try { words = JSON.parse(document.getElementById("handbook-ui").textContent) } catch (error) { /* defaults */ }
  var figures = document.querySelectorAll("figure.handbook-diagram")
  if (!figures.length || typeof HTMLDialogElement === "undefined") return

  function open(figure) {
    var svg = figure.querySelector(".handbook-diagram__svg")
    if (!svg) return
    var dialog = document.createElement("dialog")
    dialog.className = "handbook-zoom"
    dialog.setAttribute("aria-label", figure.querySelector("figcaption") ? figure.querySelector("figcaption").textContent : "")
    var close = document.createElement("button")
    close.type = "button"
    close.className = "handbook-zoom__close"
    close.textContent = words.close || "×"
    var canvas = document.createElement("div")
    canvas.className = "handbook-zoom__canvas"
    var copy = svg.cloneNode(true)
    copy.removeAttribute("aria-describedby")
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id") })
    copy.removeAttribute("aria-labelledby")
    copy.setAttribute("aria-hidden", "true")
    copy.style.width = Math.round(1.25 * parseFloat(svg.getAttribute("width"))) + "px"
    canvas.appendChild(copy)
    dialog.append(close, canvas)
    document.body.appendChild(dialog)
    close.addEventListener("click", function () { dialog.close() })
    dialog.addEventListener("close", function () { dialog.remove() })
    dialog.showModal()
  }

  /* Shrunk to fit: its own width is more than its frame's. */
  function shrunk(figure) {
    var svg = figure.querySelector(".handbook-diagram__svg"), frame = figure.querySelector(".handbook-diagram__canvas")
    return !!svg && !!frame && parseFloat(svg.getAttribute("width")) > frame.clientWidth + 1
  }
  function mark() {
    figures.forEach(function (figure) { figure.classList.toggle("handbook-diagram--zoomable", shrunk(figure)) })
  }

  figures.forEach(function (figure) {
    var frame = figure.querySelector(".handbook-diagram__canvas")
    if (!frame) return
    var button = document.createElement("button")
    button.type = "button"
    button.className = "handbook-diagram__zoom"
    button.textContent = words.zoom || "+"
    frame.appendChild(button)
    frame.addEventListener("click", function () { if (figure.classList.contains("handbook-diagram--zoomable")) open(figure) })
  })
  mark()
  window.addEventListener("resize", mark)
})()
