# Attributes are plain (this Python has no properties): exitcode is brought up to date by
# join(), is_alive() and repr().
import threading as _threading
from os import cpu_count, getpid as _getpid
import queue as _queue
from threading import _join, _sync, _wait

_counter = 0
_children = []
_current = None
_bootstrapping = False


class ProcessError(Exception):
    pass


def get_start_method(allow_none=False):
    return "spawn"


def set_start_method(method, force=False):
    if method != "spawn":
        raise ValueError("cannot find context for %r: Threadlab starts processes as 'spawn' does" % method)


# A context is this module itself: every start method is 'spawn' here.
def get_context(method=None):
    if method is not None:
        set_start_method(method)
    import multiprocessing
    return multiprocessing


def freeze_support():
    pass


def current_process():
    global _current
    if _current is None:
        _current = _MainProcess()
    return _current


def active_children():
    for child in list(_children):
        child._poll()
    return list(_children)


class Process:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        global _counter
        if group is not None:
            raise AssertionError("group argument must be None for now")
        parent = current_process()
        _counter += 1
        self._identity = parent._identity + (_counter,)
        self._target = target
        self._args = tuple(args)
        self._kwargs = {} if kwargs is None else dict(kwargs)
        if name is None:
            name = type(self).__name__ + "-" + ":".join([str(i) for i in self._identity])
        self.name = str(name)
        self.daemon = parent.daemon if daemon is None else daemon
        self._parent_pid = _getpid()
        self.pid = None
        self.ident = None
        self.exitcode = None
        self._thread = None

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._thread is not None:
            raise AssertionError("cannot start a process twice")
        if self._parent_pid != _getpid():
            raise AssertionError("can only start a process object created by current process")
        if _bootstrapping:
            raise RuntimeError("An attempt has been made to start a new process before the current process has "
                               "finished its bootstrapping phase. Threadlab starts processes as the 'spawn' start "
                               "method does: a child runs the program again as __mp_main__, so start processes "
                               "under if __name__ == '__main__':")
        if current_process().daemon:
            raise AssertionError("daemonic processes are not allowed to have children")
        self._thread, self.pid = _start(self, self.name, self.daemon)
        self.ident = self.pid
        _children.append(self)

    def _poll(self):
        if self._thread is not None and self.exitcode is None:
            self.exitcode = _exitcode(self.pid)
            if self.exitcode is not None and self in _children:
                _children.remove(self)

    def join(self, timeout=None):
        if self._parent_pid != _getpid():
            raise AssertionError("can only join a child process")
        if self._thread is None:
            raise AssertionError("can only join a started process")
        _join(self._thread, timeout)
        self._poll()

    def is_alive(self):
        if self is _current:
            return True
        if self._parent_pid != _getpid():
            raise AssertionError("can only test a child process")
        if self._thread is None:
            return False
        self._poll()
        return self.exitcode is None

    def terminate(self):
        if self._thread is not None:
            _end(self.pid, 15)

    def kill(self):
        if self._thread is not None:
            _end(self.pid, 9)

    def __repr__(self):
        status = "initial"
        if self is _current:
            status = "started"
        elif self._thread is not None:
            self._poll()
            status = "started" if self.exitcode is None else "stopped"
        info = [type(self).__name__, "name=%r" % self.name]
        if self._thread is not None:
            info.append("pid=%s" % self.pid)
        info.append("parent=%s" % self._parent_pid)
        info.append(status)
        if self.exitcode is not None:
            names = {-15: "SIGTERM", -9: "SIGKILL"}
            info.append("exitcode=%s" % names.get(self.exitcode, self.exitcode))
        if self.daemon:
            info.append("daemon")
        return "<%s>" % " ".join(info)


class _MainProcess(Process):
    def __init__(self):
        self._identity = ()
        self._target = None
        self._args = ()
        self._kwargs = {}
        self.name = "MainProcess"
        self.daemon = False
        self._parent_pid = None
        self.pid = _getpid()
        self.ident = self.pid
        self.exitcode = None
        self._thread = None


