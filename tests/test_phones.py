"""The handbook on a learner's phone (issue 28): installable (a manifest per language, its icons), saved for
offline reading by a service worker that Workbox generates over the finished site, with a clear offline state,
an offline page for what is not saved, and an update that never mixes two builds.

The precache is checked on the real site's workers as built (what they save, how much); the rest as a reader
meets it, in headless Chromium with one browser context per scenario: the real site for reading and searching
offline (both languages, and the variant site served under a sub-path), a small site built twice for the update.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_tools import PHONE, open_search, search, serve
from PIL import Image

from sotay_boiduong import offline, pwa

FILES_OPENED = (".pdf", ".zip", ".pptx", ".docx")
LANGUAGES = [("vi", ""), ("en", "en/")]


# ---------------------------------------------------------------- the parts, without a site


def _site(tmp_path: Path, names: list[str]) -> Path:
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    return tmp_path


def test_a_language_saves_its_own_pages_and_the_shared_assets_but_no_file_to_download(tmp_path):
    site = _site(tmp_path, [
        "index.html", "404.html", "sw.js", "precache.json", "manifest.webmanifest", "bai-hoc/bai-1/index.html",
        "huong-dan/bien-tap/index.html", "huong-dan/to-chuc-lop/index.html", "search/handbook_index.json",
        "search/handbook_index.giang-vien.json", "en/search/handbook_index.giang-vien.json", "pdf/so-tay-hoc-vien.pdf", "offline/so-tay.zip", "giang-vien/bai-giang/bai-1.pptx", "giang-vien/bai-giang/bai-1-ke-hoach.docx",
        "assets/javascripts/bundle.js", "assets/javascripts/bundle.js.map", "assets/javascripts/iframe-worker.js",
        "assets/javascripts/lunr/min/lunr.vi.min.js", "assets/javascripts/lunr/min/lunr.ja.min.js", "assets/javascripts/lunr/wordcut.js",
        "assets/workbox/workbox-core.prod.js", "assets/images/favicon.png", "assets/icons/icon-192.png", "assets/fonts/OFL.txt",
        "en/index.html", "en/bai-hoc/bai-1/index.html", "en/search/handbook_index.json", "en/manifest.webmanifest", "en/sw.js",
    ])
    prefixes = {"vi": "", "en": "en/"}
    assert list(pwa.precache_files(site, prefixes, "vi", ["vi", "en"], ["huong-dan/to-chuc-lop/"])) == [
        "assets/icons/icon-192.png",
        "assets/javascripts/bundle.js",
        "assets/javascripts/lunr/min/lunr.vi.min.js",
        "bai-hoc/bai-1/index.html",
        "index.html",
        "manifest.webmanifest",
        "search/handbook_index.json",
    ]
    english = list(pwa.precache_files(site, prefixes, "en", ["vi", "en"]))
    assert [name for name in english if not name.startswith("assets/")] == [
        "en/bai-hoc/bai-1/index.html", "en/index.html", "en/manifest.webmanifest", "en/search/handbook_index.json",
    ]
    # Addressed from each worker: the English one is in en/, the shared assets one folder up.
    assert [e.url for e in pwa.entries(site, ["en/index.html", "assets/icons/icon-192.png"], "en/")] == [
        "index.html", "../assets/icons/icon-192.png",
    ]


def test_each_language_is_an_app_of_its_own_whose_addresses_work_under_any_path():
    vietnamese = pwa.manifest(name="Bồi dưỡng", short_name="Công tác đảng", description="Sổ tay.", language="vi", prefix="")
    english = pwa.manifest(name="Training", short_name="Party work", description="Handbook.", language="en", prefix="en/")
    for manifest in (vietnamese, english):
        assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "./"  # relative to the manifest's folder
        assert manifest["display"] == "standalone" and manifest["theme_color"] == pwa.THEME_COLOUR
        assert {(i["sizes"], i["purpose"]) for i in manifest["icons"]} == {
            ("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable"),
        }
    assert vietnamese["icons"][0]["src"] == "assets/icons/icon-192.png"
    assert english["icons"][0]["src"] == "../assets/icons/icon-192.png"


def test_the_maskable_icon_is_the_drawing_on_a_full_square():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32"><rect width="32" height="32" fill="#a4161a"/></svg>'
    wrapped = pwa.maskable_svg(svg)
    assert wrapped.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#a4161a"/>')
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" x="5.0" y="5.0" width="90.0" height="90.0"><rect' in wrapped


def test_the_worker_source_gets_the_language_and_workbox_the_injection_point():
    template = (Path(pwa.__file__).parent / "assets" / "service-worker.js").read_text(encoding="utf-8")
    assert template.count("self.__WB_MANIFEST") == 1  # Workbox's injectManifest needs exactly one
    source = pwa.worker_source(template, prefix="en/", other_prefixes=[], language="en")
    settings = json.loads(re.search(r"const HANDBOOK = (\{.*\})", source).group(1))
    assert settings["runtime"] == "../assets/workbox/" and settings["language"] == "en" and settings["elsewhere"] == []
    assert "googleapis" not in source and "importScripts(\"http" not in source


# ---------------------------------------------------------------- the real site's workers, manifests and icons


@pytest.mark.parametrize("language, prefix", LANGUAGES)
def test_the_precache_saves_the_learners_pages_no_download_no_other_language_within_3_mb(real_site, language, prefix):
    site = real_site.site
    worker = (site / prefix / pwa.WORKER).read_text(encoding="utf-8")
    urls = pwa.precached_urls(worker)
    files = [(site / prefix / url).resolve() for url in urls]
    assert all(path.is_file() for path in files), [u for u, p in zip(urls, files, strict=True) if not p.is_file()]
    names = [path.relative_to(site.resolve()).as_posix() for path in files]
    assert not [n for n in names if n.endswith(FILES_OPENED)]
    others = [p for _, p in LANGUAGES if p and p != prefix]
    assert not [n for n in names if any(n.startswith(o) for o in others)]
    for page in ["index.html", "bai-hoc/bai-1/index.html", "bai-hoc/bai-6/index.html", "van-ban/dieu-le-dang/index.html",
                 "thuat-ngu/index.html", "ngoai-tuyen/index.html", "search/search_index.json", "search/handbook_index.json",
                 "manifest.webmanifest"]:
        assert prefix + page in names, page
    assert "assets/javascripts/workers/handbook-search.js" in names
    assert [n for n in names if n.startswith("assets/fonts/")] and not [n for n in names if n.startswith("assets/workbox/")]
    assert prefix + "huong-dan/bien-tap/index.html" not in names and prefix + "404.html" not in names
    total = sum(path.stat().st_size for path in files)
    assert total <= pwa.PRECACHE_LIMIT, f"{total} bytes"
    info = json.loads((site / prefix / pwa.PRECACHE_INFO).read_text(encoding="utf-8"))
    assert info["files"] == len(urls) and abs(info["bytes"] - total) < 1000
    assert "huong-dan/to-chuc-lop/" in info["left_out"]  # printed only in the lecturer's edition
    # Workbox's own runtime, beside the site, and nothing from another host.
    assert re.search(r'importScripts\(\.\.\.\["core", "routing", "strategies", "precaching", "expiration"\]', worker)
    assert all((site / "assets/workbox" / f"workbox-{m}.prod.js").is_file() for m in pwa.RUNTIME_MODULES)
    assert "http://" not in worker and "https://" not in worker


@pytest.mark.parametrize("language, prefix", LANGUAGES)
def test_the_manifest_parses_its_icons_exist_and_every_page_links_it(real_site, language, prefix):
    site = real_site.site
    manifest = json.loads((site / prefix / pwa.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["lang"] == language and manifest["scope"] == "./" and manifest["short_name"]
    assert len(manifest["short_name"]) <= 15  # the launcher's label
    for icon in manifest["icons"]:
        image = Image.open(site / prefix / icon["src"])
        assert image.format == "PNG" and f"{image.width}x{image.height}" == icon["sizes"]
        if icon["purpose"] == "maskable":  # the corners are the background: no transparent rim for a mask to show
            assert image.convert("RGBA").getpixel((0, 0)) == (0xA4, 0x16, 0x1A, 255)
    for page in ["index.html", "bai-hoc/bai-1/index.html"]:
        html = (site / prefix / page).read_text(encoding="utf-8")
        link = re.search(r'<link rel="manifest" href="([^"]+)">', html)
        assert link and (site / prefix / page).parent.joinpath(link.group(1)).resolve() == (site / prefix / pwa.MANIFEST).resolve()
        assert '<meta name="theme-color"' in html and "data-handbook-offline" in html


def test_the_offline_copy_never_registers_a_service_worker(real_site):
    import zipfile

    for language, prefix in LANGUAGES:
        with zipfile.ZipFile(real_site.site / prefix / offline.zip_path("offline/so-tay-boi-duong-cong-tac-dang.zip", language)) as archive:
            names = archive.namelist()
            assert not [n for n in names if n.endswith(("/sw.js", ".webmanifest", "precache.json")) or "/assets/workbox/" in n]
            page = archive.read(next(n for n in names if n.endswith(prefix + "bai-hoc/bai-1.html"))).decode("utf-8")
            assert 'rel="manifest"' not in page and "data-handbook-offline" not in page


def test_the_build_reports_each_worker_and_the_time_it_took(real_site):
    lines = [line for line in real_site.output.splitlines() if "Service worker" in line]
    assert len(lines) == 2 and all(re.search(r"\d+ tệp lưu sẵn, [\d.]+ MB \([\d.]+ MB khi tải nén gzip; giới hạn 3 MB\)", line) for line in lines)
    assert re.search(r"Bước tạo service worker \(mọi ngôn ngữ, Workbox 7\.3\.0\): [\d.]+ giây", real_site.output)


# ---------------------------------------------------------------- reading offline, as a learner does


def _saved(page) -> None:
    """Wait until the page is controlled by its worker and the offline control says the handbook is saved."""
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.wait_for_function(
        "[...document.querySelectorAll('[data-handbook-offline]')].every(c => !c.hidden"
        " && /MB/.test(c.querySelector('.handbook-offline__state').textContent))"
    )


def test_offline_a_learner_reads_lessons_the_charter_the_glossary_and_searches_without_diacritics(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "/", wait_until="load")
    _saved(page)
    state = page.locator(".md-content .handbook-offline__state").inner_text()
    assert state.startswith("Sổ tay đã được lưu trên thiết bị này (") and " MB)" in state
    assert page.locator(".md-footer .handbook-offline__state").inner_text() == state
    context.set_offline(True)
    for path, title in [
        ("/bai-hoc/bai-1/", "Bài 1."), ("/bai-hoc/bai-3/", "Bài 3."), ("/bai-hoc/bai-5/", "Bài 5."),
        ("/van-ban/dieu-le-dang/", "Điều lệ Đảng"), ("/thuat-ngu/", "Thuật ngữ"),
        ("/chuyen-de/dan-van/", ""),  # never visited, nor linked from the pages above: from the precache
    ]:
        response = page.goto(site_url + path, wait_until="load")
        assert response.from_service_worker and page.url == site_url + path
        assert page.locator("article h1").inner_text().startswith(title)
        assert page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily").startswith('"Noto Sans"')
    open_search(page)
    found = search(page, "ket nap dang vien")
    assert found and found[0].path == "/bai-hoc/bai-3/", [r.path for r in found[:5]]
    page.locator(".md-search-result__item a").first.click()  # the result's address carries ?h=…: saved all the same
    page.wait_for_url(re.compile(r".*/bai-hoc/bai-3/\?h="))
    assert page.locator("article h1").inner_text().startswith("Bài 3.")
    # Outside the precache (the editors' guide): the offline page, which links what is saved.
    page.goto(site_url + "/huong-dan/bien-tap/", wait_until="load")
    assert page.url == site_url + "/ngoai-tuyen/"
    assert page.locator("article h1").inner_text() == "Phần này chưa được lưu trên thiết bị"
    assert page.locator("article a[href$='bai-hoc/bai-1/']").count() == 1
    page.locator("article a[href$='bai-hoc/bai-1/']").click()
    page.wait_for_url(site_url + "/bai-hoc/bai-1/")
    context.close()
    assert errors == []


def test_the_english_app_has_its_own_worker_and_scope(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/en/", wait_until="load")
    _saved(page)
    scopes = page.evaluate("navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope))")
    assert scopes == [site_url + "/en/"]  # the Vietnamese app is not installed by an English page
    assert page.locator(".md-content .handbook-offline__state").inner_text().startswith("The handbook is saved on this device (")
    context.set_offline(True)
    page.goto(site_url + "/en/bai-hoc/bai-2/", wait_until="load")
    assert page.locator("article h1").inner_text().startswith("Lesson 2.")
    page.goto(site_url + "/en/huong-dan/bien-tap/", wait_until="load")
    assert page.url == site_url + "/en/ngoai-tuyen/"
    context.close()


def test_with_save_data_the_handbook_is_saved_only_when_asked(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    page = context.new_page()
    page.goto(site_url + "/", wait_until="load")
    control = page.locator(".md-content [data-handbook-offline]")
    control.locator(".handbook-offline__save").wait_for()
    assert control.locator(".handbook-offline__state").inner_text() == "Sổ tay chưa được lưu trên thiết bị này."
    button = control.get_by_role("button", name=re.compile(r"^Lưu ngay \([\d,]+ MB\)$"))
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(rs => rs.length)") == 0
    button.focus()
    page.keyboard.press("Enter")
    _saved(page)
    assert control.locator(".handbook-offline__save").is_hidden()
    context.close()


@pytest.fixture(scope="module")
def sub_path_url(variant_site, tmp_path_factory):
    """The variant site (HANDBOOK_SITE_URL=https://example.org/so-tay/) served under /so-tay/."""
    folder = tmp_path_factory.mktemp("sub-path")
    (folder / "so-tay").symlink_to(variant_site.site, target_is_directory=True)
    with serve(folder) as url:
        yield url + "/so-tay"


def test_under_a_sub_path_each_worker_keeps_to_its_own_folder(browser, sub_path_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(sub_path_url + "/", wait_until="load")
    _saved(page)
    page.goto(sub_path_url + "/en/", wait_until="load")
    _saved(page)
    scopes = sorted(page.evaluate("navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope))"))
    assert scopes == [sub_path_url + "/", sub_path_url + "/en/"]
    context.set_offline(True)
    page.goto(sub_path_url + "/bai-hoc/bai-4/", wait_until="load")
    assert page.locator("article h1").inner_text().startswith("Bài 4.")
    page.goto(sub_path_url + "/en/bai-hoc/bai-4/", wait_until="load")
    assert page.locator("article h1").inner_text().startswith("Lesson 4.")
    page.goto(sub_path_url + "/huong-dan/bien-tap/", wait_until="load")
    assert page.url == sub_path_url + "/ngoai-tuyen/"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_offline_control_and_the_offline_page(browser, site_url, scheme):
    axe = Axe()
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/", wait_until="load")
    _saved(page)
    violations = []
    for path in ["/", "/ngoai-tuyen/"]:
        if path != "/":
            page.goto(site_url + path, wait_until="load")
        results = axe.run(page)
        violations += [(path, v["id"], [n["target"] for n in v["nodes"][:3]]) for v in results.response["violations"]]
    context.close()
    assert violations == []


# ---------------------------------------------------------------- a new build


UPDATE_PAGES = {
    "index.md": "---\ntitle: Trang chủ\n---\n\n# Trang chủ\n\n<!-- handbook:offline -->\n\nBản dựng {n}.\n\n[Bài đọc](bai-doc.md)\n",
    "index.en.md": "---\ntitle: Home\n---\n\n# Home\n\nBuild {n}.\n",
    "bai-doc.md": "---\ntitle: Bài đọc\n---\n\n# Bài đọc\n\nNội dung của lần dựng {n}.\n",
    "ngoai-tuyen.md": "---\ntitle: Ngoại tuyến\n---\n\n# Ngoại tuyến\n\n[Trang chủ](index.md)\n",
}


def test_a_new_build_waits_behind_a_notice_then_replaces_the_whole_saved_handbook(browser, fixture_site):
    from conftest import run_mkdocs

    first = fixture_site({name: text.format(n=1) for name, text in UPDATE_PAGES.items()}, nav=["index.md", "bai-doc.md"], app=True)
    assert first.returncode == 0, first.output[-3000:]
    project = first.site.parent / "project"

    def rebuild(n: int) -> None:
        for name, text in UPDATE_PAGES.items():
            (project / "docs" / name).write_text(text.format(n=n), encoding="utf-8")
        build = run_mkdocs(project, first.site, pdf=False, app=True)
        assert build.returncode == 0, build.output[-3000:]

    with serve(first.site) as url:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(url + "/", wait_until="load")
        _saved(page)
        assert "Bản dựng 1." in page.locator("article").inner_text()
        rebuild(2)  # the same folder, rebuilt: the server now serves the new build
        page.reload(wait_until="load")
        notice = page.get_by_role("button", name="Đã có bản cập nhật — tải lại")
        notice.wait_for()
        page.screenshot(path="/tmp/phones-shots/update.png")
        violations = Axe().run(page).response["violations"]
        assert [(v["id"], [(n["target"], n.get("failureSummary")) for n in v["nodes"][:3]]) for v in violations] == []
        # Until the reader reloads, every page is the old build's, from the old worker's files.
        assert "Bản dựng 1." in page.locator("article").inner_text()
        page.goto(url + "/bai-doc/", wait_until="load")
        assert "lần dựng 1." in page.locator("article").inner_text()
        page.get_by_role("button", name="Đã có bản cập nhật — tải lại").click()
        page.wait_for_function("document.body.innerText.includes('lần dựng 2.')")
        context.set_offline(True)  # the new build is saved whole: both pages offline, in their new text
        page.goto(url + "/", wait_until="load")
        assert "Bản dựng 2." in page.locator("article").inner_text()
        assert page.locator(".handbook-update").count() == 0
        context.close()
