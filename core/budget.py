"""A worker process that reads and parses one input at a time under a time and memory budget."""

from __future__ import annotations

import importlib
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, NoReturn, TypeVar

from core.errors import DealsError, InputError

# What one input may take. A 10 MB article parses in a few seconds; a hostile one would take minutes or gigabytes.
READ_SECONDS = 60.0
READ_MEMORY = 2 * 1024 * 1024 * 1024  # address space of the worker process, the interpreter's own included
# After Cancel the input being read may still finish (and be stored) for this long; then it is abandoned.
CANCEL_GRACE_SECONDS = 2.0
_POLL_SECONDS = 0.05
START_SECONDS = 120.0  # a cold start on a slow disk
START_CANCEL_SECONDS = 10.0  # how long a start may go on after Cancel
# Imported before "ready", so that the first input's budget is not spent on them.
_WARM = ("core.importer", "core.extract.deals", "core.extract.dates", "core.extract.html", "core.extract.files")
# What a bundled (PyInstaller) application is started with to be a reader; main.main answers it.
READER_ARGUMENT = "--reader-process"
# The child learns the parent's sys.path first, so that it imports the same core (a worktree, a test folder).
_BOOT = "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); import core.budget as b; b.serve()"

T = TypeVar("T")


@dataclass(frozen=True)
class Budget:
    """Limits for reading and parsing one input; `memory` None leaves the address space unlimited."""

    seconds: float = READ_SECONDS
    memory: int | None = READ_MEMORY


class OverBudget(InputError):
    """An input took too long or too much memory, or crashed the worker; the worker was restarted."""


class ReadCancelled(Exception):
    """The user cancelled while an input was being read; that input is abandoned."""