def _child_main(run_main):
    global _current, _bootstrapping
    _bootstrapping = True
    run_main()
    _bootstrapping = False
    process = _received()
    process.pid = _getpid()
    process.ident = process.pid
    _current = process
    process.run()


# ---- Locks, semaphores, events and conditions shared between processes ----
# The machine's sync objects: a child that receives one waits on the very same object.

class Lock(_threading.Lock):
    pass


class RLock(_threading.RLock):
    pass


class Semaphore(_threading.Semaphore):
    pass


class BoundedSemaphore(_threading.BoundedSemaphore):
    pass


class Event(_threading.Event):
    pass


class Condition(_threading.Condition):
    def __init__(self, lock=None):
        _threading.Condition.__init__(self, RLock() if lock is None else lock)


class Barrier(_threading.Barrier):
    pass


# ---- Queue, JoinableQueue, SimpleQueue and Pipe ----
# queue.Queue's waits (its mutex and wait queues are machine objects every process reaches, so
# a process blocked in get(), put() or join() shows as waiting on a Queue) over a channel
# outside every process that holds the items pickled.

class Queue(_queue.Queue):
    _Mutex = Lock

    def __init__(self, maxsize=0):
        _queue.Queue.__init__(self, maxsize)
        self._closed = False

    def _init(self, maxsize):
        self._channel = _channel()

    def _qsize(self):
        return _pending(self._channel)

    def _put(self, obj):
        _send(self._channel, obj)

    def _get(self):
        return _receive(self._channel)

    def _check_open(self):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)

    def put(self, obj, block=True, timeout=None):
        self._check_open()
        _queue.Queue.put(self, obj, block, timeout)

    def get(self, block=True, timeout=None):
        self._check_open()
        return _queue.Queue.get(self, block, timeout)

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class SimpleQueue(Queue):
    pass


# Its count of unfinished tasks lives in shared memory, changed under the queue's mutex.
class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished = _shared_new([0])

    def _put(self, obj):
        Queue._put(self, obj)
        _shared_set(self._unfinished, _shared_get(self._unfinished) + 1)

    def task_done(self):
        with self.mutex:
            left = _shared_get(self._unfinished)
            if left <= 0:
                raise ValueError("task_done() called too many times")
            _shared_set(self._unfinished, left - 1)
            if left == 1:
                _sync(5, self._all_tasks_done, -1)

    def join(self):
        with self.mutex:
            while _shared_get(self._unfinished):
                _wait(self._all_tasks_done, None)


class Connection:
    def __init__(self, incoming, outgoing, readable, writable):
        self._incoming = incoming
        self._outgoing = outgoing
        self.readable = readable
        self.writable = writable
        self.closed = False

    def send(self, obj):
        if self.closed:
            raise OSError("handle is closed")
        if not self.writable:
            raise OSError("connection is read-only")
        self._outgoing.put(obj)

    def recv(self):
        if self.closed:
            raise OSError("handle is closed")
        if not self.readable:
            raise OSError("connection is write-only")
        return self._incoming.get()

    def poll(self, timeout=0.0):
        if self._incoming.qsize():
            return True
        if not timeout:
            return False
        deadline = _threading._monotonic() + (3600.0 if timeout is None else timeout)
        while not self._incoming.qsize():
            left = deadline - _threading._monotonic()
            if left <= 0:
                return False
            _threading.Event().wait(min(left, 0.001))
        return True

    def close(self):
        self.closed = True


def Pipe(duplex=True):
    a = Queue()
    b = Queue() if duplex else a
    if duplex:
        return Connection(a, b, True, True), Connection(b, a, True, True)
    return Connection(a, None, True, False), Connection(None, a, False, True)


# ---- Value and Array: numbers in memory every process sees ----

_TYPE_NAMES = {"i": "c_int", "l": "c_long", "q": "c_longlong", "h": "c_short", "b": "c_byte",
               "I": "c_uint", "L": "c_ulong", "Q": "c_ulonglong", "H": "c_ushort", "B": "c_ubyte",
               "d": "c_double", "f": "c_float"}


