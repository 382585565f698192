"""Main-thread work of loading a page on a slow phone, measured in a real browser; run through
scripts/main-thread.sh. A benchmark, not a test: it prints figures and exits 0.

Lighthouse (scripts/lighthouse.sh) simulates a phone from one fast load, and on a shared machine its
performance score moves by up to ten points between two runs of the same page. This measures the work
itself, which moves much less: headless Chromium with a phone's screen and its CPU slowed down 4x (as
Lighthouse assumes for a mid-range phone) loads the page, and the figures are Chromium's own counters:

- blocking: the sum over long tasks (Long Tasks API) of the part beyond 50 ms, from navigation to 2.5 s
  after the load event (Lighthouse's Total Blocking Time, measured instead of simulated);
- style, layout, script: milliseconds spent in style recalculation, layout and JavaScript (CDP
  Performance.getMetrics), and how many style recalculations and layouts there were.

Given several sites (--site A --site B), it loads them in turn, in alternating order, so that a change
of the machine's load affects all of them alike, and prints the medians side by side. Use an odd number
of runs with two sites, so each is first in about half of them.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

# The same Chromium, flags and local server as the browser tests.
from sotay_boiduong.devtools import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
FLAGS = CHROMIUM_ARGS
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
         "has_touch": True}
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(list => {
  for (const task of list.getEntries()) window.__longTasks.push(task.duration);
}).observe({type: "longtask", buffered: true});
"""
FIGURES = ("blocking", "style", "layout", "script", "recalcs", "layouts")


def measure(browser, url: str, throttle: float) -> dict[str, float]:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.add_init_script(LONG_TASKS)
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        cdp.send("Performance.enable")
        page.goto(url, wait_until="load")
        page.wait_for_timeout(2500)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        tasks = page.evaluate("window.__longTasks")
    finally:
        context.close()
    return {
        "blocking": sum(max(0.0, duration - 50) for duration in tasks),
        "style": metrics["RecalcStyleDuration"] * 1000,
        "layout": metrics["LayoutDuration"] * 1000,
        "script": metrics["ScriptDuration"] * 1000,
        "recalcs": metrics["RecalcStyleCount"],
        "layouts": metrics["LayoutCount"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, action="append",
                        help="a built site (repeatable; default: site/)")
    parser.add_argument("--page", action="append", help="page path (repeatable; default: / and /bai-hoc/bai-1/)")
    parser.add_argument("--runs", type=int, default=7, help="loads per page and site (default 7)")
    parser.add_argument("--throttle", type=float, default=4, help="CPU slowdown (default 4, as Lighthouse mobile)")
    args = parser.parse_args()
    sites = args.site or [ROOT / "site"]
    pages = args.page or ["/", "/bai-hoc/bai-1/"]
    for site in sites:
        if not (site / "index.html").is_file():
            parser.error(f"{site} has no index.html: build it first (bash scripts/build.sh)")

    results: dict[tuple[int, str], list[dict[str, float]]] = {}
    with contextlib.ExitStack() as stack, sync_playwright() as playwright:
        bases = [stack.enter_context(serve(site)) for site in sites]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for run in range(args.runs):
            # Each round reverses the order of the sites: with a fixed order, whichever site loaded second
            # showed some 25% more script time (seen by swapping the order of the same two sites).
            order = list(enumerate(bases))
            if run % 2:
                order.reverse()
            for page in pages:
                for index, base in order:
                    results.setdefault((index, page), []).append(measure(browser, base + page, args.throttle))
        browser.close()

    print(f"Medians of {args.runs} loads, CPU slowed down {args.throttle:g}x, phone screen "
          f"(blocking/style/layout/script in ms):")
    width = max(len(str(site)) for site in sites)
    for page in pages:
        print(f"\n{page}")
        for index, site in enumerate(sites):
            runs = results[(index, page)]
            figures = "  ".join(f"{name} {statistics.median(run[name] for run in runs):6.0f}" for name in FIGURES)
            spread = [round(run["blocking"]) for run in runs]
            print(f"  {str(site):<{width}}  {figures}   (blocking in each load: {spread})")


if __name__ == "__main__":
    sys.exit(main())
