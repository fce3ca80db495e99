
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


# What a TaskGroup raises. Python 3.11 has them as built-ins; Threadlab's asyncio provides them
# (and makes them built-in names when it is imported, so `except ExceptionGroup` works).
# Threadlab has single inheritance only, so ExceptionGroup derives from Exception alone and
# shares its methods with BaseExceptionGroup.
def _group_init(self, message, exceptions):
    BaseException.__init__(self, message, tuple(exceptions))
    self.message = message
    self.exceptions = tuple(exceptions)


def _group_str(self):
    n = len(self.exceptions)
    return "%s (%d sub-exception%s)" % (self.message, n, "" if n == 1 else "s")


def _group_subgroup(self, condition):
    matching = [e for e in self.exceptions if _group_matches(e, condition)]
    return type(self)(self.message, matching) if matching else None


def _group_split(self, condition):
    matching = [e for e in self.exceptions if _group_matches(e, condition)]
    rest = [e for e in self.exceptions if not _group_matches(e, condition)]
    return (type(self)(self.message, matching) if matching else None,
            type(self)(self.message, rest) if rest else None)


class BaseExceptionGroup(BaseException):
    __init__ = _group_init
    __str__ = _group_str
    subgroup = _group_subgroup
    split = _group_split


class ExceptionGroup(Exception):
    __init__ = _group_init
    __str__ = _group_str
    subgroup = _group_subgroup
    split = _group_split


def _group_matches(exception, condition):
    if isinstance(condition, type) or isinstance(condition, tuple):
        return isinstance(exception, condition)
    return condition(exception)


def _exception_group(message, errors):
    for e in errors:
        if not isinstance(e, Exception):
            return BaseExceptionGroup(message, errors)
    return ExceptionGroup(message, errors)


_export_builtin("BaseExceptionGroup", BaseExceptionGroup)
_export_builtin("ExceptionGroup", ExceptionGroup)


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
        self._cancel_message = None

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def _cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def result(self):
        if self._state == _CANCELLED:
            raise self._cancelled_error()
        if self._state == _PENDING:
            raise InvalidStateError("Result is not set.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._cancelled_error()
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
        self._cancel_message = msg
        self._finish(_CANCELLED)
        return True

    def __repr__(self):
        state = self._state.lower()
        if self._state == _FINISHED:
            if self._exception is not None:
                return "<Future finished exception=%r>" % (self._exception,)
            return "<Future finished result=%r>" % (self._result,)
        return "<Future %s>" % state

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
        self._cancel_requests = 0
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
        self._cancel_requests += 1
        if self._waiting_on is not None and self._waiting_on.cancel(msg):
            # Its wake-up throws CancelledError(msg) into the coroutine.
            return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._cancel_requests

    def uncancel(self):
        if self._cancel_requests > 0:
            self._cancel_requests -= 1
        return self._cancel_requests

    # Runs the coroutine up to its next wait (or its end).
    def _step(self, error=None):
        if self.done():
            return
        if self._must_cancel:
            # A CancelledError already on its way in keeps its message (3.11's Task.__step).
            self._must_cancel = False
            if not isinstance(error, CancelledError):
                error = self._cancelled_error()
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
        except CancelledError as cancelled:
            Future.cancel(self, cancelled.args[0] if cancelled.args else None)
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
        if self._loop._closed:
            return
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
        self._stopping = False
        self._closed = False
        self._debug = False
        self._executor = None
        self._in_threads = 0       # calls run_in_executor started that have not come back
        self._from_threads = []    # (future, concurrent future) pairs that ended in a thread
        self._thread_ended = None  # a Condition the loop waits on while calls are in threads

    def __repr__(self):
        return "<_UnixSelectorEventLoop running=%s closed=%s debug=%s>" % (self._running, self._closed, self._debug)

    def time(self):
        return _monotonic()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready = []
        self._timers = []
        if self._executor is not None:
            self._executor.shutdown(wait=False)

    def stop(self):
        self._stopping = True

    def call_soon(self, callback, *args):
        self._check_closed()
        handle = Handle(callback, args)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args):
        return self._call_at_ns(_monotonic_ns() + max(0, round(delay * 1e9)), callback, args)

    def call_at(self, when, callback, *args):
        return self._call_at_ns(round(when * 1e9), callback, args)

    def _call_at_ns(self, when_ns, callback, args):
        self._check_closed()
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
        self._check_closed()
        return Task(coro, self, name)

    # One round: when nothing is ready, wait for the earliest timer (or a call in a thread to
    # end), then run what is ready. With nothing at all to wait for, the thread blocks for good
    # (CPython's loop would wait forever too): the machine reports it.
    def _run_once(self):
        self._timers = [t for t in self._timers if not t._cancelled]
        delay = self._timers[0]._when_ns - _monotonic_ns() if self._timers else None
        if self._in_threads:
            with self._thread_ended:
                if not self._ready and not self._from_threads and (delay is None or delay > 0):
                    self._thread_ended.wait(None if delay is None else delay / 1e9)
            self._collect_from_threads()
        elif not self._ready and not self._stopping:
            if delay is None:
                _threading.Event().wait()
            elif delay > 0:
                _thread_sleep(delay / 1e9)
        now = _monotonic_ns()
        while self._timers and self._timers[0]._when_ns <= now:
            self._ready.append(self._timers.pop(0))
        ready = self._ready
        self._ready = []
        for handle in ready:
            if not handle._cancelled:
                handle._callback(*handle._args)

    def _has_work(self):
        return self._ready or self._in_threads or [t for t in self._timers if not t._cancelled]

    def run_forever(self):
        self._run(None)

    # Runs rounds until stop(). Waiting for `until` (run_until_complete), a round with nothing
    # ready, no timer and no call in a thread can never finish it: that stops with an error.
    def _run(self, until):
        self._check_closed()
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._running = True
        _loops[_threading.get_ident()] = self
        try:
            while True:
                if until is not None and not until.done() and not self._has_work():
                    break
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            del _loops[_threading.get_ident()]

    def run_until_complete(self, future):
        self._check_closed()
        if self._running:
            raise RuntimeError("This event loop is already running")
        future = ensure_future(future, loop=self)

        def done(ignored):
            self.stop()

        future.add_done_callback(done)
        try:
            self._run(future)
        finally:
            future.remove_done_callback(done)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
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


