/*
 * Search worker of the handbook: Material for MkDocs' own search worker, plus diacritic folding.
 *
 * Why this file exists: neither Material nor lunr-languages folds Vietnamese diacritics, so "dang vien"
 * would not find "đảng viên". An extra index field with folded text would do it, but doubles the
 * compressed index a phone downloads on every first visit (measured: 88 KB to 174 KB for Vietnamese);
 * folding inside the worker costs nothing to download. Everything else (lunr, its scores, previews, the
 * opened page's highlighter) stays Material's; this file only reorders the pages found and rewrites the
 * words each result reports (below).
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
 * The pages found are ordered by what lunr's score misses (handbookRank): pages that contain every word of
 * the query exactly as typed come first, so a folded match never outranks an exact one; then pages whose
 * title or a heading holds the query's words, before pages that mention them in passing.
 *
 * The terms each result reports are the query's words as the page spells them ("dang" gives "đảng", "chi"
 * stays "chi"), because Material passes them to the opened page (`?h=`), whose highlighter matches letters
 * exactly; every result of a page reports the page's spellings, not only those of the part it previews.
 * Ranking and spellings both need the page's words: the worker keeps the documents it was given on set-up,
 * and reads a page's words once, when a query first finds it.
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
 * {type: 3, data: {items: [[item, ...], ...]}}, one list per page, where each item gives its location and
 * which query terms it matched (`terms`, {term: true, or false when missing});
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

/* The pages of the index, for what lunr's answer does not say: how each page spells the words of the
   query, whether it has them exactly as typed, and whether its title or headings hold them. Filled on
   set-up with the documents Material indexes (the real index, or the complete one from file://); each
   page's words are read once, when a query first finds it. */
var handbookDocs = {}   /* page location -> its documents (the page, then its sections) */
var handbookRead = {}   /* page location -> {words, folds, at, titles}, once read */

function handbookSetDocs(docs) {
  handbookDocs = {}
  handbookRead = {}
  for (var i = 0; i < docs.length; i++) {
    var page = docs[i].location.split("#")[0]
    ;(handbookDocs[page] = handbookDocs[page] || []).push(docs[i])
  }
}

function handbookSplit(html) {
  return String(html || "").replace(/<[^>]*>/g, " ").toLowerCase().split(handbookSeparator).filter(Boolean)
}

/* A page's words in order (lower case; null between two blocks, so that no run of words spans them), the
   same folded, where each folded word occurs, and the folded words of each title (the page's own and its
   headings'). */
function handbookPage(page) {
  if (handbookRead[page])
    return handbookRead[page]
  var docs = handbookDocs[page]
  if (!docs)
    return null
  var words = [], titles = []
  docs.forEach(function (doc) {
    var title = handbookSplit(doc.title)
    titles.push({ folds: title.map(handbookFold), page: doc.location === page })
    words.push.apply(words, title)
    words.push(null)
    String(doc.text || "").split(/<\/(?:p|li|td|th|dd|dt|pre)>/).forEach(function (block) {
      words.push.apply(words, handbookSplit(block))
      words.push(null)
    })
  })
  var folds = words.map(function (word) { return word && handbookFold(word) })
  var at = {}
  folds.forEach(function (fold, position) {
    if (fold)
      (at[fold] = at[fold] || []).push(position)
  })
  return handbookRead[page] = { words: words, folds: folds, at: at, titles: titles }
}

/* A word that lunr's stop-word filters (English, and lunr-languages' Vietnamese) leave out of the index and
   the query ("the", "of"): not highlighted, not counted in titles. */
var handbookStopFilters = null
function handbookStop(word) {
  var lunr = self.lunr
  if (!lunr)
    return false
  if (!handbookStopFilters) {
    handbookStopFilters = [lunr.stopWordFilter]
    for (var name in lunr)
      if (lunr[name] && typeof lunr[name].stopWordFilter === "function")
        handbookStopFilters.push(lunr[name].stopWordFilter)
  }
  return handbookStopFilters.some(function (filter) { return typeof filter === "function" && !filter(word) })
}

/* Does the page's folded word `fold` stand for the query's folded word `target`? The last word of the query
   may still be being typed, so a word it begins counts too, as in Material's query ("nap" → "nap*"). */
function handbookMatches(fold, target, last) {
  return !!fold && (fold === target || (last && fold.lastIndexOf(target, 0) === 0))
}