class ReadProcess:
    """Runs `fn(state, *args)` in a long-lived child process, one call at a time, each under the budget.

    A call that overruns its time, runs out of memory or kills the child ends in OverBudget and the child is
    restarted (with a fresh `state()`) for the next call. Any exception in the child, RecursionError and
    MemoryError included, comes back as an error for that call alone; DealsError keeps its message.
    `state()` is called in this process at each start; the child keeps its copy and `fn` may update it.
    `cancelled()`, when given, is polled while a call runs: true is as if cancel() had been called.
    Starting one takes about half a second (Python and the parser's imports), so one serves a whole batch.
    """

    def __init__(self, budget: Budget = Budget(), state: Callable[[], Any] = lambda: None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.budget = budget
        self._state = state
        self._asked = cancelled  # polled while a call runs, as cancel() would be called
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[tuple[str, Any] | None] = queue.Queue()
        self._cancelled_at: float | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> ReadProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cancel(self) -> None:
        """Abandon the call running now (or one begun after) once it has had CANCEL_GRACE_SECONDS.

        Safe from any thread; the caller stops starting new calls."""
        with self._lock:
            if self._cancelled_at is None:
                self._cancelled_at = time.monotonic()

    @property
    def cancelled(self) -> bool:
        return self._cancelled_at is not None

    def run(self, name: str, fn: Callable[..., T], *args: Any) -> T:
        """`fn(state, *args)` in the child; `name` names the input in the errors. `fn` must be importable by name."""
        process = self._started(name)
        try:
            _write(process.stdin, (fn, args))
        except OSError:  # it died between two calls: one more start
            self._stop()
            process = self._started(name)
            _write(process.stdin, (fn, args))
        began = time.monotonic()
        deadline = began + self.budget.seconds
        while True:
            if self._asked is not None and self._cancelled_at is None and self._asked():
                self.cancel()
            now = time.monotonic()
            cancelled_at = self._cancelled_at
            # The grace is the input's own: it counts from the cancel, or from the start of a read begun after it.
            if cancelled_at is not None and now >= max(cancelled_at, began) + CANCEL_GRACE_SECONDS:
                self._stop()
                raise ReadCancelled(name)
            if now >= deadline:
                self._stop()
                raise OverBudget(f"Could not read {name}: it took too long to read (over {self.budget.seconds:g} s)")
            try:
                reply = self._replies.get(timeout=min(_POLL_SECONDS, deadline - now))
            except queue.Empty:
                continue
            if reply is not None:
                return self._answer(name, *reply)
            self._died(name, process)

    def _died(self, name: str, process: subprocess.Popen[bytes]) -> NoReturn:
        """The pipe closed without an answer: the child died."""
        code = process.wait()
        self._stop()
        raise OverBudget(f"Could not read {name}: {_death(code, self.budget.memory)}")

    def close(self) -> None:
        """End the child; a later run() starts a new one."""
        self._stop()

    def _answer(self, name: str, kind: str, value: Any) -> Any:
        if kind == "ok":
            return value
        if kind == "refused":
            raise value if isinstance(value, DealsError) else InputError(str(value))
        # The child's heap after a MemoryError or a deep recursion is not worth trusting with the next input.
        self._stop()
        if kind == "memory":
            raise OverBudget(f"Could not read {name}: it needed too much memory (over {_gb(self.budget.memory)})")
        if kind == "recursion":
            raise OverBudget(f"Could not read {name}: it is nested too deeply to read")
        raise OverBudget(f"Could not read {name}: the reader failed ({value})")

    def _started(self, name: str) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()
        frozen = getattr(sys, "frozen", False)
        # A plain child process, not multiprocessing: its start-up needs no pipe from a parent that may be killed
        # meanwhile (multiprocessing then prints a traceback), and stderr stays quiet.
        process = subprocess.Popen(
            [sys.executable, READER_ARGUMENT] if frozen else [sys.executable, "-c", _BOOT],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        assert process.stdin is not None and process.stdout is not None
        replies: queue.Queue[tuple[str, Any] | None] = queue.Queue()
        threading.Thread(target=_listen, args=(process.stdout, replies), name="reader-replies", daemon=True).start()
        self._process, self._replies = process, replies
        try:
            _write(process.stdin, list(sys.path))
            _write(process.stdin, (self.budget.memory, self.budget.seconds))
            _write(process.stdin, self._state())
        except OSError:
            pass  # it died at once; the wait below finds out
        # Starting and importing the parser is not the input's time: it waits for "ready" on its own clock.
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._asked is not None and self._asked():
                self.cancel()
            # A start is not an input's work: Cancel lets it finish unless it hangs.
            if self._cancelled_at is not None and time.monotonic() >= self._cancelled_at + START_CANCEL_SECONDS:
                self._stop()
                raise ReadCancelled(name)
            try:
                reply = replies.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                continue
            if reply is None:
                self._died(name, process)
            return process
        self._stop()
        raise OverBudget(f"Could not read {name}: the reader did not start")

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass


class InProcess(ReadProcess):
    """Runs each call in this process, without limits, errors reported as ReadProcess reports them.

    For tests that watch what a reader does from inside (sockets, subprocesses): a child's doings are out of sight.
    """

    def __init__(self, state: Callable[[], Any] = lambda: None) -> None:
        super().__init__(Budget(seconds=float("inf"), memory=None), state)
        self._kept: Any = None
        self._has_state = False

    def run(self, name: str, fn: Callable[..., T], *args: Any) -> T:
        if not self._has_state:
            self._kept, self._has_state = self._state(), True
        try:
            return fn(self._kept, *args)
        except DealsError:
            raise
        except MemoryError:
            raise OverBudget(f"Could not read {name}: it needed too much memory") from None
        except RecursionError:
            raise OverBudget(f"Could not read {name}: it is nested too deeply to read") from None
        except Exception as exc:  # noqa: BLE001 - one input never stops the others
            raise OverBudget(f"Could not read {name}: the reader failed ({type(exc).__name__}: {exc})"[:400]) from None


def _write(pipe: IO[bytes] | None, value: Any) -> None:
    assert pipe is not None
    pickle.dump(value, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.flush()


def _listen(pipe: IO[bytes], replies: queue.Queue[tuple[str, Any] | None]) -> None:
    """The parent's ear: each reply of the child as it comes, None when the child is gone."""
    try:
        while True:
            replies.put(pickle.load(pipe))
    except Exception:  # noqa: BLE001 - EOF, a closed pipe or a torn reply all mean the child is gone
        replies.put(None)


def serve() -> None:
    """The child's loop, on its stdin and stdout: one call at a time until stdin closes."""
    # Ctrl-C in a terminal reaches the whole process group; the parent decides, and ends this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Replies go out on the real stdout; anything a library prints goes nowhere instead of into them.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    requests = sys.stdin.buffer
    try:
        if getattr(sys, "frozen", False):
            pickle.load(requests)  # the parent's sys.path, which a bundle does not need
        memory, seconds, state = _first(requests)
    except Exception:  # noqa: BLE001 - the parent went away before it said anything
        return
    for module in _WARM:
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - the first call that needs it reports the failure as its own
            pass
    try:
        replies.write(pickle.dumps(("ready", None)))
        replies.flush()
    except OSError:
        return
    while True:
        try:
            fn, args = pickle.load(requests)
        except Exception:  # noqa: BLE001 - stdin closed: the parent is done or gone
            return
        _limit_cpu(seconds)
        reply: tuple[str, Any]
        try:
            reply = ("ok", fn(state, *args))
        except DealsError as exc:
            reply = ("refused", exc)
        except MemoryError:
            reply = ("memory", None)
        except RecursionError:
            reply = ("recursion", None)
        except Exception as exc:  # noqa: BLE001 - any failure is this input's, never the batch's
            reply = ("failed", f"{type(exc).__name__}: {exc}"[:300])
        try:
            try:
                data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
            except MemoryError:
                data = pickle.dumps(("memory", None))
            except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled is still this input's failure
                data = pickle.dumps(("failed", f"{type(exc).__name__}: {exc}"[:300]))
            replies.write(data)
            replies.flush()
        except OSError:  # the parent is gone (killed, or it gave up on this call): so is the reason to go on
            return


def _first(requests: IO[bytes]) -> tuple[int | None, float, Any]:
    memory, seconds = pickle.load(requests)
    _limit_memory(memory)  # before the state is unpickled: a registry is the one big thing a parent sends
    return memory, seconds, pickle.load(requests)


def _limit_cpu(seconds: float) -> None:
    """Let this call use the budget's seconds of processor time (and a margin), so that a reader whose
    parent was killed cannot spin on a hostile input for ever."""
    try:
        import resource
    except ImportError:
        return
    try:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = int(usage.ru_utime + usage.ru_stime + seconds) + 10
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    except (ValueError, OSError):
        pass


def _limit_memory(memory: int | None) -> None:
    if memory is None:
        return
    try:
        import resource
    except ImportError:  # Windows: no address-space limit; the time budget still holds
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):  # macOS refuses RLIMIT_AS
        pass


def _death(code: int | None, memory: int | None) -> str:
    kill = getattr(signal, "SIGKILL", None)  # not on Windows
    if code is not None and kill is not None and code == -kill:
        # The kernel's out-of-memory killer is the usual sender of SIGKILL to a reader nobody else kills.
        return f"it needed too much memory (over {_gb(memory)})" if memory else "it needed too much memory"
    return f"the reader stopped unexpectedly (exit code {code})"


def _gb(memory: int | None) -> str:
    return f"{(memory or 0) / 1024 ** 3:g} GB" if (memory or 0) >= 1024 ** 3 else f"{(memory or 0) // 1024 ** 2} MB"
