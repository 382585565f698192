/*
 * Search worker of the handbook: Material for MkDocs' own search worker, plus diacritic folding.
 *
 * Why this file exists: neither Material nor lunr-languages folds Vietnamese diacritics, so "dang vien"
 * would not find "đảng viên". An extra index field with folded text would do it, but doubles the
 * compressed index a phone downloads on every first visit (measured: 88 KB to 174 KB for Vietnamese);
 * folding inside the worker costs nothing to download. Everything else (lunr, previews, the search box)
 * stays Material's; this file orders what lunr finds, leaves out what the reader's view does not show and
 * rewrites the words each result reports and marks (below).
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
 * The results are ordered by what lunr's score misses (handbookRank), section by section: a section
 * holding all the query's words before one holding some, where two adjacent syllables that the handbook
 * writes together count as one word ("khai trừ" is found in "khai trừ", never in "triển khai … trừ"; "phí
 * đảng" finds "đảng phí"); with diacritics typed, the words as typed before folded ones; then a section whose
 * title holds the words before one that mentions them, words adjacent in the text as in the query before
 * scattered ones, a lesson before the home or programme page. Each page leads with its best section, the one
 * Material shows unfolded under the page's title (handbookScores).
 *
 * The view: lecturer-only sections (lecturer notes, session plans, case keys) and the editors' guide carry
 * `"view": "giang-vien"` in the index (hooks/search.py); in the learner's view (the default) they are left
 * out of the results. The page says which view is on over a BroadcastChannel (handbook.js), or, from file://
 * where this runs in the page's iframe, by its <html> attribute. Online there are two indexes: the learner's,
 * without those documents (a quarter lighter, and the one the saved handbook holds), and the lecturer's, with
 * all of them (config.handbook_lecturer); a query loads the one its view needs, and a lecturer offline whose
 * index was never saved searches the learner's.
 *
 * The opened page is told what to mark: `?h=` in each result's address holds the query's words as the page
 * spells them, joined where they stand together ("kết nạp đảng viên", not every "đảng"), phrases separated by
 * "|"; handbook.js marks them. Material's own highlighter, which marks anything that begins like a query
 * word ("bi" in "biểu"), is off: mkdocs.yml leaves out search.highlight.
 *
 * The terms each result reports (Material's "missing" line) are the query's words as the page spells them.
 * Ranking, spellings and marks need the documents' words: the worker keeps the documents it was given on
 * set-up, and reads a document's words once, when a query first needs them.
 *
 * The index is loaded when the reader first searches, not with every page: Material fetches
 * search/search_index.json on each page load, so the site puts there a stub with no documents that
 * names the real index (config.handbook_full); Material sets up on the stub at once, and the first query
 * waits here until the real index is fetched and handed to Material as a second set-up message. On a
 * phone that keeps some 90 KB and the work of indexing off every page view. From file:// (the offline
 * copy) Material's script-loaded index is complete and this step does not apply.
 *
 * Ties to Material's internals, kept to five: the index is built by lunr (`self.lunr`, whose Builder
 * gets the pipeline function); a query arrives as a message {type: 2, data: "<query>"}, which this
 * script's listener, registered before Material's, rewrites in place; results leave as a message
 * {type: 3, data: {items: [[item, ...], ...]}}, one list per page, where each item gives its location and
 * which query terms it matched (`terms`, {term: true, or false when missing});
 * set-up is the message {type: 0, data: {config, docs, options}}, answered by {type: 1}; an item is shown
 * unfolded under its page's title when its score reaches the score of the page's first item.
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
  handbookInfos = new Map()
  handbookCorpus = null
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

/* ---- ranking: the documents' words, the query's words, and the order -------------------------------- */