def _convert(typecode, value):
    if typecode not in _TYPE_NAMES:
        raise TypeError("unsupported typecode %r: Threadlab shares numbers (%s)" % (typecode, "".join(_TYPE_NAMES)))
    if typecode in "df":
        if not isinstance(value, (int, float)):
            raise TypeError("must be real number, not %s" % type(value).__name__)
        return float(value)
    if not isinstance(value, int):
        raise TypeError("int expected instead of %s" % type(value).__name__)
    return value


def _lock_for(lock):
    if lock is True:
        return RLock()
    if lock is False:
        return None
    return lock


# What Value() and Array() share: the lock that makes `value += 1` safe (none for the Raw ones).
class _Synchronized:
    def get_lock(self):
        if self._lock is None:
            raise AttributeError("'%s' object has no attribute 'get_lock'" % self._raw_name())
        return self._lock

    def get_obj(self):
        return self

    def __enter__(self):
        return self.get_lock().__enter__()

    def __exit__(self, *exc):
        return self.get_lock().__exit__(*exc)


# What Value() returns (CPython's Synchronized wrapper): `value` reads and writes the shared
# number.
class _SharedValue(_Synchronized):
    def __init__(self, typecode, value, lock):
        self._typecode = typecode
        self._slot = _shared_new([_convert(typecode, value)])
        self._lock = lock
        _share(self)


    def __repr__(self):
        if self._lock is None:
            return "%s(%r)" % (_TYPE_NAMES[self._typecode], self.value)
        return "<Synchronized wrapper for %s(%r)>" % (_TYPE_NAMES[self._typecode], self.value)


def Value(typecode_or_type, *args, lock=True):
    return _SharedValue(typecode_or_type, args[0] if args else 0, _lock_for(lock))


def RawValue(typecode_or_type, *args):
    return _SharedValue(typecode_or_type, args[0] if args else 0, None)


class _SharedArray(_Synchronized):
    def __init__(self, typecode, initializer, lock):
        values = [0] * initializer if isinstance(initializer, int) else list(initializer)
        self._typecode = typecode
        self._length = len(values)
        self._first = _shared_new([_convert(typecode, v) for v in values])
        self._lock = lock

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        return self._first + i

    def __len__(self):
        return self._length

    # A slice's indexes come from slicing the list of all indexes (slices have no attributes here).
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in list(range(self._length))[i]]
        return _shared_get(self._index(i))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            for j, v in zip(list(range(self._length))[i], value):
                self[j] = v
            return
        _shared_set(self._index(i), _convert(self._typecode, value))

    def __iter__(self):
        return iter(self[:])

    def _raw_name(self):
        return "%s_Array_%d" % (_TYPE_NAMES[self._typecode], self._length)



def Array(typecode_or_type, size_or_initializer, *, lock=True):
    return _SharedArray(typecode_or_type, size_or_initializer, _lock_for(lock))


def RawArray(typecode_or_type, size_or_initializer):
    return _SharedArray(typecode_or_type, size_or_initializer, None)


# ---- Manager: dicts and lists that live in a process of their own ----
# As CPython's SyncManager: Manager() starts a server process (SyncManager-N) that holds the
# objects; a proxy, in whichever process it was passed to, sends each call there and waits on
# a reply queue of its own thread, so that wait shows on the timeline as a Queue.

def _serve_objects(requests, running):
    objects = []
    while True:
        request = requests.get()
        if request is None:
            _shared_set(running, 0)
            return
        reply, ident, method, args, kwds = request
        try:
            if ident is None:
                objects.append(args[0])
                answer = (True, len(objects) - 1)
            else:
                answer = (True, _apply(objects[ident], method, args, kwds))
        except Exception as exc:
            answer = (False, exc)
        try:
            reply.put(answer)
        except Exception as exc:
            reply.put((False, exc))


