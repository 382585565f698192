/*
 * Writes the precache list of each language into its service worker with Workbox's injectManifest
 * (sotay_boiduong.pwa.generate_workers):
 *   node workbox-build.cjs <path of the workbox-build module>   < jobs (JSON)
 * Each job is injectManifest's options plus `language`: the worker's source with the language's settings
 * (swSrc), where to write it (swDest), and the files to save, chosen and hashed by sotay_boiduong.pwa
 * (additionalManifestEntries; nothing is globbed). Prints {language: {count, size, warnings}} as JSON.
 * Only injectManifest is loaded: the rest of workbox-build (Rollup, Babel) takes longer to load than this
 * whole step.
 */
"use strict"

const path = require("path")
const { injectManifest } = require(path.join(process.argv[2], "build", "inject-manifest.js"))

async function main() {
  let text = ""
  for await (const chunk of process.stdin) text += chunk
  const answers = {}
  for (const { language, ...options } of JSON.parse(text)) {
    const { count, size, warnings } = await injectManifest(options)
    answers[language] = { count, size, warnings }
  }
  process.stdout.write(JSON.stringify(answers))
}

main().catch(error => {
  process.stderr.write(String((error && error.stack) || error) + "\n")
  process.exit(1)
})
