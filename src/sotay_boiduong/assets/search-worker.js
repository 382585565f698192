/*
 * Search worker of the handbook: Material for MkDocs' own search worker, plus diacritic folding.
 *
 * Why this file exists: neither Material nor lunr-languages folds Vietnamese diacritics, so "dang vien"
 * would not find "đảng viên". An extra index field with folded text would do it, but doubles the
 * compressed index a phone downloads on every first visit (measured: 88 KB to 174 KB for Vietnamese);
 * folding inside the worker costs nothing to download. Everything else (lunr, ranking, previews,
 * highlighting) stays Material's.
 *
 * How: at index time a lunr pipeline function adds, after every word that has diacritics, its folded
 * twin at the same position ("đảng" → "đảng", "dang"). A query typed without diacritics ("dang*") then
 * matches the twin, and Material highlights the original word in the preview; a query typed with
 * diacritics ("đảng*") matches words written exactly so. Each query word with diacritics is also
 * searched folded ("đảng viên" → "đảng viên dang vien"), so a wrong or missing tone mark still finds the
 * page, while pages with the exact words match more terms and rank first.
 *
 * A word and its twin share one position, so a page found by both ("đảng" and "dang") would report that
 * position twice and Material would mark the word twice, breaking the preview's markup: the results of
 * lunr's `Index#query` are given each position once.
 *
 * Pages that contain every word of the query exactly as typed are moved ahead of the rest (keeping
 * Material's order within each part), so a folded match never outranks an exact one.
 *
 * The terms each result reports are spelled as the page spells them ("dang" becomes "đảng"), because
 * Material passes them to the opened page (`?h=`), whose highlighter matches letters exactly.
 *
 * The index is loaded when the reader first searches, not with every page: Material fetches
 * search/search_index.json on each page load, so the site puts there a stub with no documents that
 * names the real index (config.handbook_full); Material sets up on the stub at once, and the first query
 * waits here until the real index is fetched and handed to Material as a second set-up message. On a
 * phone that keeps some 90 KB and the work of indexing off every page view. From file:// (the offline
 * copy) Material's script-loaded index is complete and this step does not apply.
 *
 * Ties to Material's internals, kept to four: the index is built by lunr (`self.lunr`, whose Builder
 * gets the pipeline function); a query arrives as a message {type: 2, data: "<query>"}, which this
 * script's listener, registered before Material's, rewrites in place; results leave as a message
 * {type: 3, data: {items: [[item, ...], ...]}} where each item says which query terms it matched;
 * set-up is the message {type: 0, data: {config, docs, options}}, answered by {type: 1}.
 *
 * The file name of Material's worker is filled in at build time (hooks/search.py).
 */
"use strict"

/* Fold: drop combining marks after canonical decomposition; "đ" has no decomposition, so map it. */
function handbookFold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
}

/* Where Material's worker lies: beside this file. Under file:// Material runs workers in an iframe
   (iframe-worker), where relative URLs resolve against the page, so take this script's own address. */
function handbookBase() {
  if (typeof parent !== "undefined" && parent !== self && "IFrameWorker" in parent) {
    var script = document.querySelector("script[src]")
    return script.src
  }
  return self.location.href
}

var handbookBuilders = new WeakSet()

