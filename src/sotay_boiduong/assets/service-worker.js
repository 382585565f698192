/*
 * The handbook's service worker, one per language (sw.js at the language's root: the site's root for Vietnamese,
 * en/ for English). Its source is this file: sotay_boiduong.pwa writes the language's settings into HANDBOOK
 * below, and Workbox (workbox-build's injectManifest) writes in the list of files to save in advance
 * (Workbox's injection point below: addresses relative to this worker, each with its revision). The Workbox runtime is
 * Workbox's own prebuilt modules, copied into the site (assets/workbox/), never loaded from another host.
 *
 * - Saved files (the precache) are answered from the device, the page's address with or without index.html,
 *   and with or without Material's ?h= (the words the search highlights).
 * - A page of this language that is not saved in advance: from the network, and kept; offline, the copy kept, or
 *   else the offline page, by a redirect so that its relative addresses resolve from its own folder. A new build's
 *   worker drops the pages kept by the old one. Another language's folder is not this worker's.
 * - PDFs, zips, slide decks and lesson plans, and the lecturer's search index: saved when opened, from the
 *   network first.
 * - A new build's worker waits until a page asks it to take over (offline.js, the "reload" notice); Workbox
 *   keys every saved file with its revision, so the waiting worker never replaces what this one serves.
 */
"use strict"

const HANDBOOK = {} /* settings */

importScripts(...["core", "routing", "strategies", "precaching", "expiration"].map(
  name => `${HANDBOOK.runtime}workbox-${name}.prod.js`
))

const { precaching, routing, strategies, expiration, core } = self.workbox

self.addEventListener("message", event => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting()
})
core.clientsClaim()
precaching.cleanupOutdatedCaches()
precaching.precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/^h$/, /^utm_/],
})

const scope = self.registration.scope
const opened = new RegExp(`\\.(${HANDBOOK.opened.join("|")})$`)
const ours = url => url.href.startsWith(scope) && !HANDBOOK.elsewhere.some(prefix => url.href.startsWith(scope + prefix))

self.addEventListener("activate", event => event.waitUntil(caches.delete(HANDBOOK.pages)))
routing.registerRoute(
  ({ request, url }) => request.mode === "navigate" && ours(url) && !opened.test(url.pathname),
  async ({ request }) => {
    const kept = await caches.open(HANDBOOK.pages)
    try {
      const response = await fetch(request)
      if (response.ok) await kept.put(request, response.clone())
      return response
    } catch (error) {
      return (await kept.match(request)) || Response.redirect(new URL(HANDBOOK.offlinePage, scope).href, 303)
    }
  }
)
routing.registerRoute(
  ({ url }) => ours(url) && (opened.test(url.pathname) || url.href === scope + HANDBOOK.lecturerIndex),
  new strategies.NetworkFirst({
    cacheName: `handbook-files-${HANDBOOK.language}`,
    plugins: [new expiration.ExpirationPlugin({ maxEntries: 12 })],
  })
)