_set_loops = {}   # thread id -> the loop set_event_loop gave it (None after a set to None)


# 3.11: the running loop; else the thread's current one; the main thread gets a new one on
# first use (at module level, before asyncio.run).
def get_event_loop():
    loop = _get_running_loop()
    if loop is not None:
        return loop
    ident = _threading.get_ident()
    if ident not in _set_loops and _threading.current_thread() is _threading.main_thread():
        _set_loops[ident] = new_event_loop()
    loop = _set_loops.get(ident)
    if loop is None:
        raise RuntimeError("There is no current event loop in thread %r." % _threading.current_thread().name)
    return loop


def set_event_loop(loop):
    if loop is not None and not isinstance(loop, _EventLoop):
        raise TypeError("loop must be an instance of AbstractEventLoop or None, not '%s'" % type(loop).__name__)
    _set_loops[_threading.get_ident()] = loop


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


def run(main, *, debug=None):
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got " + repr(main))
    loop = _EventLoop()
    if debug is not None:
        loop.set_debug(debug)
    set_event_loop(loop)
    try:
        return loop.run_until_complete(loop.create_task(main))
    finally:
        try:
            loop._cancel_remaining_tasks()
            if loop._executor is not None:
                loop._executor.shutdown(wait=True)
        finally:
            loop.close()
            set_event_loop(None)


class Runner:
    def __init__(self, *, debug=None, loop_factory=None):
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def get_loop(self):
        if self._loop is None:
            self._loop = new_event_loop() if self._loop_factory is None else self._loop_factory()
            if self._debug is not None:
                self._loop.set_debug(self._debug)
            set_event_loop(self._loop)
        return self._loop

    def run(self, coro):
        loop = self.get_loop()
        return loop.run_until_complete(loop.create_task(coro))

    def close(self):
        if self._loop is None:
            return
        try:
            self._loop._cancel_remaining_tasks()
        finally:
            self._loop.close()
            self._loop = None
            set_event_loop(None)


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
            if child.cancel(msg):
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
                outer.set_exception(child._cancelled_error())
                return
            if child.exception() is not None:
                outer.set_exception(child.exception())
                return
        if finished < len(children):
            return
        results = []
        for c in children:
            if c.cancelled():
                # 3.11's gather: the message, or '' when the cancel had none.
                results.append(CancelledError("" if c._cancel_message is None else c._cancel_message))
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
    if isfuture(aws) or iscoroutine(aws):
        raise TypeError("expect a list of futures, not %s" % type(aws).__name__)
    if not aws:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: %s" % return_when)
    loop = get_running_loop()
    futures = []
    for aw in aws:
        if iscoroutine(aw):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
        if aw not in futures:
            futures.append(ensure_future(aw, loop=loop))
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


# Yields awaitables that give the results in the order the futures finish (3.11's version).
def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect an iterable of futures, not %s" % type(fs).__name__)
    loop = get_event_loop()
    todo = []
    for f in fs:
        future = ensure_future(f, loop=loop)
        if future not in todo:
            todo.append(future)
    done = Queue()
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            done.put_nowait(None)
        todo.clear()

    def on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError()
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for i in range(len(todo)):
        yield wait_for_one()


# Cancelling the awaiting task does not cancel `arg`.
def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner._loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            return
        if inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


_CREATED = "created"
_ENTERED = "active"
_EXPIRING = "expiring"
_EXPIRED = "expired"
_EXITED = "finished"