function handbookInstall() {
  var lunr = self.lunr
  if (!lunr || lunr.handbookFolding)
    return
  lunr.handbookFolding = true

  function foldToken(token) {
    var text = token.toString()
    var folded = handbookFold(text)
    return folded === text ? token : [token, token.clone(function () { return folded })]
  }
  lunr.Pipeline.registerFunction(foldToken, "handbookFold")

  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var results = query.call(this, fn)
    for (var r = 0; r < results.length; r++) {
      var metadata = results[r].matchData.metadata
      var seen = {}
      for (var term in metadata)
        for (var field in metadata[term]) {
          var positions = metadata[term][field].position
          if (!positions)
            continue
          var key = field + ":"
          metadata[term][field].position = positions.filter(function (p) {
            var id = key + p
            if (seen[id])
              return false
            seen[id] = true
            return true
          })
        }
    }
    return results
  }

  /* lunr-languages' Vietnamese stop-word filter is never registered with lunr (lunr.vi.min.js registers
     its trimmer only), so lunr warned "Function is not registered with pipeline" each time Material set
     up the index: in the page's console in the offline copy, where the worker runs in an iframe. Register
     such a language filter under lunr-languages' own naming, as the index's pipeline takes it. */
  var pipelineAdd = lunr.Pipeline.prototype.add
  lunr.Pipeline.prototype.add = function () {
    for (var i = 0; i < arguments.length; i++) {
      var fn = arguments[i]
      if (typeof fn !== "function" || fn.label)
        continue
      for (var name in lunr)
        if (lunr[name] && lunr[name].stopWordFilter === fn) {
          lunr.Pipeline.registerFunction(fn, "stopWordFilter-" + name)
          break
        }
    }
    return pipelineAdd.apply(this, arguments)
  }

  /* Material sets up languages and fields, then adds documents: add the function to each index's
     pipeline once, just before its first document, so it runs after Material's own functions. */
  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!handbookBuilders.has(this)) {
      handbookBuilders.add(this)
      this.pipeline.add(foldToken)
    }
    return add.call(this, doc, attributes)
  }
}

/* A word the reader typed as a plain word, not with lunr syntax (+word, -word, field:word, word~1,
   word^2, word*), which is left as written. */
function handbookPlain(word) {
  return word && !/^[+-]|[:~^*]/.test(word)
}

/* A query word with diacritics is searched as written and folded. */
function handbookExpand(query) {
  var words = query.split(/\s+/).filter(Boolean)
  var extra = []
  for (var i = 0; i < words.length; i++) {
    var word = words[i]
    if (!handbookPlain(word))
      continue
    var folded = handbookFold(word)
    if (folded !== word && words.indexOf(folded) < 0 && extra.indexOf(folded) < 0)
      extra.push(folded)
  }
  return extra.length ? words.concat(extra).join(" ") : query
}

var HANDBOOK_SETUP = 0   /* Material's SearchMessageType.SETUP */
var HANDBOOK_READY = 1   /* Material's SearchMessageType.READY */
var HANDBOOK_QUERY = 2   /* Material's SearchMessageType.QUERY */
var HANDBOOK_RESULT = 3  /* Material's SearchMessageType.RESULT */
var handbookWords = []   /* the words of the last query, as typed (lower case, split as Material splits) */

var handbookSeparator = /[\s\-]+/  /* replaced by the site's own separator on set-up */

function handbookExact(group) {
  return group.some(function (item) {
    var terms = item.terms || {}
    return handbookWords.every(function (word) { return terms[word] === true })
  })
}

/* Material puts the terms an item matched into the link it draws (`?h=dang+vien`), and the opened page
   marks those words with a plain regex: "dang" would never mark "đảng". So a matched term that the
   preview marks in the page's own spelling is replaced by that spelling ("dang" by "đảng", or by "đảng"
   and "đang" if both are marked); a term typed with a wrong tone mark ("đãng") is not reported
   missing when its folded form matched, nor the folded form this worker added ("vien" for "viên"). A term the page also has exactly as typed stays. Runs before
   the exact-first ordering, so "exact" means the page's own spelling: "chi" typed, only "chí" on the
   page, is not exact. */
function handbookOriginalTerms(item) {
  var terms = item.terms
  if (!terms)
    return
  var spelled = {}  /* folded term -> true once the page's own spelling of it is a matched term */
  var literal = {}  /* term -> true when the page has it exactly as typed */
  var marked = /<mark[^>]*>([^<]+)<\/mark>/g
  ;[item.title, item.text].forEach(function (html) {
    if (typeof html !== "string")
      return
    for (var match = marked.exec(html); match; match = marked.exec(html)) {
      var word = match[1].toLowerCase()
      var folded = handbookFold(word)
      if (terms[folded] !== true)
        continue
      if (folded === word) {
        literal[word] = true  /* the page also has the word exactly as typed: keep it */
        continue
      }
      if (!(word in terms))
        terms[word] = true
      if (terms[word] === true)
        spelled[folded] = true
    }
  })
  var matched = Object.assign({}, terms)
  var expansions = {}  /* folded forms this worker added to the query ("vien" for "viên") */
  for (var typed in matched)
    if (handbookFold(typed) !== typed)
      expansions[handbookFold(typed)] = true
  for (var term in matched)
    if ((spelled[term] && !literal[term])
        || (matched[term] === false && (matched[handbookFold(term)] === true || expansions[term])))
      delete terms[term]
}

