"""Lighthouse (mobile) scores of the home page and a lesson page in both languages; run through
scripts/lighthouse.sh, which installs Lighthouse and Chromium first.

A benchmark, not a test: it prints the scores, the targets they miss and the failing audits, and exits 0
unless Lighthouse itself fails. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["NO_MKDOCS_2_WARNING"] = "1"

PAGES = ("/", "/bai-hoc/bai-1/", "/en/", "/en/bai-hoc/bai-1/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The targets this benchmark reports against; SEO is printed for information only.
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}
CHROMIUM = "/usr/bin/chromium"
# Flags for Debian's Chromium on a machine with no outside network: headless, as root, and with the
# background connections (updates, sync, component downloads) that would only fail turned off.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
# Even with those flags Chromium looks up Google's hosts (update.googleapis.com, accounts.google.com) at
# start. This rule, passed as a second --chrome-flags, answers every name but the audited host with "not
# found" without asking DNS, so nothing leaves the machine (checked with strace: no DNS query, no packet
# to any address but 127.0.0.1).
RESOLVER_RULES = '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE {host}"'
# How many items of an audit's details to print (the JSON reports kept with --out have them all).
MAX_ITEMS = 12


# --- A small static server that compresses text like a real web host does -------------------------

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/manifest+json")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with `Content-Encoding: gzip` for text types when the client accepts gzip,
    so Lighthouse sees realistic transfer sizes. Answers unknown paths with 404.html and a 404 status."""

    protocol_version = "HTTP/1.1"  # keep-alive, as any real host offers
    _cache: dict[tuple[str, float], bytes] = {}
    _lock = threading.Lock()

    def log_message(self, format, *args):  # noqa: A002 - quiet: Lighthouse makes many requests
        pass

    def list_directory(self, path):
        self._send_404()
        return None

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the standard redirect to the path with a slash
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self._send_404()
            return None
        ctype = self.guess_type(path)
        data = Path(path).read_bytes()
        encoding = None
        accepts = self.headers.get("Accept-Encoding", "")
        if ctype.startswith(COMPRESSIBLE) and "gzip" in accepts and len(data) > 256:
            data, encoding = self._gzip(path, data), "gzip"
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Last-Modified", self.date_time_string(int(os.stat(path).st_mtime)))
        self.end_headers()
        return _Body(data)

    def _gzip(self, path: str, data: bytes) -> bytes:
        key = (path, os.stat(path).st_mtime)
        with self._lock:
            if key not in self._cache:
                self._cache[key] = gzip.compress(data, compresslevel=6, mtime=0)
            return self._cache[key]

    def _send_404(self) -> None:
        page = Path(self.directory) / "404.html"
        data = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class _Body:
    """What send_head returns: SimpleHTTPRequestHandler copies it to the socket and closes it."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Chromium drops keep-alive connections when a run ends; that is no error worth a traceback.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = lambda *a, **kw: GzipHandler(*a, directory=str(site), **kw)  # noqa: E731
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# --- Running Lighthouse ---------------------------------------------------------------------------

def lighthouse(cli: Path, url: str, out: Path) -> float:
    """Runs Lighthouse once on url and writes its JSON report to out; returns the seconds it took."""
    host = urllib.parse.urlsplit(url).hostname or "localhost"
    command = [
        "node", str(cli), url,
        f"--chrome-path={CHROMIUM}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--chrome-flags=" + RESOLVER_RULES.format(host=host),
        "--form-factor=mobile",  # with Lighthouse's default mobile screen emulation and throttling
        "--output=json", f"--output-path={out}",
        "--quiet",
        "--only-categories=" + ",".join(CATEGORIES),
        "--no-enable-error-reporting",  # never send crash reports anywhere
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0 or not out.is_file():
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"Lighthouse failed on {url} (exit code {done.returncode})")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        error = report["runtimeError"]
        raise SystemExit(f"Lighthouse could not audit {url}: {error.get('code')}: {error.get('message')}")
    return seconds


def scores(report: dict) -> dict[str, int]:
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def total_kb(report: dict) -> float:
    return report["audits"]["total-byte-weight"]["numericValue"] / 1024


def failing(report: dict, category: str) -> list[str]:
    """Ids of the audits of a category that fail, as Lighthouse's own report marks them: binary audits
    below 1, scored ones (metrics, opportunities, diagnostics) below 0.9, and audits that errored.
    Audits in the "hidden" group are skipped, as the HTML report does (in Lighthouse 12 they are mostly
    the "insight" twins of the classic diagnostics, which would print every finding twice)."""
    ids = []
    for ref in report["categories"][category]["auditRefs"]:
        if ref.get("group") == "hidden":
            continue
        audit = report["audits"][ref["id"]]
        mode, score = audit.get("scoreDisplayMode"), audit.get("score")
        if mode == "error":
            ids.append(ref["id"])
        elif mode in ("notApplicable", "manual", "informative") or score is None:
            continue
        elif score < (1 if mode == "binary" else 0.9):
            ids.append(ref["id"])
    return ids


# --- Printing an audit's details ------------------------------------------------------------------

def _value(value) -> str:
    if isinstance(value, dict):
        kind = value.get("type")
        if kind == "node":
            text = value.get("selector") or value.get("nodeLabel") or ""
            if value.get("snippet"):
                text += f"  {_short(value['snippet'], 200)}"
            return text
        if kind == "source-location":
            return f"{value.get('url', '')}:{value.get('line', 0) + 1}:{value.get('column', 0) + 1}"
        if kind in ("url", "code", "text", "link"):
            return str(value.get("value") or value.get("text") or value.get("url") or "")
        if kind == "numeric":
            return _value(value.get("value"))
        if kind == "subitems":
            return "; ".join(_item_text(sub) for sub in value.get("items", [])[:5])
        return _short(json.dumps(value, ensure_ascii=False), 200)
    if isinstance(value, float):
        return f"{value:.0f}" if abs(value) >= 10 else f"{value:.3g}"
    return _short(str(value), 300)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item_text(item: dict, headings: list[dict] | None = None) -> str:
    keys = [h["key"] for h in headings or [] if h.get("key")] or list(item)
    parts = []
    for key in keys:
        if key in item and item[key] not in (None, "", [], {}):
            parts.append(f"{key}={_value(item[key])}")
    return ", ".join(parts)


def details_lines(details: dict | None, indent: str = "      ") -> list[str]:
    """The useful part of an audit's details: for each item its elements (selector and HTML snippet),
    URLs, source locations, messages, and the explanation that Lighthouse or axe gives."""
    if not details:
        return []
    kind = details.get("type")
    if kind == "list":  # a list of tables, e.g. the LCP element and its phases
        return [line for sub in details.get("items", []) for line in details_lines(sub, indent)]
    if kind == "list-section":
        return details_lines(details.get("value"), indent)
    if kind in ("network-tree", "criticalrequestchain"):
        return _longest_chain(details.get("chains", {}), indent)
    if kind not in ("table", "opportunity"):
        return []
    lines, items = [], details.get("items", [])
    for item in items[:MAX_ITEMS]:
        lines.append(indent + "- " + _item_text(item, details.get("headings")))
        node = item.get("node")
        if isinstance(node, dict) and node.get("explanation"):
            for line in node["explanation"].splitlines():
                if line.strip():
                    lines.append(indent + "    " + _short(line, 300))
        sub = item.get("subItems")
        if isinstance(sub, dict) and "subItems" not in [h.get("key") for h in details.get("headings", [])]:
            for entry in sub.get("items", [])[:5]:
                lines.append(indent + "    · " + _item_text(entry))
    if len(items) > MAX_ITEMS:
        lines.append(indent + f"- … and {len(items) - MAX_ITEMS} more (use --out DIR for the full reports)")
    return lines


def _longest_chain(chains: dict, indent: str) -> list[str]:
    """The longest chain of a network dependency tree: each request with its end time and size."""
    lines, level = [], chains
    while level:
        key = next((k for k, v in level.items() if v.get("isLongest")), None) or max(
            level, key=lambda k: level[k].get("navStartToEndTime", 0))
        node = level[key]
        request = node.get("request", node)  # criticalrequestchain nests the request
        end = node.get("navStartToEndTime", request.get("endTime", 0))
        size = request.get("transferSize", 0) / 1024
        lines.append(f"{indent}{'  ' * len(lines)}-> {request.get('url', key)} ({end:.0f} ms, {size:.1f} KB)")
        level = node.get("children", {})
    if lines:
        lines.insert(0, indent + "longest chain:")
    return lines


def print_failures(page: str, reports: list[dict]) -> list[tuple[str, str]]:
    """Prints the failing audits of each category below 100 for one page, merged over its runs;
    returns (audit id, title) pairs for the summary."""
    found = []
    # The run with the median performance score comes first: its metrics and details are the ones shown.
    order = sorted(range(len(reports)), key=lambda n: scores(reports[n])["performance"])
    middle = order[(len(order) - 1) // 2]
    reports = [reports[middle]] + [r for n, r in enumerate(reports) if n != middle]
    for category in CATEGORIES:
        per_run = [failing(r, category) for r in reports]
        if all(scores(r)[category] == 100 for r in reports) and not any(per_run):
            continue
        ids = list(dict.fromkeys(i for run in per_run for i in run))
        if not ids:
            continue
        median = statistics.median(scores(r)[category] for r in reports)
        print(f"\n  {page}  {category} (median {median:g}):")
        if category == "performance":
            metrics = reports[0]["audits"]
            shown = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                     "cumulative-layout-shift", "speed-index")
            print("    metrics (median run): " + ", ".join(
                f"{k.replace('-', ' ')} {metrics[k].get('displayValue', '?')}" for k in shown if k in metrics))
        for audit_id in ids:
            runs = [n for n, run in enumerate(per_run) if audit_id in run]
            audit = reports[runs[0]]["audits"][audit_id]
            where = f" [in {len(runs)} of {len(reports)} runs]" if len(reports) > 1 else ""
            value = f" — {audit['displayValue']}" if audit.get("displayValue") else ""
            score = "error" if audit.get("scoreDisplayMode") == "error" else f"score {audit.get('score')}"
            print(f"    {audit_id}: {audit['title']}{value} ({score}){where}")
            if audit.get("errorMessage"):
                print(f"      error: {audit['errorMessage']}")
            for line in details_lines(audit.get("details")):
                print(line)
            found.append((audit_id, audit["title"]))
    return found


# --- Main -----------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (default 5: on a shared machine the performance score of one page varies by up to 10 points between runs, so the median wants several)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site to serve (default site/)")
    parser.add_argument("--url", help="base URL of an already-running server (the site is then not served)")
    parser.add_argument("--out", type=Path, help="keep every JSON report in this folder")
    parser.add_argument("--page", action="append", dest="pages", metavar="PATH",
                        help=f"measure only this page (repeatable; default {' '.join(PAGES)})")
    parser.add_argument("--lighthouse", type=Path,
                        default=ROOT / ".tools/lighthouse/node_modules/lighthouse/cli/index.js",
                        help="Lighthouse's cli/index.js (scripts/lighthouse.sh installs it)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    pages = tuple(args.pages or PAGES)
    if any(not page.startswith("/") for page in pages):
        parser.error("--page takes a path that starts with /, e.g. --page /bai-hoc/bai-1/")
    if not args.lighthouse.is_file():
        parser.error(f"{args.lighthouse} not found: run scripts/lighthouse.sh, which installs Lighthouse")
    if not Path(CHROMIUM).is_file():
        parser.error(f"{CHROMIUM} not found: apt-get install chromium")

    server = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        if not (args.site / "index.html").is_file():
            parser.error(f"{args.site} holds no built site (HANDBOOK_PDF=0 bash scripts/build.sh)")
        server, base = serve(args.site.resolve())
    tmp = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    out = args.out or tmp
    out.mkdir(parents=True, exist_ok=True)
    version = json.loads((args.lighthouse.parent.parent / "package.json").read_text())["version"]
    print(f"Lighthouse {version}, mobile, {args.runs} run(s) per page, against {base}", flush=True)

    results: dict[str, list[dict]] = {}
    seconds: list[float] = []
    try:
        for page in pages:
            results[page] = []
            for run in range(args.runs):
                name = (page.strip("/").replace("/", "_") or "home") + f"-{run + 1}.json"
                seconds.append(lighthouse(args.lighthouse, base + page, out / name))
                report = json.loads((out / name).read_text(encoding="utf-8"))
                results[page].append(report)
                print(f"  {page} run {run + 1}: performance {scores(report)['performance']}, "
                      f"{seconds[-1]:.1f} s", file=sys.stderr, flush=True)
                for warning in report.get("runWarnings", []):
                    print(f"    Lighthouse warning: {_short(warning, 300)}", file=sys.stderr, flush=True)
    finally:
        if server:
            server.shutdown()
        if not args.out:
            shutil.rmtree(tmp, ignore_errors=True)

    # The table: medians over the runs; the spread is the performance score's min–max.
    print()
    header = f"{'page':<22} {'perf':>4} {'spread':>7} {'a11y':>4} {'bp':>4} {'seo':>4}  transfer KB per run"
    print(header)
    print("-" * len(header))
    medians: dict[str, dict[str, float]] = {}
    for page, reports in results.items():
        per = {c: [scores(r)[c] for r in reports] for c in CATEGORIES}
        medians[page] = {c: statistics.median(v) for c, v in per.items()}
        perf = per["performance"]
        spread = f"{min(perf)}–{max(perf)}" if len(perf) > 1 else "-"
        kb = ", ".join(f"{total_kb(r):.0f}" for r in reports)
        m = medians[page]
        print(f"{page:<22} {m['performance']:>4g} {spread:>7} {m['accessibility']:>4g} "
              f"{m['best-practices']:>4g} {m['seo']:>4g}  {kb}")
    # Performance is simulated (Lantern: slow 4G, 4x CPU slowdown) from what this machine measured, so it
    # moves with the machine's speed and load; Lighthouse's CPU benchmark index tells how fast it was.
    index = statistics.median(r["environment"]["benchmarkIndex"] for rs in results.values() for r in rs)
    print(f"\n{len(seconds)} Lighthouse run(s), {statistics.median(seconds):.1f} s median each, "
          f"{sum(seconds):.0f} s in all; CPU benchmark index {index:.0f}")

    # Targets: performance >= 95, accessibility and best practices 100 (SEO is for information).
    missed = [f"{page}: {c} {m[c]:g} < {target}" for page, m in medians.items()
              for c, target in TARGETS.items() if m[c] < target]
    print("\nTargets (performance >= 95, accessibility 100, best practices 100): "
          + ("all met" if not missed else f"{len(missed)} MISSED"))
    for line in missed:
        print(f"  MISSED {line}")

    # The failing audits of every category below 100, per page, then the same list in short.
    summary: dict[tuple[str, str], list[str]] = {}
    for page, reports in results.items():
        for key in print_failures(page, reports):
            summary.setdefault(key, []).append(page)
    if summary:
        print("\nFailing audits in short:")
        for (audit_id, title), where in summary.items():
            print(f"  {audit_id}: {title}  ({', '.join(where)})")
    else:
        print("\nNo failing audits.")
    if args.out:
        print(f"\nJSON reports: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
