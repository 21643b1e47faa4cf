"""The drawn pages in a real headless Chromium, network off, checked from the page itself (DevTools protocol).

Needs Debian ``chromium`` (installed here with apt-get when missing and possible; skipped with the reason
otherwise). The graph is the seed graph (``kg build seeds/``) when the extraction pipeline is installed.
``KG_UPDATE_SCREENSHOTS=1 pytest -m browser tests/test_viz_browser.py`` also writes docs/graph.png and docs/map.png.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
                "--disable-default-apps", "--mute-audio", "--window-size=1400,900"]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            try:
                subprocess.run(cmd, env=env, capture_output=True, timeout=600, check=False)
            except (OSError, subprocess.TimeoutExpired):
                return None
        return shutil.which("chromium")
    return None


# ---------------------------------------------------------------- a minimal DevTools client (stdlib only)

class WebSocket:
    """Just enough RFC 6455 for the DevTools protocol: text frames out (masked), text frames in."""

    def __init__(self, url: str, timeout: float = 30):
        assert url.startswith("ws://")
        hostport, _, path = url[5:].partition("/")
        host, _, port = hostport.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                          .encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("websocket handshake closed")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(head.decode(errors="replace"))

    def _recv_exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("websocket closed")
            buf += chunk
        return buf

    def send(self, text: str) -> None:
        payload = text.encode()
        n = len(payload)
        head = bytes([0x81])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def recv(self) -> str:
        parts = []
        while True:
            b1, b2 = self._recv_exact(2)
            n = b2 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            payload = self._recv_exact(n)
            opcode = b1 & 0x0F
            if opcode == 0x9:  # ping
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + b"\0\0\0\0" + payload)
                continue
            if opcode == 0x8:
                raise ConnectionError("websocket closed by the browser")
            parts.append(payload)
            if b1 & 0x80:
                return b"".join(parts).decode()


class Browser:
    """Headless Chromium with a fresh profile, driven over the DevTools protocol; the network is emulated off."""

    def __init__(self, chrome: str):
        self.profile = tempfile.mkdtemp(prefix="kg-chrome-")
        self.proc = subprocess.Popen(
            [chrome, *CHROME_FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.time() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.time() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not start its DevTools server")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = WebSocket(page["webSocketDebuggerUrl"])
        self.next_id = 0
        self.events: list[dict] = []
        self.call("Network.enable")
        self.call("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1,
                  uploadThroughput=-1)
        self.call("Page.enable")

    def call(self, method: str, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def eval(self, expression: str):
        res = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in res:
            raise RuntimeError(f"page error: {res['exceptionDetails']}")
        return res["result"].get("value")

    def open(self, path: Path, ready: str = "document.documentElement.dataset.kgReady === '1'", timeout=30):
        self.call("Page.navigate", url=path.resolve().as_uri())
        deadline = time.time() + timeout
        while not self.eval(f"!!(document.documentElement && {ready})"):
            if time.time() > deadline:
                raise AssertionError(f"{path.name}: page not ready after {timeout}s")
            time.sleep(0.2)

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      buttons=1 if kind == "mousePressed" else 0, clickCount=1)

    def screenshot(self, out: Path) -> None:
        out.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def close(self) -> None:
        try:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def browser():
    chrome = find_chromium()
    if chrome is None:
        pytest.skip("chromium is not installed and could not be installed (apt-get install chromium)")
    b = Browser(chrome)
    yield b
    b.close()


@pytest.fixture(scope="module")
def graph_source(tmp_path_factory):
    """The seed graph (kg build seeds/) when the pipeline is there; else the hand-made test graph."""
    try:
        import kg.pipeline  # noqa: F401
        from kg.build import build
        from kg.store import KgStore
    except ImportError:
        from test_network import sample_dataset

        return sample_dataset()
    store_dir = tmp_path_factory.mktemp("seedstore")
    report = build([str(REPO / "seeds")], str(store_dir), progress=False)
    assert report.committed, report.summary()
    return KgStore(store_dir)


@pytest.fixture(scope="module")
def pages(graph_source, tmp_path_factory):
    from kg.viz import write_graph_html
    from kg.viz_map import write_map_html

    out = tmp_path_factory.mktemp("pages")
    write_graph_html(graph_source, out / "graph.html")
    write_map_html(graph_source, out / "map.html")
    return out


DRAWN_NODES = """(() => {
  const v = window.kgViz, canvas = document.querySelector('#kg-network canvas');
  const ctx = canvas.getContext('2d'), ratio = canvas.width / canvas.clientWidth;
  const ids = v.view.getIds(), pos = v.network.getPositions(ids);
  let drawn = 0;
  for (const id of ids) {
    const p = v.network.canvasToDOM(pos[id]);
    const px = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
    if (px[3] > 0 && !(px[0] > 245 && px[1] > 245 && px[2] > 245)) drawn++;
  }
  return {ids: ids.length, drawn: drawn, total: v.data.nodes.length};
})()"""

NODE_SCREEN_POS = """(() => {
  const v = window.kgViz, n = v.find(%s);
  const p = v.network.canvasToDOM(v.network.getPositions([n.id])[n.id]);
  const r = document.getElementById('kg-network').getBoundingClientRect();
  return {id: n.id, x: r.left + p.x, y: r.top + p.y};
})()"""


def test_graph_page_draws_nodes_and_click_shows_evidence(browser, pages, tmp_path):
    browser.open(pages / "graph.html")
    counts = browser.eval(DRAWN_NODES)
    assert counts["ids"] == counts["total"] > 0
    assert counts["drawn"] >= 0.8 * counts["ids"], counts  # pixels at the nodes' positions are painted
    assert browser.eval("document.querySelector('#kg-count').textContent").startswith("노드")

    pos = browser.eval(NODE_SCREEN_POS % json.dumps("포항시"))
    browser.click(pos["x"], pos["y"])
    time.sleep(0.3)
    panel = browser.eval("({node: document.getElementById('kg-panel').dataset.node,"
                         " title: document.querySelector('#kg-panel h2')?.textContent,"
                         " evidence: [...document.querySelectorAll('#kg-panel .kg-evidence q')].map(q => q.textContent),"
                         " cites: [...document.querySelectorAll('#kg-panel .kg-evidence cite')].map(c => c.textContent)})")
    assert panel["node"] == pos["id"] and panel["title"] == "포항시"
    assert panel["evidence"] and any("포항" in s for s in panel["evidence"]), panel
    assert any(c for c in panel["cites"]), "evidence shows its article title/date"
    if os.environ.get("KG_UPDATE_SCREENSHOTS"):  # KG_UPDATE_SCREENSHOTS=1 pytest -m browser: the README's pictures
        (REPO / "docs").mkdir(exist_ok=True)
        browser.screenshot(REPO / "docs" / "graph.png")

    # filters act on the drawing: only cities, then everything again
    shown = browser.eval("""(() => { document.querySelectorAll('#kg-types input').forEach(cb => {
        if (cb.value !== 'City') { cb.checked = false; cb.dispatchEvent(new Event('change')); } });
        return window.kgViz.view.getIds().map(id => window.kgViz.data.nodes.find(n => n.id === id).type); })()""")
    assert shown and set(shown) == {"City"}
    browser.eval("document.getElementById('kg-reset').click()")
    # theme, city and date filters: every node left is about that theme / city / period
    picked = browser.eval("""(() => { const v = window.kgViz, set = (id, val) => { const e = document.getElementById(id);
        e.value = val; e.dispatchEvent(new Event('change')); };
      const theme = v.data.themes[0].id; set('kg-theme', theme);
      const a = v.view.getIds().map(id => v.data.nodes.find(n => n.id === id).themes.includes(theme));
      set('kg-theme', ''); set('kg-city', '포항시');
      const b = v.view.getIds().map(id => v.data.nodes.find(n => n.id === id).cities.includes('포항시'));
      set('kg-city', ''); set('kg-from', '2100-01-01');
      const c = v.view.getIds().map(id => v.data.nodes.find(n => n.id === id).dmin === '');
      document.getElementById('kg-reset').click();
      return {theme: a, city: b, late: c}; })()""")
    assert picked["theme"] and all(picked["theme"]) and picked["city"] and all(picked["city"])
    assert all(picked["late"]) and len(picked["late"]) < counts["total"]
    assert browser.eval("window.kgViz.view.length") == counts["total"]
    assert not [u for u in browser.requests() if not u.startswith(("file:", "data:", "about:"))]
    browser.screenshot(tmp_path / "graph.png")
    assert (tmp_path / "graph.png").stat().st_size > 10_000


def test_map_page_draws_cities_and_click_opens_panel(browser, pages):
    browser.open(pages / "map.html")
    n_city = browser.eval("document.querySelectorAll('circle.kg-city').length")
    n_outline = browser.eval("document.querySelectorAll('path.kg-sgg').length")
    assert n_city >= 1 and n_outline == 250
    box = browser.eval("""(() => { const c = [...document.querySelectorAll('circle.kg-city')]
        .find(c => c.dataset.name === '포항시'); const r = c.getBoundingClientRect();
        return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()""")
    browser.click(box["x"], box["y"])
    time.sleep(0.2)
    assert browser.eval("document.querySelector('#kg-panel h2')?.textContent") == "포항시"
    assert browser.eval("document.querySelectorAll('#kg-panel .kg-evidence q').length") > 0
    if os.environ.get("KG_UPDATE_SCREENSHOTS"):
        browser.screenshot(REPO / "docs" / "map.png")
    assert "vuski/admdongkor" in browser.eval("document.getElementById('kg-legend').textContent")


def test_thousands_of_nodes_stay_responsive(browser, tmp_path):
    from kg.viz import write_graph_html
    from test_viz import synthetic

    write_graph_html(synthetic(4000), tmp_path / "big.html", max_nodes=1000)
    t0 = time.time()
    browser.open(tmp_path / "big.html", timeout=45)
    assert time.time() - t0 < 45
    assert browser.eval("window.kgViz.view.length") == 1000
    assert "4,000" in browser.eval("document.getElementById('kg-message').hidden ? '' : "
                                   "document.getElementById('kg-message').textContent")
    t0 = time.time()
    assert browser.eval("window.kgViz.network.physics.physicsEnabled") is False  # layout stopped
    assert time.time() - t0 < 2