# The referent's operators by name (the built-in types have no dunder attributes here); keys(),
# items() and values() answer lists, as CPython's DictProxy does.
def _apply(obj, method, args, kwds):
    if method == "__getitem__":
        return obj[args[0]]
    if method == "__setitem__":
        obj[args[0]] = args[1]
        return None
    if method == "__delitem__":
        del obj[args[0]]
        return None
    if method == "__len__":
        return len(obj)
    if method == "__contains__":
        return args[0] in obj
    if method == "__repr__":
        return repr(obj)
    if method == "__add__":
        return obj + args[0]
    if method == "__mul__":
        return obj * args[0]
    if method == "__imul__":
        obj *= args[0]
        return None
    if method == "#assign":
        obj[:] = args[0]
        return None
    if method in ("keys", "items", "values"):
        return list(getattr(obj, method)())
    return getattr(obj, method)(*args, **kwds)


_replies = {}   # this process's reply queue of each thread that called a proxy, by thread ident


def _reply_queue():
    ident = _threading.get_ident()
    if ident not in _replies:
        _replies[ident] = Queue()
    return _replies[ident]


class BaseProxy:
    def __init__(self, requests, running, ident, typeid):
        self._requests = requests
        self._running = running
        self._id = ident
        self._typeid = typeid

    def _callmethod(self, methodname, args=(), kwds={}):
        if not _shared_get(self._running):
            raise OSError("[Errno 2] No such file or directory: the manager of this %s has shut down" % self._typeid)
        reply = _reply_queue()
        self._requests.put((reply, self._id, methodname, tuple(args), dict(kwds)))
        ok, answer = reply.get()
        if not ok:
            raise answer
        return answer

    def _getvalue(self):
        return self._callmethod("copy")

    def __str__(self):
        return self._callmethod("__repr__")

    def __repr__(self):
        return "<%s object, typeid %r at %#x>" % (type(self).__name__, self._typeid, id(self))

    def __len__(self):
        return self._callmethod("__len__")

    def __contains__(self, item):
        return self._callmethod("__contains__", (item,))

    def __getitem__(self, key):
        return self._callmethod("__getitem__", (key,))

    def __setitem__(self, key, value):
        self._callmethod("__setitem__", (key, value))

    def __delitem__(self, key):
        self._callmethod("__delitem__", (key,))

    def clear(self):
        return self._callmethod("clear")

    def copy(self):
        return self._callmethod("copy")

    def pop(self, *args):
        return self._callmethod("pop", args)


class DictProxy(BaseProxy):
    def __iter__(self):
        return iter(self._callmethod("keys"))

    def keys(self):
        return self._callmethod("keys")

    def items(self):
        return self._callmethod("items")

    def values(self):
        return self._callmethod("values")

    def get(self, key, default=None):
        return self._callmethod("get", (key, default))

    def setdefault(self, key, default=None):
        return self._callmethod("setdefault", (key, default))

    def popitem(self):
        return self._callmethod("popitem")

    def update(self, *args, **kwds):
        return self._callmethod("update", (dict(*args),), kwds)


# Slices go by a copy (a slice does not travel between processes here).
class ListProxy(BaseProxy):
    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.copy()[index]
        return BaseProxy.__getitem__(self, index)

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            contents = self.copy()
            contents[index] = value
            self._callmethod("#assign", (contents,))
            return
        BaseProxy.__setitem__(self, index, value)

    def __delitem__(self, index):
        if isinstance(index, slice):
            contents = self.copy()
            del contents[index]
            self._callmethod("#assign", (contents,))
            return
        BaseProxy.__delitem__(self, index)

    def __iter__(self):
        return iter(self.copy())

    def __add__(self, other):
        return self._callmethod("__add__", (other,))

    def __iadd__(self, other):
        self._callmethod("extend", (list(other),))
        return self

    def __mul__(self, n):
        return self._callmethod("__mul__", (n,))

    def __imul__(self, n):
        self._callmethod("__imul__", (n,))
        return self

    def append(self, obj):
        return self._callmethod("append", (obj,))

    def extend(self, iterable):
        return self._callmethod("extend", (list(iterable),))

    def insert(self, index, obj):
        return self._callmethod("insert", (index, obj))

    def remove(self, value):
        return self._callmethod("remove", (value,))

    def index(self, value, *args):
        return self._callmethod("index", (value,) + args)

    def count(self, value):
        return self._callmethod("count", (value,))

    def reverse(self):
        return self._callmethod("reverse")

    def sort(self, **kwds):
        return self._callmethod("sort", (), kwds)


