// The asyncio module: coroutines run as tasks of one event loop on the thread that calls
// asyncio.run. It is Python on top of generators, so a switch between tasks happens only at an
// `await` that has to wait, and costs no thread switch. When no task can run, the loop sleeps
// the thread on the machine (time.sleep) until its earliest timer: the timeline shows the
// thread blocked on sleep. Timers are kept in integer nanoseconds of the simulated clock, so a
// sleep ends exactly when it should. Sections of the source: errors | futures | tasks | the
// event loop | running coroutines (run, sleep, gather, wait_for, wait) | Event and Queue.
namespace python {

extern const char* const kAsyncioSource = R"PY(
import threading as _threading
from time import monotonic as _monotonic, monotonic_ns as _monotonic_ns, sleep as _thread_sleep

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


# ---- errors ----

class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


TimeoutError = TimeoutError   # asyncio's is the built-in one since Python 3.11


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


# ---- futures ----

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Future:
    def __init__(self, loop=None):
        self._loop = loop if loop is not None else get_running_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def result(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state == _PENDING:
            raise InvalidStateError("Result is not set.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state == _PENDING:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        self._result = result
        self._finish(_FINISHED)

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        self._exception = exception
        self._finish(_FINISHED)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._finish(_CANCELLED)
        return True

    def add_done_callback(self, callback):
        if self.done():
            self._loop.call_soon(callback, self)
        else:
            self._callbacks.append(callback)

    def remove_done_callback(self, callback):
        before = len(self._callbacks)
        self._callbacks = [c for c in self._callbacks if c != callback]
        return before - len(self._callbacks)

    def _finish(self, state):
        self._state = state
        callbacks = self._callbacks
        self._callbacks = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def __await__(self):
        # The task running this coroutine sees the future and resumes it when it is done.
        if not self.done():
            yield self
        return self.result()


def _release(waiter, *ignored):
    if not waiter.done():
        waiter.set_result(None)


# ---- tasks ----

class Task(Future):
    def __init__(self, coro, loop=None, name=None):
        if not iscoroutine(coro):
            raise TypeError("a coroutine was expected, got " + repr(coro))
        Future.__init__(self, loop)
        self._loop._task_count += 1
        self._name = name if name is not None else "Task-" + str(self._loop._task_count)
        self._coro = coro
        self._waiting_on = None
        self._must_cancel = False
        self._loop._tasks.append(self)
        self._loop.call_soon(self._step)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def __repr__(self):
        state = "pending" if not self.done() else "cancelled" if self.cancelled() else "finished"
        return "<Task " + state + " name='" + self._name + "'>"

    def cancel(self, msg=None):
        if self.done():
            return False
        if self._waiting_on is not None and self._waiting_on.cancel():
            # Its wake-up throws CancelledError into the coroutine.
            return True
        self._must_cancel = True
        return True

    # Runs the coroutine up to its next wait (or its end).
    def _step(self, error=None):
        if self.done():
            return
        if self._must_cancel:
            self._must_cancel = False
            error = CancelledError()
        self._waiting_on = None
        loop = self._loop
        loop._current = self
        try:
            if error is None:
                waited = self._coro.send(None)
            else:
                waited = self._coro.throw(error)
        except StopIteration as stop:
            Future.set_result(self, stop.value)
        except CancelledError:
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as stop:
            Future.set_exception(self, stop)
            raise
        except BaseException as failure:
            Future.set_exception(self, failure)
        else:
            if isinstance(waited, Future):
                self._waiting_on = waited
                waited.add_done_callback(self._wake_up)
                if self._must_cancel and waited.cancel():
                    self._must_cancel = False
            elif waited is None:
                loop.call_soon(self._step)
            else:
                loop.call_soon(self._step, RuntimeError("Task got bad yield: " + repr(waited)))
        finally:
            loop._current = None

    def _wake_up(self, future):
        try:
            future.result()
        except BaseException as failure:
            self._step(failure)
        else:
            self._step()


# ---- the event loop ----

class Handle:
    def __init__(self, callback, args):
        self._callback = callback
        self._args = args
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled


class TimerHandle(Handle):
    def __init__(self, when_ns, order, callback, args):
        Handle.__init__(self, callback, args)
        self._when_ns = when_ns
        self._order = order

    def when(self):
        return self._when_ns / 1e9


class _EventLoop:
    def __init__(self):
        self._ready = []
        self._timers = []   # sorted by (due time, order of creation)
        self._timer_count = 0
        self._task_count = 0
        self._tasks = []
        self._current = None
        self._running = False
        self._closed = False
        self._executor = None
        self._in_threads = 0       # calls run_in_executor started that have not come back
        self._from_threads = []    # (future, concurrent future) pairs that ended in a thread
        self._thread_ended = None  # a Condition the loop waits on while calls are in threads

    def time(self):
        return _monotonic()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def call_soon(self, callback, *args):
        handle = Handle(callback, args)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args):
        return self._call_at_ns(_monotonic_ns() + max(0, round(delay * 1e9)), callback, args)

    def call_at(self, when, callback, *args):
        return self._call_at_ns(round(when * 1e9), callback, args)

    def _call_at_ns(self, when_ns, callback, args):
        self._timer_count += 1
        handle = TimerHandle(when_ns, self._timer_count, callback, args)
        at = len(self._timers)
        while at > 0 and self._timers[at - 1]._when_ns > when_ns:
            at -= 1
        self._timers.insert(at, handle)
        return handle

    def create_future(self):
        return Future(self)

    # Runs func(*args) in a thread of the executor (a ThreadPoolExecutor of its own when None);
    # the future it returns is resolved on the loop's thread.
    def run_in_executor(self, executor, func, *args):
        if executor is None:
            if self._executor is None:
                import concurrent.futures
                self._executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
            executor = self._executor
        if self._thread_ended is None:
            self._thread_ended = _threading.Condition()
        future = self.create_future()
        self._in_threads += 1

        def ended(call):
            with self._thread_ended:
                self._from_threads.append((future, call))
                self._thread_ended.notify()

        executor.submit(func, *args).add_done_callback(ended)
        return future

    def _collect_from_threads(self):
        with self._thread_ended:
            ended = self._from_threads
            self._from_threads = []
        for future, call in ended:
            self._in_threads -= 1
            if future.cancelled():
                continue
            if call.exception() is not None:
                future.set_exception(call.exception())
            else:
                future.set_result(call.result())

    def create_task(self, coro, name=None):
        return Task(coro, self, name)

    # One round: when nothing is ready, wait for the earliest timer (or a call in a thread to
    # end), then run what is ready.
    def _run_once(self):
        self._timers = [t for t in self._timers if not t._cancelled]
        delay = self._timers[0]._when_ns - _monotonic_ns() if self._timers else None
        if self._in_threads:
            with self._thread_ended:
                if not self._ready and not self._from_threads and (delay is None or delay > 0):
                    self._thread_ended.wait(None if delay is None else delay / 1e9)
            self._collect_from_threads()
        elif not self._ready and delay is not None and delay > 0:
            _thread_sleep(delay / 1e9)
        now = _monotonic_ns()
        while self._timers and self._timers[0]._when_ns <= now:
            self._ready.append(self._timers.pop(0))
        ready = self._ready
        self._ready = []
        for handle in ready:
            if not handle._cancelled:
                handle._callback(*handle._args)

    def run_until_complete(self, future):
        future = ensure_future(future, loop=self)
        self._running = True
        _loops[_threading.get_ident()] = self
        try:
            while not future.done():
                if not self._ready and not self._in_threads and not [t for t in self._timers if not t._cancelled]:
                    raise RuntimeError("Event loop stopped before Future completed.")
                self._run_once()
        finally:
            self._running = False
            del _loops[_threading.get_ident()]
        return future.result()

    def _cancel_remaining_tasks(self):
        remaining = [t for t in self._tasks if not t.done()]
        for task in remaining:
            task.cancel()
        if remaining:
            self.run_until_complete(gather(*remaining, loop=self, return_exceptions=True))


_loops = {}   # thread id -> its running loop


def _get_running_loop():
    return _loops.get(_threading.get_ident())


def get_running_loop():
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def get_event_loop():
    return get_running_loop()


def new_event_loop():
    return _EventLoop()


def current_task(loop=None):
    return (loop if loop is not None else get_running_loop())._current


def all_tasks(loop=None):
    return set([t for t in (loop if loop is not None else get_running_loop())._tasks if not t.done()])


# ---- running coroutines ----

async def _probe():
    pass


_probe_coroutine = _probe()
_coroutine_type = type(_probe_coroutine)
_probe_coroutine.close()


def iscoroutine(obj):
    return type(obj) is _coroutine_type


def isfuture(obj):
    return isinstance(obj, Future)


async def _await_it(awaitable):
    return await awaitable


def ensure_future(obj, loop=None):
    if isinstance(obj, Future):
        return obj
    if loop is None:
        loop = get_running_loop()
    if iscoroutine(obj):
        return loop.create_task(obj)
    if hasattr(obj, "__await__"):
        return loop.create_task(_await_it(obj))
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


def run(main, debug=None):
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got " + repr(main))
    loop = _EventLoop()
    try:
        return loop.run_until_complete(loop.create_task(main))
    finally:
        loop._cancel_remaining_tasks()
        if loop._executor is not None:
            loop._executor.shutdown(wait=True)
        loop.close()


def create_task(coro, name=None):
    return get_running_loop().create_task(coro, name)


async def to_thread(func, *args, **kwargs):
    return await get_running_loop().run_in_executor(None, lambda: func(*args, **kwargs))


class _SkipOnce:
    # `await` on it gives the other ready tasks one turn.
    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _SkipOnce()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    timer = loop.call_later(delay, _release, future)
    try:
        await future
    finally:
        timer.cancel()
    return result


class _GatheringFuture(Future):
    def __init__(self, children, loop):
        Future.__init__(self, loop)
        self._children = children

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled = False
        for child in self._children:
            if child.cancel():
                cancelled = True
        return cancelled


def gather(*aws, loop=None, return_exceptions=False):
    if loop is None:
        loop = get_running_loop()
    children = []
    for aw in aws:
        children.append(ensure_future(aw, loop=loop))
    outer = _GatheringFuture(children, loop)
    if not children:
        outer.set_result([])
        return outer
    finished = 0

    def child_done(child):
        nonlocal finished
        finished += 1
        if outer.done():
            return
        if not return_exceptions:
            if child.cancelled():
                outer.set_exception(CancelledError())
                return
            if child.exception() is not None:
                outer.set_exception(child.exception())
                return
        if finished < len(children):
            return
        results = []
        for c in children:
            if c.cancelled():
                results.append(CancelledError())
            elif c.exception() is not None:
                results.append(c.exception())
            else:
                results.append(c.result())
        outer.set_result(results)

    for child in children:
        child.add_done_callback(child_done)
    return outer


async def wait_for(aw, timeout):
    loop = get_running_loop()
    future = ensure_future(aw, loop=loop)
    if timeout is None:
        return await future
    waiter = loop.create_future()
    timer = loop.call_later(timeout, _release, waiter)
    future.add_done_callback(lambda done: _release(waiter))
    try:
        await waiter
    except CancelledError:
        future.cancel()
        raise
    finally:
        timer.cancel()
    if future.done():
        return future.result()
    # Out of time: cancel it and let it finish cancelling before the TimeoutError.
    future.cancel()
    ended = loop.create_future()
    future.add_done_callback(lambda done: _release(ended))
    await ended
    if not future.cancelled():
        return future.result()
    raise TimeoutError()


async def wait(aws, timeout=None, return_when=ALL_COMPLETED):
    loop = get_running_loop()
    futures = [ensure_future(aw, loop=loop) for aw in aws]
    if not futures:
        raise ValueError("Set of Tasks/Futures is empty.")
    waiter = loop.create_future()

    def enough():
        done = [f for f in futures if f.done()]
        if return_when == FIRST_COMPLETED and done:
            return True
        if return_when == FIRST_EXCEPTION and [f for f in done if not f.cancelled() and f.exception() is not None]:
            return True
        return len(done) == len(futures)

    def one_done(future):
        if enough():
            _release(waiter)

    if not enough():
        timer = None if timeout is None else loop.call_later(timeout, _release, waiter)
        for f in futures:
            f.add_done_callback(one_done)
        try:
            await waiter
        finally:
            if timer is not None:
                timer.cancel()
            for f in futures:
                f.remove_done_callback(one_done)
    done = set([f for f in futures if f.done()])
    pending = set([f for f in futures if not f.done()])
    return done, pending


# ---- Lock, Semaphore, Event and Queue ----

class Semaphore:
    # A released unit goes straight to the longest waiter, so waiters get it in FIFO order.
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._value = value
        self._waiters = []

    def locked(self):
        return self._value == 0

    async def acquire(self):
        if self._value > 0 and not self._waiters:
            self._value -= 1
            return True
        waiter = get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except CancelledError:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            elif not waiter.cancelled():
                self.release()
            raise
        return True

    def release(self):
        while self._waiters:
            waiter = self._waiters.pop(0)
            if not waiter.done():
                waiter.set_result(True)
                return
        self._value += 1

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._bound = value

    def release(self):
        if self._value >= self._bound and not self._waiters:
            raise ValueError("BoundedSemaphore released too many times")
        Semaphore.release(self)


class Lock(Semaphore):
    def __init__(self):
        Semaphore.__init__(self, 1)

    def release(self):
        if self._value > 0:
            raise RuntimeError("Lock is not acquired.")
        Semaphore.release(self)


class Event:
    def __init__(self):
        self._set = False
        self._waiters = []

    def is_set(self):
        return self._set

    def set(self):
        self._set = True
        for waiter in self._waiters:
            _release(waiter)
        self._waiters = []

    def clear(self):
        self._set = False

    async def wait(self):
        if self._set:
            return True
        waiter = get_running_loop().create_future()
        self._waiters.append(waiter)
        await waiter
        return True


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._items = []
        self._getters = []
        self._putters = []
        self._unfinished = 0
        self._all_done = Event()
        self._all_done.set()

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self.maxsize <= len(self._items)

    def _wake_one(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                return

    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            await putter
        self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull()
        self._items.append(item)
        self._unfinished += 1
        self._all_done.clear()
        self._wake_one(self._getters)

    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            await getter
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty()
        item = self._items.pop(0)
        self._wake_one(self._putters)
        return item

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if self._unfinished == 0:
            self._all_done.set()

    async def join(self):
        if self._unfinished > 0:
            await self._all_done.wait()
)PY";

} // namespace python