# `async with timeout(delay):` cancels the task when the time is up and turns that
# cancellation into TimeoutError on the way out.
class Timeout:
    def __init__(self, when):
        self._state = _CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != _ENTERED:
            raise RuntimeError("Timeout has not been entered" if self._state == _CREATED else "Cannot change state of %s Timeout" % self._state)
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        self._when = when
        if when is None:
            self._timeout_handler = None
            return
        loop = get_running_loop()
        if when <= loop.time():
            self._timeout_handler = loop.call_soon(self._on_timeout)
        else:
            self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in (_EXPIRING, _EXPIRED)

    def __repr__(self):
        info = [self._state]
        if self._state == _ENTERED:
            info.append("when=%.3f" % self._when if self._when is not None else "when=None")
        return "<Timeout [%s]>" % " ".join(info)

    async def __aenter__(self):
        self._state = _ENTERED
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == _EXPIRING:
            self._state = _EXPIRED
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError()
        elif self._state == _ENTERED:
            self._state = _EXITED
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


# 3.11's structured concurrency: the block waits for every task it created; the first failure
# cancels the others (and the block), and the failures come out as one ExceptionGroup.
class TaskGroup:
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = []
        self._errors = []
        self._base_error = None
        self._on_completed = None

    def __repr__(self):
        info = []
        if self._tasks:
            info.append("tasks=%d" % len(self._tasks))
        if self._errors:
            info.append("errors=%d" % len(self._errors))
        if self._aborting:
            info.append("cancelling")
        elif self._entered:
            info.append("entered")
        return "<TaskGroup%s>" % ("".join(" " + i for i in info))

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError("TaskGroup %r has been already entered" % self)
        self._entered = True
        self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError("TaskGroup %r cannot determine the parent task" % self)
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation = None
        if et is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._on_completed is None:
                self._on_completed = self._loop.create_future()
            try:
                await self._on_completed
            except CancelledError as cancelled:
                if not self._aborting:
                    propagate_cancellation = cancelled
                    self._abort()
            self._on_completed = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation is not None and not self._errors:
            raise propagate_cancellation
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            raise _exception_group("unhandled errors in a TaskGroup", errors)

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError("TaskGroup %r has not been entered" % self)
        if self._exiting and not self._tasks:
            raise RuntimeError("TaskGroup %r is finished" % self)
        if self._aborting:
            raise RuntimeError("TaskGroup %r is shutting down" % self)
        task = self._loop.create_task(coro, name=name)
        self._tasks.append(task)
        task.add_done_callback(self._on_task_done)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.remove(task)
        if self._on_completed is not None and not self._tasks and not self._on_completed.done():
            self._on_completed.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# ---- Lock, Semaphore, Event, Condition and the queues ----

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


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    async def wait(self):
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            waiter = get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
                return True
            finally:
                self._waiters.remove(waiter)
        finally:
            # The lock is taken back even when the wait is cancelled.
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError()

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = 0
        for waiter in self._waiters:
            if woken >= n:
                break
            if not waiter.done():
                woken += 1
                waiter.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class BrokenBarrierError(RuntimeError):
    pass


# 3.11's Barrier: a round fills, then drains (the waiters leave) before the next one fills;
# reset() breaks the waiters out, abort() leaves it broken.
_FILLING, _DRAINING, _RESETTING, _BROKEN = "filling", "draining", "resetting", "broken"


class Barrier:
    def __init__(self, parties):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += ", waiters:%d/%d" % (self.n_waiting, self.parties)
        return "<asyncio.locks.Barrier object at %#x [%s]>" % (id(self), extra)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._cond.wait_for(lambda: self._state not in (_DRAINING, _RESETTING))
            if self._state is _BROKEN:
                raise BrokenBarrierError("Barrier aborted")
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    self._state = _DRAINING
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._state is not _FILLING)
                    if self._state in (_BROKEN, _RESETTING):
                        raise BrokenBarrierError("Abort or reset of barrier")
                return index
            finally:
                self._count -= 1
                if self._count == 0:
                    if self._state in (_RESETTING, _DRAINING):
                        self._state = _FILLING
                    self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            self._state = _RESETTING if self._count > 0 else _FILLING
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state is _FILLING else 0

    @property
    def broken(self):
        return self._state is _BROKEN


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
        self._put(item)
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
        item = self._get()
        self._wake_one(self._putters)
        return item

    def _put(self, item):
        self._items.append(item)

    def _get(self):
        return self._items.pop(0)

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if self._unfinished == 0:
            self._all_done.set()

    async def join(self):
        if self._unfinished > 0:
            await self._all_done.wait()


# heapq's push and pop, as CPython sifts, so equal priorities come out in CPython's order.
# Moves heap[pos] up towards the root while it is smaller than its parent.
def _siftdown(heap, pos):
    item = heap[pos]
    while pos > 0:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
            continue
        break
    heap[pos] = item


def _heappush(heap, item):
    heap.append(item)
    _siftdown(heap, len(heap) - 1)


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    end = len(heap)
    pos = 0
    child = 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = last
    _siftdown(heap, pos)
    return top


class PriorityQueue(Queue):
    def _put(self, item):
        _heappush(self._items, item)

    def _get(self):
        return _heappop(self._items)


class LifoQueue(Queue):
    def _get(self):
        return self._items.pop()