# Its shared locks, queues and numbers are this module's own, which every process reaches
# already; only dicts and lists need the server.
class SyncManager:
    def __init__(self):
        self._process = None
        self._shut_down = False

    def start(self):
        if self._process is not None:
            raise ProcessError("Already started server")
        self._requests = Queue()
        self._running = _shared_new([1])
        self._process = Process(target=_serve_objects, args=(self._requests, self._running))
        self._process.name = "SyncManager-" + ":".join([str(i) for i in self._process._identity])
        self._process.start()
        _threading._register_atexit(self.shutdown)

    def shutdown(self):
        if self._process is None or self._shut_down:
            return
        self._shut_down = True
        self._requests.put(None)
        self._process.join()

    def __enter__(self):
        if self._process is None:
            self.start()
        elif self._shut_down:
            raise ProcessError("Manager has shut down")
        return self

    def __exit__(self, *exc):
        self.shutdown()

    def _create(self, proxy_type, typeid, referent):
        if self._process is None or self._shut_down:
            raise ProcessError("Manager is not running")
        reply = _reply_queue()
        self._requests.put((reply, None, None, (referent,), {}))
        ok, ident = reply.get()
        if not ok:
            raise ident
        return proxy_type(self._requests, self._running, ident, typeid)

    def dict(self, *args, **kwds):
        return self._create(DictProxy, "dict", dict(*args, **kwds))

    def list(self, sequence=()):
        return self._create(ListProxy, "list", list(sequence))

    def Queue(self, maxsize=0):
        return Queue(maxsize)

    def JoinableQueue(self, maxsize=0):
        return JoinableQueue(maxsize)

    def Lock(self):
        return Lock()

    def RLock(self):
        return RLock()

    def Semaphore(self, value=1):
        return Semaphore(value)

    def BoundedSemaphore(self, value=1):
        return BoundedSemaphore(value)

    def Event(self):
        return Event()

    def Condition(self, lock=None):
        return Condition(lock)

    def Barrier(self, parties, action=None, timeout=None):
        return Barrier(parties, action, timeout)

    def Value(self, typecode, value, lock=True):
        return Value(typecode, value, lock=lock)

    def Array(self, typecode, sequence, lock=True):
        return Array(typecode, sequence, lock=lock)


def Manager():
    manager = SyncManager()
    manager.start()
    return manager


# ---- Pool ----
# Worker processes (daemonic, as CPython's, unless they serve an executor) take (job, first,
# func, chunk, kwds) from the task queue, a chunk being the argument tuples of calls first,
# first + 1, ...; they put (job, first, size, ok, values or the exception) on the result queue,
# and a thread of the parent hands the results to the jobs waiting for them, as CPython's result
# handler thread does.