/* Does the page have each of `words` exactly as typed, marks and all (the last one at least begun)? */
function handbookExact(info, words) {
  var last = words.length - 1
  return words.every(function (word, i) {
    if (i === last)
      return info.words.some(function (w) { return !!w && w.lastIndexOf(word, 0) === 0 })
    return (info.at[handbookFold(word)] || []).some(function (p) { return info.words[p] === word })
  })
}

/* How the page spells each word of the query: {folded word: [spellings]}.
   - A word typed with its marks that the page has as typed: that spelling only.
   - Otherwise, where the page has the query's words one after the other ("kết nạp đảng viên" for "ket nap
     dang vien"), the spellings of those runs: the words the reader meant, not "đang" for "dang".
   - A word in no such run: the page's most frequent spelling of it.
   A stop word, or a word the page does not have, is left out. */
function handbookSpellings(info, words) {
  var folds = words.map(handbookFold)
  var found = words.map(function () { return {} })
  var last = words.length - 1
  for (var i = 0; i < last; i++)
    (info.at[folds[i]] || []).forEach(function (position) {
      var length = 1
      while (i + length <= last && handbookMatches(info.folds[position + length], folds[i + length], i + length === last))
        length++
      if (length >= 2)
        for (var k = 0; k < length; k++)
          found[i + k][info.words[position + k]] = true
    })
  var result = {}
  words.forEach(function (word, i) {
    if (handbookStop(word))
      return
    var spellings = Object.keys(found[i])
    var positions = info.at[folds[i]] || []
    if (word !== folds[i] && positions.some(function (p) { return info.words[p] === word }))
      spellings = [word]
    else if (!spellings.length && positions.length) {
      var counts = {}
      positions.forEach(function (p) { counts[info.words[p]] = (counts[info.words[p]] || 0) + 1 })
      var most = Math.max.apply(null, Object.keys(counts).map(function (w) { return counts[w] }))
      spellings = Object.keys(counts).filter(function (w) { return counts[w] === most })
    }
    if (spellings.length)
      result[folds[i]] = (result[folds[i]] || []).concat(spellings)
  })
  return result
}

/* Material puts the terms an item matched into the link it draws (`?h=ket+nap`), and the opened page marks
   those words with a plain regex that matches anywhere in a word: "ket" would never mark "kết", and "bi"
   would mark the start of "biểu". It also lists the terms an item did not match as missing. So each
   item's terms become:
   - every spelling the page has of the query's words (handbookSpellings), in all of the page's results,
     so that opening any of them marks the words as the page spells them, and as the reader typed them
     where the page spells them so ("ket nap dang vien" marked "đảng viên" but not "kết nạp" when the
     page's opening text, all that the page's own result holds, had only the former);
   - a word as typed only where the page has no spelling of it (then Material's verdict stands);
   - a word not found is still reported missing, unless it was found in the page's spelling: typed with a
     wrong tone mark ("đãng" for "đảng"), or on the page but not in the page's opening text;
   - not the folded forms this worker added to the query ("vien" for "viên"). */
function handbookTerms(item, spellings, page) {
  var terms = item.terms
  if (!terms)
    return
  var reported = Object.assign({}, terms)
  var typed = {}, added = {}
  handbookWords.forEach(function (word) { typed[word] = true })
  handbookWords.forEach(function (word) {
    if (!typed[handbookFold(word)])
      added[handbookFold(word)] = true
  })
  for (var term in reported) {
    var fold = handbookFold(term)
    var spelled = spellings[fold] || []
    if (added[term]
        || (reported[term] === true && spelled.length && spelled.indexOf(term) < 0)
        || (reported[term] === false && (reported[fold] === true || (item.location === page && spelled.length))))
      delete terms[term]
  }
  for (fold in spellings)
    spellings[fold].forEach(function (spelling) {
      if (!(spelling in terms))
        terms[spelling] = true
    })
}

/* The order of the results. Material ranks by lunr's score, where a page's opening text outweighs a
   section and every query word is also a prefix ("bi" finds "biên", "biết"), so a page that mentions the
   words in passing (the home page) could come before the lesson that treats them. Pages are ordered
   instead by, in turn:
   1. when the query has diacritics, whether the page has every word exactly as typed, so that a folded
      match never outranks an exact one;
   2. the most query words one title holds: the page's title or one of its headings ("Đảng viên dự bị và
      xét công nhận đảng viên chính thức" holds all of "dang vien du bi");
   3. how many of them the page's own title holds;
   4. how many of its titles hold them all;
   5. Material's order. */