/* Material answers with postMessage; in a worker that is the global function, under file:// the one
   iframe-worker defines. Either way, wrap it to move exact matches first and to add the page's own spelling of matched terms. */
var handbookPost = self.postMessage
var handbookReady = null  /* while the real index is being set up: called on Material's answer */
self.postMessage = function (message) {
  if (message && message.type === HANDBOOK_READY && handbookReady) {
    var ready = handbookReady
    handbookReady = null
    ready()
    return  /* the page has had its "ready" from the stub already */
  }
  if (message && message.type === HANDBOOK_RESULT && message.data && Array.isArray(message.data.items)) {
    message.data.items.forEach(function (group) { group.forEach(handbookOriginalTerms) })
    if (handbookWords.some(function (word) { return handbookFold(word) !== word })) {
      var exact = [], other = []
      message.data.items.forEach(function (group) { (handbookExact(group) ? exact : other).push(group) })
      message.data.items = exact.concat(other)
    }
  }
  return handbookPost.apply(self, arguments)
}

/* The real index, while Material holds only the stub: {url, options}; null once it is loaded. */
var handbookFull = null
var handbookLoading = null
var handbookPending = null

/* Hand a message to Material's handler (and to this file's listener, which lets replays through). */
function handbookReplay(message) {
  var event = new MessageEvent("message", { data: message })
  event.handbookReplay = true
  self.dispatchEvent(event)
}

function handbookLoad() {
  if (!handbookLoading)
    handbookLoading = fetch(handbookFull.url)
      .then(function (response) {
        if (!response.ok)
          throw new Error(response.status + " " + handbookFull.url)
        return response.json()
      })
      .then(function (index) {
        return new Promise(function (resolve) {
          handbookReady = resolve
          handbookReplay({ type: HANDBOOK_SETUP, data: {
            config: index.config, docs: index.docs, options: handbookFull.options
          } })
        })
      })
      .then(function () { handbookFull = null })
      .catch(function (error) {
        handbookLoading = null  /* a later query tries again */
        throw error
      })
  return handbookLoading
}

/* Registered before Material's handler, so it runs first on every message. */
addEventListener("message", function (ev) {
  if (ev.handbookReplay)
    return
  handbookInstall()
  var message = ev.data
  if (message && message.type === HANDBOOK_SETUP && message.data && message.data.config) {
    var config = message.data.config
    handbookSeparator = new RegExp(config.separator)
    handbookFull = config.handbook_full && !(message.data.docs || []).length
      ? { url: new URL(config.handbook_full, handbookBase()).href, options: message.data.options }
      : null
  }
  if (message && message.type === HANDBOOK_QUERY && typeof message.data === "string") {
    handbookWords = []
    message.data.toLowerCase().split(/\s+/).forEach(function (word) {
      if (handbookPlain(word))
        handbookWords = handbookWords.concat(word.split(handbookSeparator).filter(Boolean))
    })
    message.data = handbookExpand(message.data)
    /* Material also sends the empty box's "" once the worker is ready: the stub answers that. */
    if (handbookFull && message.data.trim()) {
      ev.stopImmediatePropagation()
      /* Each key typed while the index loads is a query; only the last one is answered. */
      handbookPending = message
      handbookLoad().then(
        function () {
          if (handbookPending === message) {
            handbookPending = null
            handbookReplay(message)
          }
        },
        function (error) {
          console.warn("Search index not loaded: " + error)
          handbookPost.call(self, { type: HANDBOOK_RESULT, data: { items: [] } })
        }
      )
    }
  }
})

var handbookLoaded = importScripts(new URL("__MATERIAL_SEARCH_WORKER__", handbookBase()).href)
if (handbookLoaded && typeof handbookLoaded.then === "function")
  handbookLoaded.then(handbookInstall)
else
  handbookInstall()