def _pool_worker(tasks, results, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = tasks.get()
        if task is None:
            return
        job, first, func, chunk, kwds = task
        try:
            results.put((job, first, len(chunk), True, [func(*args, **kwds) for args in chunk]))
        except Exception as exc:
            results.put((job, first, len(chunk), False, exc))


class TimeoutError(ProcessError):
    pass


class AsyncResult:
    def __init__(self, pool, count, callback, error_callback, single):
        self._pool = pool
        self._count = count
        self._values = [None] * count
        self._ok = [True] * count
        self._arrived = []   # indexes, in the order their results came
        self._error = None
        self._single = single
        self._callback = callback
        self._error_callback = error_callback
        self._cond = _threading.Condition()
        if count == 0:
            self._finish()

    # A chunk of `size` results from `first` on: their values, or the exception that failed it.
    # The callbacks run before a waiter wakes, as CPython's.
    def _set(self, first, size, ok, value):
        with self._cond:
            for index in range(first, first + size):
                self._values[index] = value[index - first] if ok else value
                self._ok[index] = ok
            if not ok and self._error is None:
                self._error = value
            complete = len(self._arrived) + size == self._count
        if complete:
            self._finish()
        with self._cond:
            self._arrived.extend(range(first, first + size))
            self._cond.notify_all()

    def _finish(self):
        if self._error is None and self._callback is not None:
            self._callback(self._values[0] if self._single else self._values)
        if self._error is not None and self._error_callback is not None:
            self._error_callback(self._error)

    def ready(self):
        return len(self._arrived) == self._count

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._error is None

    def wait(self, timeout=None):
        with self._cond:
            self._cond.wait_for(self.ready, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError()
        if self._error is not None:
            raise self._error
        return self._values[0] if self._single else list(self._values)

    # For imap: the value of `index` once it is there (results in order), or the n-th to arrive.
    def _next(self, position, ordered):
        with self._cond:
            self._cond.wait_for(lambda: (position in self._arrived) if ordered else len(self._arrived) > position)
            index = position if ordered else self._arrived[position]
        if not self._ok[index]:
            raise self._values[index]
        return self._values[index]


ApplyResult = AsyncResult
MapResult = AsyncResult


# For concurrent.futures.ProcessPoolExecutor, _executor_workers makes the workers what
# CPython's executor starts: SpawnProcess-N, not daemonic (its shutdown joins them at exit).
class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None, *,
                 _executor_workers=False):
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._tasks = Queue()
        self._results = Queue()
        self._jobs = {}
        self._job_count = 0
        self._state = "RUN"
        self._pool = []
        for i in range(processes):
            name = "SpawnProcess-%d" % (_counter + 1) if _executor_workers else "SpawnPoolWorker-%d" % (len(_children) + 1)
            worker = Process(target=_pool_worker, args=(self._tasks, self._results, initializer, initargs),
                             name=name, daemon=not _executor_workers)
            worker.start()
            self._pool.append(worker)
        self._handler = _threading.Thread(target=self._handle_results, daemon=True, name="Thread-result-handler")
        self._handler.start()

    def __repr__(self):
        return "<multiprocessing.pool.Pool state=%s pool_size=%d>" % (self._state, self._processes)

    def _handle_results(self):
        while True:
            job, first, size, ok, value = self._results.get()
            result = self._jobs[job]
            result._set(first, size, ok, value)
            if result.ready():
                del self._jobs[job]

    # Each task a worker takes is a chunk of `chunksize` calls; None is map's choice, about four
    # chunks per worker, as CPython's.
    def _submit(self, func, argument_tuples, kwds, callback, error_callback, single, chunksize=1):
        if self._state != "RUN":
            raise ValueError("Pool not running")
        if chunksize is None:
            chunksize, extra = divmod(len(argument_tuples), self._processes * 4)
            if extra or not chunksize:
                chunksize += 1
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not %r" % chunksize)
        result = AsyncResult(self, len(argument_tuples), callback, error_callback, single)
        job = self._job_count
        self._job_count += 1
        if argument_tuples:
            self._jobs[job] = result
        for first in range(0, len(argument_tuples), chunksize):
            chunk = [tuple(args) for args in argument_tuples[first:first + chunksize]]
            self._tasks.put((job, first, func, chunk, kwds))
        return result

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._submit(func, [args], kwds, callback, error_callback, True)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._submit(func, [(x,) for x in iterable], {}, callback, error_callback, False, chunksize)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._submit(func, [tuple(args) for args in iterable], {}, callback, error_callback, False, chunksize)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def _iterate(self, func, iterable, ordered, chunksize):
        result = self._submit(func, [(x,) for x in iterable], {}, None, None, False, chunksize)
        for position in range(result._count):
            yield result._next(position, ordered)

    def imap(self, func, iterable, chunksize=1):
        return self._iterate(func, iterable, True, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._iterate(func, iterable, False, chunksize)

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            for worker in self._pool:
                self._tasks.put(None)

    def terminate(self):
        self._state = "TERMINATE"
        for worker in self._pool:
            worker.terminate()

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        for worker in self._pool:
            worker.join()

    def __enter__(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")
        return self

    def __exit__(self, *exc):
        self.terminate()