function handbookTitleScore(info, folds) {
  var score = { best: 0, page: 0, full: 0 }
  var last = folds.length - 1
  info.titles.forEach(function (title) {
    var count = folds.filter(function (fold, i) {
      return title.folds.some(function (word) { return handbookMatches(word, fold, i === last) })
    }).length
    score.best = Math.max(score.best, count)
    if (title.page)
      score.page = count
    if (count === folds.length)
      score.full++
  })
  return score
}

function handbookPageOf(group) {
  return group[0].location.split("#")[0]
}

function handbookRank(groups) {
  var words = handbookWords.filter(function (word) { return !handbookStop(word) })
  if (!words.length)
    return groups
  var folds = words.map(handbookFold)
  var accented = words.some(function (word, i) { return word !== folds[i] })
  var keyed = groups.map(function (group, index) {
    var info = handbookPage(handbookPageOf(group))
    var exact = accented && !!info && handbookExact(info, words)
    var score = info ? handbookTitleScore(info, folds) : { best: 0, page: 0, full: 0 }
    return { group: group, keys: [exact ? 1 : 0, score.best, score.page, score.full, -index] }
  })
  keyed.sort(function (a, b) {
    for (var k = 0; k < a.keys.length; k++)
      if (a.keys[k] !== b.keys[k])
        return b.keys[k] - a.keys[k]
    return 0
  })
  return keyed.map(function (entry) { return entry.group })
}

/* Material answers with postMessage; in a worker that is the global function, under file:// the one
   iframe-worker defines. Either way, wrap it to give each result the words as typed and as the page spells
   them, and to order the pages (see above). */
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
    message.data.items.forEach(function (group) {
      var page = handbookPageOf(group)
      var info = handbookPage(page)
      var spellings = info ? handbookSpellings(info, handbookWords) : {}
      group.forEach(function (item) { handbookTerms(item, spellings, page) })
    })
    message.data.items = handbookRank(message.data.items)
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

/* Material's worker (with lunr and the language files it imports on set-up) is itself loaded when the
   reader first searches, not with every page: some 15 KB of a phone's first visit. Until then this file
   answers Material's page for it: "ready" to the stub's set-up, and no results to the empty query. A
   message can reach Material's handler only once that handler is registered, so the messages that wait are
   replayed (handbookReplay); a complete index (the offline copy's, from file://) loads it at once. */
var handbookMaterial = null
function handbookMaterialLoaded() {
  if (!handbookMaterial) {
    var loaded = importScripts(new URL("__MATERIAL_SEARCH_WORKER__", handbookBase()).href)
    handbookMaterial = Promise.resolve(loaded).then(handbookInstall)
  }
  return handbookMaterial
}

function handbookLoad() {
  if (!handbookLoading)
    handbookLoading = handbookMaterialLoaded()
      .then(function () { return fetch(handbookFull.url) })
      .then(function (response) {
        if (!response.ok)
          throw new Error(response.status + " " + handbookFull.url)
        return response.json()
      })
      .then(function (index) {
        handbookSetDocs(index.docs)
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
  var message = ev.data
  if (message && message.type === HANDBOOK_SETUP && message.data && message.data.config) {
    var config = message.data.config
    handbookSeparator = new RegExp(config.separator)
    handbookFull = config.handbook_full && !(message.data.docs || []).length
      ? { url: new URL(config.handbook_full, handbookBase()).href, options: message.data.options }
      : null
    ev.stopImmediatePropagation()
    if (handbookFull) {
      handbookPost.call(self, { type: HANDBOOK_READY })
    } else {
      handbookSetDocs(message.data.docs || [])
      handbookLoading = handbookMaterialLoaded().then(function () { handbookReplay(message) })
    }
    return
  }
  if (message && message.type === HANDBOOK_QUERY && typeof message.data === "string") {
    handbookWords = []
    message.data.toLowerCase().split(/\s+/).forEach(function (word) {
      if (handbookPlain(word))
        handbookWords = handbookWords.concat(word.split(handbookSeparator).filter(Boolean))
    })
    message.data = handbookExpand(message.data)
    if (!handbookMaterial && !message.data.trim()) {
      /* Material also sends the empty box's "" once the worker is ready: nothing to find. */
      ev.stopImmediatePropagation()
      handbookPost.call(self, { type: HANDBOOK_RESULT, data: { items: [] } })
      return
    }
    if (handbookFull || !handbookMaterial || handbookLoading) {
      ev.stopImmediatePropagation()
      /* Each key typed while the index loads is a query; only the last one is answered. */
      handbookPending = message
      var ready = handbookFull ? handbookLoad() : (handbookLoading || handbookMaterialLoaded())
      ready.then(
        function () {
          handbookLoading = null
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
