/* Reading offline on a phone: registers the language's service worker (sw.js at the language's root, made by
 * sotay_boiduong.pwa) once the page has loaded, and keeps the "Read offline" controls up to date (the home page
 * and every footer: overrides/partials/offline-control.html): saved or not, how big, saving now, a button to
 * save. A new build's worker waits: a notice offers to reload, and every open page of the handbook reloads when
 * the new build takes over, so no page mixes two builds.
 *
 * Nothing happens where the page has no control (the app is off: `mkdocs serve` unless asked, the offline copy)
 * or is not served over http(s) (file://: never a service worker there). With Save-Data on, the handbook is
 * saved only when the reader asks. Saving shows its progress from the worker's cache. */
;(function () {
  var controls = document.querySelectorAll("[data-handbook-offline]")
  if (!controls.length || !/^https?:$/.test(location.protocol)) return
  var strings = controls[0].dataset
  var lang = document.documentElement.lang || "vi"
  if (!("serviceWorker" in navigator) || !window.caches) {
    show(strings.unsupported)
    return
  }
  var config = JSON.parse(document.getElementById("__config").textContent)
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href)
  var worker = navigator.serviceWorker
  // This language's worker. The page may be served by the other language's (the Vietnamese worker's scope holds
  // en/) until its own takes it over: that is a first save, not a new build.
  var own = new URL("sw.js", root).href
  var controlled = !!worker.controller && worker.controller.scriptURL === own
  var size = null  // {files, bytes} of the saved handbook (precache.json beside the worker)
  var saving = null

  worker.addEventListener("controllerchange", function () {
    var ours = !!worker.controller && worker.controller.scriptURL === own
    if (controlled && ours) location.reload()  // a new build took over: this page is of the old one
    controlled = ours
  })

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all })
  }

  function megabytes(bytes) {
    return (bytes / 1e6).toLocaleString(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + " MB"
  }

  function show(text, button) {
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i]
      control.querySelector(".handbook-offline__state").textContent = text
      var save = control.querySelector(".handbook-offline__save")
      if (button && !save) {
        save = document.createElement("button")
        save.type = "button"
        save.className = "md-button handbook-offline__save"
        save.addEventListener("click", function () { register(true) })
        control.appendChild(save)
      }
      if (save) {
        save.hidden = !button
        if (button) save.textContent = button
      }
      control.hidden = false
    }
  }

  function sizeText() { return size ? megabytes(size.bytes) : "" }

  function saved() {
    stopProgress()
    show(fill(strings.saved, { size: sizeText() }).replace(" ()", ""))
  }

  function notSaved(failed) {
    stopProgress()
    show(failed ? strings.failed : strings.notSaved, fill(strings.save, { size: sizeText() }).replace(" ()", ""))
  }

  // While the worker installs, count what its cache holds (Workbox names it after the worker's scope).
  function progress() {
    caches.keys().then(function (names) {
      var name = names.filter(function (n) { return n.indexOf("precache") >= 0 && n.slice(-root.href.length) === root.href })[0]
      return name ? caches.open(name).then(function (cache) { return cache.keys() }) : []
    }).then(function (keys) {
      if (!saving) return
      var total = size ? size.files : "…"
      show(fill(strings.saving, { done: Math.min(keys.length, size ? size.files : keys.length), total: total }))
      saving = setTimeout(progress, 500)
    })
  }

  function stopProgress() {
    if (saving) clearTimeout(saving)
    saving = null
  }

  function follow(installing) {
    if (!controlled) {
      saving = saving || setTimeout(progress, 0)
      show(fill(strings.saving, { done: 0, total: size ? size.files : "…" }))
    }
    installing.addEventListener("statechange", function () {
      if (installing.state === "installed" && controlled) notify(installing)
      else if (installing.state === "activated") saved()
      else if (installing.state === "redundant" && !worker.controller) notSaved(true)
    })
  }

  function watch(registration) {
    if (registration.waiting && controlled) notify(registration.waiting)
    if (registration.installing) follow(registration.installing)
    registration.addEventListener("updatefound", function () { follow(registration.installing) })
    if (registration.active && !registration.installing) saved()
  }

  function register(asked) {
    worker.register(own, { scope: root.href }).then(function (registration) {
      watch(registration)
      if (asked && !registration.installing && !registration.waiting && !registration.active) registration.update()
    }, function () { notSaved(true) })
  }

  // The notice that a new build is ready: reloading hands over to it (the worker waits until asked).
  function notify(waiting) {
    if (document.querySelector(".handbook-update")) return
    var notice = document.createElement("div")
    notice.className = "handbook-update"
    notice.setAttribute("role", "status")
    var button = document.createElement("button")
    button.type = "button"
    button.textContent = strings.update
    button.addEventListener("click", function () {
      button.disabled = true
      waiting.postMessage({ type: "SKIP_WAITING" })
    })
    notice.appendChild(button)
    ;(document.querySelector("main") || document.body).appendChild(notice)
  }

  function start() {
    fetch(new URL("precache.json", root).href).then(function (response) {
      return response.ok ? response.json() : null
    }).catch(function () { return null }).then(function (found) {
      size = found
      return worker.getRegistration(root.href)
    }).then(function (registration) {
      var mine = registration && registration.scope === root.href ? registration : null
      var thrifty = navigator.connection && navigator.connection.saveData
      if (mine || !thrifty) register(false)
      else notSaved(false)
    })
  }

  if (document.readyState === "complete") start()
  else window.addEventListener("load", function () { setTimeout(start, 0) })
})()