var handbookLanguage = "vi"   /* the index's language (config.handbook_lang, hooks/search.py) */
var handbookBreak = /[,;:!?()\[\]"“”‘’…]|\.(?!\d)|\s[–—-]\s/  /* where a run of words ends */
var handbookNorms = new Map()

/* A word as the ranking compares it: folded; in English also stemmed by lunr ("members" → "member"). */
function handbookNorm(word) {
  var norm = handbookNorms.get(word)
  if (norm === undefined) {
    norm = handbookFold(word)
    if (handbookLanguage === "en" && self.lunr && lunr.stemmer)
      norm = lunr.stemmer(new lunr.Token(norm)).toString()
    handbookNorms.set(word, norm)
  }
  return norm
}

/* The words of some HTML in order (lower case), with null where a run of words ends: at a block's end and
   at punctuation, so "lãng phí, đảng" never makes "phí đảng". */
function handbookWordsOf(html) {
  var words = []
  String(html || "").split(/<\/(?:p|li|td|th|dd|dt|pre|h\d)>|<br\s*\/?>/).forEach(function (block) {
    block.replace(/<[^>]*>/g, " ").toLowerCase().split(handbookBreak).forEach(function (run) {
      run.split(handbookSeparator).forEach(function (word) {
        if (word)
          words.push(word)
      })
      words.push(null)
    })
  })
  return words
}

/* A document's words and where each (normalised) word stands, read once. */
var handbookInfos = new Map()
function handbookInfo(doc) {
  var info = handbookInfos.get(doc.location)
  if (!info) {
    var words = handbookWordsOf(doc.text), title = handbookWordsOf(doc.title)
    info = { words: words, norms: words.map(function (w) { return w && handbookNorm(w) }),
             title: title, titleNorms: title.map(function (w) { return w && handbookNorm(w) }) }
    handbookInfos.set(doc.location, info)
  }
  return info
}

/* Every pair of words that stand together somewhere in the index, with how often, and every word: read once,
   from all documents, the first time a query needs them. */
var handbookCorpus = null
function handbookPairs() {
  if (handbookCorpus)
    return handbookCorpus
  var pairs = new Map(), vocabulary = new Set()
  Object.keys(handbookDocs).forEach(function (page) {
    handbookDocs[page].forEach(function (doc) {
      var info = handbookInfo(doc)
      ;[info.norms, info.titleNorms].forEach(function (norms) {
        for (var i = 0; i < norms.length; i++) {
          if (!norms[i])
            continue
          vocabulary.add(norms[i])
          if (norms[i + 1]) {
            var key = norms[i] + " " + norms[i + 1]
            pairs.set(key, (pairs.get(key) || 0) + 1)
          }
        }
      })
    })
  })
  return handbookCorpus = { pairs: pairs, vocabulary: vocabulary }
}

/* The query as the ranking reads it: its words as typed (stop words too, for the runs they stand in: "forms
   of discipline"), their normal forms, whether the last one is still being typed (no word of the index is it
   whole: then it counts as a beginning), and its units, the words that count (stop words do not). In
   Vietnamese a word is often two syllables: two adjacent syllables of the query that the index has together
   (in either order) are one unit, found only where they stand together; the split into units is the one whose
   pairs the index has most often ("bí thư chi bộ" is "bí thư" + "chi bộ", not "thư chi"). */
function handbookQuery(typed) {
  var words = typed.slice()
  var norms = words.map(handbookNorm)
  var corpus = handbookPairs()
  var last = norms.length - 1
  var open = last >= 0 && !corpus.vocabulary.has(norms[last])
  var accented = words.some(function (word) { return word !== handbookFold(word) })
  var counted = []
  words.forEach(function (word, i) { if (!handbookStop(word)) counted.push(i) })
  var units = counted.map(function (i) { return [i] })
  if (handbookLanguage === "vi") {
    var best = [{ score: 0, units: [] }]  /* best[k]: the best split of the first k counted words */
    for (var k = 1; k <= counted.length; k++) {
      best[k] = { score: best[k - 1].score, units: best[k - 1].units.concat([[counted[k - 1]]]) }
      if (k >= 2 && counted[k - 1] === counted[k - 2] + 1) {
        var a = norms[counted[k - 2]], b = norms[counted[k - 1]]
        var pair = (corpus.pairs.get(a + " " + b) || 0) + (corpus.pairs.get(b + " " + a) || 0)
        if (pair && best[k - 2].score + pair > best[k].score)
          best[k] = { score: best[k - 2].score + pair, units: best[k - 2].units.concat([[counted[k - 2], counted[k - 1]]]) }
      }
    }
    units = best[counted.length].units
  }
  return { words: words, norms: norms, open: open, accented: accented, units: units, counted: counted }
}

/* Does the document's word at `position` (normalised `norm`, as written `word`) stand for query word i? */
function handbookIs(query, i, norm, word, exact) {
  if (!norm)
    return false
  var match = norm === query.norms[i] || (query.open && i === query.norms.length - 1 && norm.lastIndexOf(query.norms[i], 0) === 0)
  return match && (!exact || word.lastIndexOf(query.words[i], 0) === 0)
}

/* Where in `norms` each query word stands: [Set of positions] per word (exact: marks as typed). */
function handbookPositions(query, norms, words, exact) {
  return query.norms.map(function (_, i) {
    var found = new Set()
    for (var p = 0; p < norms.length; p++)
      if (handbookIs(query, i, norms[p], words[p], exact))
        found.add(p)
    return found
  })
}

/* How the words at `positions` meet the query: units found (a two-syllable unit: together, either order),
   pairs of the query's neighbours found side by side in the query's order, and words found in all. */
function handbookMeet(query, positions) {
  var units = 0, pairs = 0, hits = 0
  query.units.forEach(function (unit) {
    var a = positions[unit[0]]
    if (unit.length === 1) {
      if (a.size)
        units++
      return
    }
    var b = positions[unit[1]]
    for (var p of a)
      if (b.has(p + 1) || b.has(p - 1)) {
        units++
        return
      }
  })
  for (var i = 0; i + 1 < positions.length; i++)
    for (var p of positions[i])
      if (positions[i + 1].has(p + 1)) {
        pairs++
        break
      }
  query.counted.forEach(function (i) { hits += positions[i].size })
  return { units: units, pairs: pairs, hits: hits }
}

/* Sections that sum a lesson up or list everything (its key points, its review questions, the glossary's
   tables): they hold many words in passing, so the section that treats the subject comes first. */
var HANDBOOK_SUMMARIES = /#(?:ghi-nho|cau-hoi-on-tap|thuat-ngu|viet-tat)$/

/* What ranks one document (the page's own text, or a section) for the query, most important first. */
function handbookKeys(query, doc) {
  var info = handbookInfo(doc)
  var text = info.title.concat([null], info.words), norms = info.titleNorms.concat([null], info.norms)
  var found = handbookMeet(query, handbookPositions(query, norms, text, false))
  var exact = query.accented ? handbookMeet(query, handbookPositions(query, norms, text, true)).units : 0
  var title = handbookMeet(query, handbookPositions(query, info.titleNorms, info.title, false))
  /* The title's words, numbering ("4.2", "Bài 3") and stop words aside. */
  var titleWords = info.title.filter(function (word) { return word && !/\d/.test(word) && !handbookStop(word) }).length
  var held = query.units.length && title.units === query.units.length
  /* A page whose own title begins with the query or is mostly the query is about it ("Điều lệ Đảng Cộng sản
     Việt Nam" for "điều lệ đảng", "Charter of …" for "charter"): before its sections. */
  var page = doc.location.indexOf("#") < 0
  var words = info.titleNorms.filter(function (norm, i) { return norm && !/\d/.test(norm) && !handbookStop(info.title[i]) })
  var begins = query.counted.every(function (i, k) { return words[k] === query.norms[i] })
  /* A model paper's title names the paper ("Sổ theo dõi đảng viên dự bị"), not the subject the query asks
     about: it is about the query only when it begins with it ("biên bản sinh hoạt"), so a lesson section on
     "đảng viên dự bị" comes first and the register after it. */
  var paper = HANDBOOK_PAPERS.test(doc.location)
  var about = held && page && (begins || (!paper && 3 * query.counted.length >= titleWords))
  return [
    exact,                                          /* units as typed, marks and all */
    found.units,                                    /* units found at all */
    about ? 2 : held ? 1 : 0,                       /* the title holds them all */
    0,                                              /* the page's kind (handbookRank fills it in) */
    found.pairs,                                    /* the query's neighbours side by side, in its order */
    held ? -titleWords : 0,                         /* a title about the subject, not one that lists it */
    HANDBOOK_SUMMARIES.test(doc.location) ? 0 : 1,  /* a section that treats it, not a summary */
    Math.round(100 * found.hits / Math.sqrt(8 + text.length)),  /* how often, for its length */
  ]
}

/* The pages of the model papers and forms (docs/mau/), the part's own index page aside; "mau/xet-ket-nap/" on the
   site, "mau/xet-ket-nap.html" in the offline copy (no directory addresses there). */
var HANDBOOK_PAPERS = /^mau\/(?!index\.html)[^/#]+(?:\/|\.html)(?:#|$)/

/* Lessons first, then documents, topics and model papers, then the rest (home page, guides, indexes, glossary). */
function handbookKind(page) {
  if (/^bai-hoc\/bai-\d+(?:\/|\.html)$/.test(page))
    return 2
  if (/^(?:van-ban|chuyen-de|mau)\/(?!index\.html)[^/]+(?:\/|\.html)$/.test(page))
    return 1
  return 0
}

function handbookCompare(a, b) {
  for (var k = 0; k < a.length; k++)
    if (a[k] !== b[k])
      return b[k] - a[k]
  return 0
}

/* The view the reader has chosen ("hoc-vien", the default, or "giang-vien"). */
var handbookView = "hoc-vien"
try {
  var handbookChannel = new BroadcastChannel("handbook-view")
  handbookChannel.onmessage = function (ev) {
    if (ev.data && ev.data.view)
      handbookView = ev.data.view
  }
  handbookChannel.postMessage({ ask: true })
} catch (error) {
  /* no channel here (file://): the iframe's parent says it */
}
function handbookCurrentView() {
  try {
    if (typeof parent !== "undefined" && parent !== self && parent.document)
      return parent.document.documentElement.getAttribute("data-handbook-view") || "hoc-vien"
  } catch (error) {
    /* a worker has no parent document */
  }
  return handbookView
}

function handbookPageOf(group) {
  return group[0].location.split("#")[0]
}

function handbookDoc(location) {
  var page = location.split("#")[0]
  var docs = handbookDocs[page] || []
  for (var i = 0; i < docs.length; i++)
    if (docs[i].location === location)
      return docs[i]
  return null
}

/* The results in the handbook's order: each page's items ordered, the best first; pages by their best item,
   then the page's kind, then lunr's order. Items the reader's view does not show are left out, and a page
   left with nothing found. */
function handbookRank(groups, typed) {
  var query = handbookQuery(typed)
  var learner = handbookCurrentView() !== "giang-vien"
  var ranked = []
  groups.forEach(function (group, index) {
    var items = group.filter(function (item) {
      var doc = handbookDoc(item.location)
      return !(learner && doc && doc.view === "giang-vien")
    })
    if (!query.words.length)
      return items.length && ranked.push({ group: items, keys: [-index] })
    var keyed = items.map(function (item) {
      var doc = handbookDoc(item.location)
      return { item: item, keys: doc ? handbookKeys(query, doc) : [0, 0, 0, 0, 0, 0, 0, 0] }
    }).filter(function (entry) { return entry.keys[1] > 0 || entry.item.score > 0 })
    if (!keyed.length)
      return
    keyed.sort(function (a, b) { return handbookCompare(a.keys, b.keys) })
    var kind = handbookKind(handbookPageOf(group))
    keyed.forEach(function (entry) { entry.keys[3] = kind })
    /* A page is ranked by its best item, and, after the query's neighbours side by side, by how many of its
       titles hold the query: the lesson with a part on it ("Công tác đảng viên" and its sections) first. */
    var titled = keyed.filter(function (entry) { return entry.keys[2] > 0 }).length
    var best = keyed[0].keys
    ranked.push({ group: handbookScores(keyed, items), keys: best.slice(0, 5).concat([titled], best.slice(5), [-index]) })
  })
  ranked.sort(function (a, b) { return handbookCompare(a.keys, b.keys) })
  return ranked.map(function (entry) { return entry.group })
}

/* The page's items in order, with scores that make Material show the best one unfolded under the page's
   title and fold the others under "N more on this page"; the page itself is kept (as the title). */
function handbookScores(keyed, items) {
  var ordered = keyed.map(function (entry, rank) {
    entry.item.score = rank === 0 ? 1 : 1 / (rank + 2)
    return entry.item
  })
  var page = items.filter(function (item) { return item.location.indexOf("#") < 0 && ordered.indexOf(item) < 0 })
  page.forEach(function (item) { item.score = 0 })
  return ordered.concat(page)
}

/* What the opened page marks (?h=): the runs of the query's words that stand together on the page, as the
   page spells them ("đảng viên dự bị"), each run once; only where the page has no such run, the words alone. */
function handbookMarks(query, page) {
  var docs = handbookDocs[page] || []
  var runs = {}, singles = {}
  docs.forEach(function (doc) {
    var info = handbookInfo(doc)
    ;[[info.title, info.titleNorms], [info.words, info.norms]].forEach(function (pair) {
      var words = pair[0], norms = pair[1]
      for (var p = 0; p < norms.length; p++) {
        var at = query.norms.map(function (_, i) { return i }).filter(function (i) { return handbookIs(query, i, norms[p], words[p], false) })
        if (!at.length)
          continue
        /* A run follows the query's order: each next word is the query's next word ("chi bộ", not "chi bộ chỉ"). */
        var q = p
        while (q + 1 < norms.length) {
          var next = at.map(function (i) { return i + 1 }).filter(function (i) { return i < query.norms.length && handbookIs(query, i, norms[q + 1], words[q + 1], false) })
          if (!next.length)
            break
          at = next
          q++
        }
        var run = words.slice(p, q + 1).join(" ")
        if (q > p)
          runs[run] = true
        else
          singles[run] = true
        p = q
      }
    })
  })
  var phrases = Object.keys(runs)
  return (phrases.length ? phrases : Object.keys(singles)).slice(0, 12)
}

/* The address of a result with what the opened page is to mark: "page/?h=a b|c#section". */
function handbookMarked(location, marks) {
  if (!marks.length)
    return location
  var at = location.indexOf("#")
  var page = at < 0 ? location : location.slice(0, at)
  return page + "?h=" + encodeURIComponent(marks.join("|")).replace(/%20/g, "+") + (at < 0 ? "" : location.slice(at))
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
    var groups = handbookRank(message.data.items, handbookWords)
    var query = handbookQuery(handbookWords)
    groups.forEach(function (group) {
      var page = handbookPageOf(group)
      var info = handbookPage(page)
      var spellings = info ? handbookSpellings(info, handbookWords) : {}
      var marks = handbookMarks(query, page)
      group.forEach(function (item) {
        handbookTerms(item, spellings, page)
        item.location = handbookMarked(item.location, marks)
      })
    })
    message.data.items = groups
  }
  return handbookPost.apply(self, arguments)
}

/* Where the real indexes are ({learner, lecturer, options}) while the stub is set up; which one is loaded. */
var handbookIndexes = null
var handbookLoaded = null
var handbookLoading = null
var handbookLoadingUrl = null
var handbookPending = null

/* The index the reader's view needs, when it is not the one loaded (null when there is nothing to load). */
function handbookWanted() {
  if (!handbookIndexes)
    return null
  var url = handbookCurrentView() === "giang-vien" && handbookIndexes.lecturer
    ? handbookIndexes.lecturer : handbookIndexes.learner
  return url === handbookLoaded ? null : url
}

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

function handbookFetch(url) {
  return fetch(url).then(function (response) {
    if (!response.ok)
      throw new Error(response.status + " " + url)
    return response.json()
  })
}

function handbookLoad(url) {
  if (handbookLoading && handbookLoadingUrl === url)
    return handbookLoading
  var before = handbookLoading ? handbookLoading.catch(function () {}) : Promise.resolve()
  handbookLoadingUrl = url
  handbookLoading = before
    .then(handbookMaterialLoaded)
    .then(function () {
      return handbookFetch(url).then(
        function (index) { return [url, index] },
        function (error) {
          /* The lecturer's index, when it cannot be had (offline, never saved): the learner's, which is saved. */
          var learner = handbookIndexes.learner
          if (url === learner)
            throw error
          return handbookFetch(learner).then(function (index) { return [learner, index] })
        }
      )
    })
    .then(function (loaded) {
      var index = loaded[1]
      handbookSetDocs(index.docs)
      return new Promise(function (resolve) {
        handbookReady = resolve
        handbookReplay({ type: HANDBOOK_SETUP, data: {
          config: index.config, docs: index.docs, options: handbookIndexes.options
        } })
      }).then(function () {
        /* A lecturer's search that had to make do with the learner's index keeps it on this page (the next
           page tries again). */
        handbookLoaded = loaded[0]
        if (loaded[0] !== url)
          handbookIndexes.lecturer = null
      })
    })
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
    handbookLanguage = config.handbook_lang || "vi"
    handbookIndexes = config.handbook_full && !(message.data.docs || []).length
      ? {
          learner: new URL(config.handbook_full, handbookBase()).href,
          lecturer: config.handbook_lecturer ? new URL(config.handbook_lecturer, handbookBase()).href : null,
          options: message.data.options,
        }
      : null
    handbookLoaded = null
    ev.stopImmediatePropagation()
    if (handbookIndexes) {
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
    var wanted = handbookWanted()
    if (wanted || !handbookMaterial || handbookLoading) {
      ev.stopImmediatePropagation()
      /* Each key typed while the index loads is a query; only the last one is answered. */
      handbookPending = message
      var ready = wanted ? handbookLoad(wanted) : (handbookLoading || handbookMaterialLoaded())
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
