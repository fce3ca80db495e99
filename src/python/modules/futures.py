# The concurrent.futures module (and its package, concurrent), written in Python over
# threading and queue: Future, ThreadPoolExecutor, as_completed and wait. Worker threads are
# named as CPython names them ("ThreadPoolExecutor-0_0") and wait for work in a SimpleQueue, so
# an idle worker shows as waiting on a Queue.
#
# As in CPython, the workers are not daemonic: when the main thread's code is done, the exit
# hook registered with threading._register_atexit tells every worker to stop once the queued
# work is done, and joins them; then the main thread ends.
import threading as _threading
from os import cpu_count as _cpu_count
from queue import SimpleQueue as _SimpleQueue
from time import monotonic as _monotonic

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "pending"
_RUNNING = "running"
_CANCELLED = "cancelled"
_FINISHED = "finished"


class Error(Exception):
    pass


class CancelledError(Error):
    pass


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


TimeoutError = TimeoutError


class Future:
    def __init__(self):
        self._condition = _threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []
        self._waiters = []

    def __repr__(self):
        where = "<Future at %s state=%s" % (hex(id(self)), self._state)
        if self._state == _FINISHED:
            if self._exception is not None:
                return where + " raised %s>" % type(self._exception).__name__
            return where + " returned %s>" % type(self._result).__name__
        return where + ">"

    def cancel(self):
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state == _CANCELLED:
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._finished()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _FINISHED)

    # Waits (the condition held) until the future is done; raises what result() must raise.
    def _wait_done(self, timeout):
        deadline = None if timeout is None else _monotonic() + timeout
        while not self.done():
            left = None
            if deadline is not None:
                left = deadline - _monotonic()
                if left <= 0:
                    raise TimeoutError()
            self._condition.wait(left)
        if self._state == _CANCELLED:
            raise CancelledError()

    def result(self, timeout=None):
        with self._condition:
            self._wait_done(timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        with self._condition:
            self._wait_done(timeout)
        return self._exception

    def add_done_callback(self, fn):
        with self._condition:
            if not self.done():
                self._done_callbacks.append(fn)
                return
        fn(self)

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                return False
            if self._state != _PENDING:
                raise RuntimeError("Future in unexpected state")
            self._state = _RUNNING
            return True

    def _finish(self, result, exception):
        with self._condition:
            if self.done():
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._result = result
            self._exception = exception
            self._state = _FINISHED
            self._condition.notify_all()
        self._finished()

    def set_result(self, result):
        self._finish(result, None)

    def set_exception(self, exception):
        self._finish(None, exception)

    # Tells the waiters of as_completed/wait, then runs the callbacks (outside the lock).
    def _finished(self):
        for waiter in self._waiters:
            waiter.add(self)
        for fn in self._done_callbacks:
            fn(self)


# What as_completed waits on: futures report to it as they finish.
class _Waiter:
    def __init__(self):
        self.lock = _threading.Lock()
        self.event = _threading.Event()
        self.finished = []

    def add(self, future):
        with self.lock:
            self.finished.append(future)
            self.event.set()

    def take(self):
        with self.lock:
            finished = self.finished
            self.finished = []
            self.event.clear()
            return finished


def _unique(fs):
    seen = []
    for f in fs:
        if f not in seen:
            seen.append(f)
    return seen


def as_completed(fs, timeout=None):
    deadline = None if timeout is None else _monotonic() + timeout
    pending = _unique(fs)
    total = len(pending)
    waiter = _Waiter()
    for f in pending:
        with f._condition:
            if f.done():
                waiter.finished.append(f)
            else:
                f._waiters.append(waiter)
    try:
        while pending:
            for f in waiter.take():
                pending.remove(f)
                yield f
            if not pending:
                break
            left = None
            if deadline is not None:
                left = deadline - _monotonic()
                if left <= 0:
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total))
            waiter.event.wait(left)
    finally:
        for f in pending:
            with f._condition:
                if waiter in f._waiters:
                    f._waiters.remove(waiter)


class DoneAndNotDoneFutures:
    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, index):
        return (self.done, self.not_done)[index]

    def __len__(self):
        return 2

    def __repr__(self):
        return "DoneAndNotDoneFutures(done=%r, not_done=%r)" % (self.done, self.not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = _unique(fs)
    done = []
    try:
        for f in as_completed(fs, timeout):
            done.append(f)
            if return_when == FIRST_COMPLETED:
                break
            if return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None:
                break
    except TimeoutError:
        pass
    return DoneAndNotDoneFutures(set(done), set(f for f in fs if f not in done))


class Executor:
    def submit(self, fn, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        deadline = None if timeout is None else _monotonic() + timeout
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return self._results(fs, deadline)

    def _results(self, fs, deadline):
        for f in fs:
            if deadline is None:
                yield f.result()
            else:
                yield f.result(deadline - _monotonic())

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


# A worker takes items until it finds None, which it puts back for the next worker.
def _worker(executor):
    work = executor._work_queue
    while True:
        item = work.get()
        if item is None:
            work.put(None)
            return
        item.run()
        executor._idle_semaphore.release()


_pools_made = 0
_shutting_down = False
_threads_queues = {}
_process_pools = []


def _python_exit():
    global _shutting_down
    _shutting_down = True
    for pool in _process_pools:
        pool.shutdown(wait=True)
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


_threading._register_atexit(_python_exit)


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        global _pools_made
        if max_workers is None:
            max_workers = min(32, _cpu_count() + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = _SimpleQueue()
        self._idle_semaphore = _threading.Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = _threading.Lock()
        self._initializer = initializer
        self._initargs = initargs
        self._thread_name_prefix = thread_name_prefix or "ThreadPoolExecutor-%d" % _pools_made
        _pools_made += 1

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _shutting_down:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        if len(self._threads) < self._max_workers:
            name = "%s_%d" % (self._thread_name_prefix, len(self._threads))
            t = _threading.Thread(name=name, target=self._run_worker)
            t.start()
            self._threads.append(t)
            _threads_queues[t] = self._work_queue

    def _run_worker(self):
        if self._initializer is not None:
            self._initializer(*self._initargs)
        _worker(self)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except Exception:
                        break
                    if item is not None:
                        item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()


# Each worker is a process of the machine, with its own interpreter and GIL (a
# multiprocessing.Pool underneath); a task's function and arguments must pickle, as in CPython.
class ProcessPoolExecutor(Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None):
        import multiprocessing
        if max_workers is None:
            max_workers = _cpu_count()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._pool = multiprocessing.Pool(max_workers, initializer, initargs, _executor_workers=True)
        self._shutdown = False
        self._pending = []
        _process_pools.append(self)

    def submit(self, fn, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        if _shutting_down:
            raise RuntimeError("cannot schedule new futures after interpreter shutdown")
        f = Future()
        self._pending.append(f)

        def finished(result):
            if f in self._pending:
                self._pending.remove(f)
            if f.set_running_or_notify_cancel():
                f.set_result(result)

        def failed(exception):
            if f in self._pending:
                self._pending.remove(f)
            if f.set_running_or_notify_cancel():
                f.set_exception(exception)

        self._pool.apply_async(fn, args, kwargs, callback=finished, error_callback=failed)
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        if cancel_futures:
            for f in list(self._pending):
                f.cancel()
        if not self._shutdown:
            self._shutdown = True
            self._pool.close()
            if self in _process_pools:
                _process_pools.remove(self)
        if wait:
            self._pool.join()
            # The workers are done; their last results may still be on the way to the futures.
            for f in list(self._pending):
                with f._condition:
                    while not f.done():
                        f._condition.wait()
