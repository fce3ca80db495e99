# Sync kinds and operations are passed as SyncKind / SyncOp numbers:
#   kinds: 0 Lock, 1 RLock, 2 Semaphore, 3 BoundedSemaphore, 4 Event, 5 Condition, 6 Barrier
#   ops:   1 release, 3 set, 4 clear, 5 notify, 6 abort, 7 reset
from time import monotonic as _monotonic

TIMEOUT_MAX = 4294967.0
_counter = 0
_active = {}


_warned = set()
_threading_atexits = []


# What concurrent.futures registers: run by the main thread once its code is done, latest
# first, before the wait for the non-daemon threads (CPython's threading._shutdown).
def _register_atexit(func, *args, **kwargs):
    _threading_atexits.append((func, args, kwargs))


def _run_exit_hooks():
    while _threading_atexits:
        func, args, kwargs = _threading_atexits.pop()
        func(*args, **kwargs)


class BrokenBarrierError(RuntimeError):
    pass


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __repr__(self):
        return "_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)" % (
            self.exc_type, self.exc_value, self.exc_traceback, self.thread)


def __excepthook__(args):
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    _write_stderr("Exception in thread %s:\n%s" % (name, _format_exception(args.exc_value)))


excepthook = __excepthook__


def settrace(func):
    raise NotImplementedError("threading.settrace() is not available in Threadlab: the lab traces every thread itself (see the Timeline and the Code window)")


def setprofile(func):
    raise NotImplementedError("threading.setprofile() is not available in Threadlab: the Run metrics window profiles every thread itself")


def gettrace():
    return None


def getprofile():
    return None


# A subclass's __init__ runs again, with the same arguments, in each thread started after the
# local was made, before the thread's own code (CPython runs it at the thread's first use of
# the local).
_local_inits = []


class local:
    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        _mirror(self, 0)
        if cls.__init__ is not object.__init__:
            _local_inits.append((self, args, kwargs))
        return self


def _init_locals(inits):
    for each_local, args, kwargs in inits:
        type(each_local).__init__(each_local, *args, **kwargs)


def _new_name():
    global _counter
    _counter += 1
    return "Thread-%d" % _counter


def get_native_id():
    return get_ident()


def current_thread():
    return _active[get_ident()]


def currentThread():
    _deprecated("currentThread() is deprecated, use current_thread() instead", _warned)
    return current_thread()


def main_thread():
    return _main_thread


def active_count():
    return len(_active)


def activeCount():
    _deprecated("activeCount() is deprecated, use active_count() instead", _warned)
    return active_count()


def enumerate():
    return list(_active.values())


class Lock:
    def __init__(self):
        self._id = _allocate(0, 0, -1)

    def acquire(self, blocking=True, timeout=-1):
        return _acquire(self._id, blocking, timeout)

    def release(self):
        _sync(1, self._id, 1)

    def locked(self):
        return _count(self._id) != 0

    # As in CPython, where entering a lock is its acquire itself: a thread blocked in `with
    # lock:` is in Lock.acquire.
    __enter__ = acquire

    def __exit__(self, *exc):
        _sync(1, self._id, 1)

    def __repr__(self):
        state = "locked" if self.locked() else "unlocked"
        return "<%s %s object>" % (state, type(self).__name__)


class RLock(Lock):
    def __init__(self):
        self._id = _allocate(1, 0, -1)


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self._id = _allocate(5, 0, lock._id)

    def acquire(self, blocking=True, timeout=-1):
        return self._lock.acquire(blocking, timeout)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def wait(self, timeout=None):
        return _wait(self._id, timeout) == 1

    def wait_for(self, predicate, timeout=None):
        deadline = None if timeout is None else _monotonic() + timeout
        result = predicate()
        while not result:
            left = None
            if deadline is not None:
                left = deadline - _monotonic()
                if left <= 0:
                    break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        _sync(5, self._id, n)

    def notify_all(self):
        _sync(5, self._id, -1)

    def notifyAll(self):
        _deprecated("notifyAll() is deprecated, use notify_all() instead", _warned)
        self.notify_all()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._id = _allocate(2, value, -1)
        _mirror(self, 1)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        return _acquire(self._id, blocking, timeout)

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        _sync(1, self._id, n)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._id = _allocate(3, value, -1)
        _mirror(self, 1)


class Event:
    def __init__(self):
        self._id = _allocate(4, 0, -1)

    def is_set(self):
        return _count(self._id) != 0

    def isSet(self):
        _deprecated("isSet() is deprecated, use is_set() instead", _warned)
        return self.is_set()

    def set(self):
        _sync(3, self._id, 1)

    def clear(self):
        _sync(4, self._id, 1)

    def wait(self, timeout=None):
        return _wait(self._id, timeout) == 1


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._id = _allocate(6, parties, -1)
        self._action = action
        self._timeout = timeout
        self.parties = parties
        _mirror(self, 2)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        index = _wait(self._id, timeout)
        if index == self.parties - 1 and self._action is not None:
            try:
                self._action()
            except BaseException:
                self.abort()
                raise
        return index

    def reset(self):
        _sync(7, self._id, 1)

    def abort(self):
        _sync(6, self._id, 1)


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if name is None:
            name = _new_name()
            if target is not None and hasattr(target, "__name__"):
                name = name + " (" + target.__name__ + ")"
        if daemon is None:
            daemon = current_thread().daemon
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self.name = str(name)
        self.daemon = daemon
        self.ident = None
        self.native_id = None
        self._started = Event()
        self._finished = False

    def start(self):
        if not hasattr(self, "_started"):
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        _start_new_thread(self._bootstrap, self.name, self.daemon)
        self._started.wait()

    def _bootstrap(self):
        self.ident = get_ident()
        self.native_id = self.ident
        _active[self.ident] = self
        self._started.set()
        try:
            _init_locals(_local_inits)
            self.run()
        except BaseException as exc:
            if excepthook is __excepthook__:
                raise
            excepthook(ExceptHookArgs(type(exc), exc, None, self))
        finally:
            self._finished = True
            del _active[self.ident]

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        if not hasattr(self, "_started"):
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        _join(self.ident, timeout)

    def is_alive(self):
        return self._started.is_set() and not self._finished

    def getName(self):
        _deprecated("getName() is deprecated, get the name attribute instead", _warned)
        return self.name

    def setName(self, name):
        _deprecated("setName() is deprecated, set the name attribute instead", _warned)
        self.name = str(name)

    def isDaemon(self):
        _deprecated("isDaemon() is deprecated, get the daemon attribute instead", _warned)
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated("setDaemon() is deprecated, set the daemon attribute instead", _warned)
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self.daemon = daemonic

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._finished:
            status = "stopped"
        if self.daemon:
            status = status + " daemon"
        if self.ident is not None:
            status = status + " %d" % self.ident
        return "<%s(%s, %s)>" % (type(self).__name__, self.name, status)


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self.ident = _main_ident()
        self.native_id = self.ident
        _active[self.ident] = self


_main_thread = _MainThread()
