// The threading module on the simulated machine: natives over the machine's threads and kernel
// wait objects (machine/sync.h), and the Python classes built on them (Thread, Lock, RLock,
// Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer) with CPython's behaviour and
// error messages. As in CPython, Thread.start() waits until the new thread is running, and a
// thread's uncaught exception is printed by the thread itself ("Exception in thread ...").
//
// Sections: natives | Python source
#include "python/native.h"
#include "python/python_machine.h"
#include "lang/source.h"

namespace python {

namespace {


// ---- Natives -----------------------------------------------------------------------------------

NativeResult answer_int(Interpreter&, Thread&, Value, Value result) {
    return NativeResult::of(result);
}

NativeResult answer_bool(Interpreter&, Thread&, Value, Value result) {
    return NativeResult::of(Value::from_bool(result.as_integral() != 0));
}

NativeResult answer_none(Interpreter&, Thread&, Value, Value) {
    return NativeResult::of(Value::none());
}

Machine& machine_of(Interpreter& vm) {
    return PythonRun::of(vm).machine();
}

ThreadId caller(Interpreter& vm, Thread& thread) {
    return PythonRun::of(vm).python_thread(vm, thread).id();
}

// A timeout in seconds; None (and -1, Lock.acquire's default) mean "wait forever".
bool timeout_argument(Interpreter& vm, Value v, SimTime& out) {
    out = kNever;
    if (v.is_none() || v.is_empty() || (v.is_integral() && v.as_integral() == -1))
        return true;
    if (v.is_number() && v.as_double() < 0) {
        vm.fail(vm.types.value_error, "timeout value must be a non-negative number");
        return false;
    }
    return seconds_argument(vm, v, "timeout value", out);
}

// The sync object a method's first argument names (an int the Python classes keep in _id).
bool sync_argument(Interpreter& vm, Value v, SyncId& out) {
    int64_t id = 0;
    if (!int_argument(vm, v, id))
        return false;
    if (!machine_of(vm).sync().valid(static_cast<SyncId>(id))) {
        vm.fail(vm.types.value_error, "no such synchronisation object");
        return false;
    }
    out = static_cast<SyncId>(id);
    return true;
}

// _start_new_thread(function, name, daemon) -> ident: a new thread calling function().
NativeResult start_new_thread(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    const StrObject* name = nullptr;
    if (!check_arity(vm, "_start_new_thread", args, 3, 3) || !str_argument(vm, args[1], "name", name))
        return NativeResult::raised();
    // Refused before the Python thread exists, which would otherwise stay behind unrun.
    const Machine& m = machine_of(vm);
    if (m.thread_limit_reached(m.thread(caller(vm, thread)).process))
        return vm.raise(vm.types.runtime_error, machine::kernel_error_message(KernelError::ThreadLimit));
    Thread& child = vm.start_thread(args[0], {}, name->text);
    std::unique_ptr<PythonThread> program = PythonRun::of(vm).adopt(vm, child);
    return ask_machine(vm, thread, Request::spawn(std::move(program), name->text, vm.truthy(args[2])), answer_int);
}

NativeResult get_ident(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    if (!check_arity(vm, "get_ident", args, 0, 0))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int(caller(vm, thread)));
}

NativeResult main_ident(Interpreter& vm, Thread& thread, Value, CallArgs) {
    const Machine& m = machine_of(vm);
    return NativeResult::of(Value::from_int(m.process(m.thread(caller(vm, thread)).process).main_thread));
}

// _allocate(kind, initial, lock) -> id, kind numbered as SyncKind.
NativeResult allocate(Interpreter& vm, Thread&, Value, CallArgs args) {
    int64_t kind = 0, initial = 0, lock = 0;
    if (!check_arity(vm, "_allocate", args, 3, 3) || !int_argument(vm, args[0], kind) ||
        !int_argument(vm, args[1], initial) || !int_argument(vm, args[2], lock))
        return NativeResult::raised();
    if (kind < 0 || kind > static_cast<int64_t>(SyncKind::WaitQueue))
        return vm.raise(vm.types.value_error, "no such kind of synchronisation object");
    return NativeResult::of(
        Value::from_int(machine_of(vm).create_sync(static_cast<SyncKind>(kind), initial, static_cast<SyncId>(lock))));
}

// _acquire(id, blocking, timeout) -> bool
NativeResult acquire(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    SyncId id = kNoSync;
    SimTime timeout = kNever;
    if (!check_arity(vm, "acquire", args, 3, 3) || !sync_argument(vm, args[0], id))
        return NativeResult::raised();
    const bool blocking = vm.truthy(args[1]);
    const bool timeout_given = !(args[2].is_integral() && args[2].as_integral() == -1) && !args[2].is_none();
    if (!blocking && timeout_given)
        return vm.raise(vm.types.value_error, "can't specify a timeout for a non-blocking call");
    if (!timeout_argument(vm, args[2], timeout))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::sync(SyncOp::Acquire, id, timeout, blocking), answer_bool);
}

// _sync(op, id, count) -> None: the operations that never block (release, notify, set, ...).
NativeResult sync_operation(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    int64_t op = 0, count = 0;
    SyncId id = kNoSync;
    if (!check_arity(vm, "_sync", args, 3, 3) || !int_argument(vm, args[0], op) ||
        !sync_argument(vm, args[1], id) || !int_argument(vm, args[2], count))
        return NativeResult::raised();
    if (op < 0 || op > static_cast<int64_t>(SyncOp::Reset) || op == static_cast<int64_t>(SyncOp::Acquire) ||
        op == static_cast<int64_t>(SyncOp::Wait))
        return vm.raise(vm.types.value_error, "not a non-blocking operation");
    return ask_machine(vm, thread, Request::sync(static_cast<SyncOp>(op), id, kNever, true, count), answer_none);
}

// _wait(id, timeout) -> int: Event and Condition answer 1 or 0, Barrier the arrival index.
NativeResult wait(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    SyncId id = kNoSync;
    SimTime timeout = kNever;
    if (!check_arity(vm, "wait", args, 2, 2) || !sync_argument(vm, args[0], id) ||
        !timeout_argument(vm, args[1], timeout))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::sync(SyncOp::Wait, id, timeout), answer_int);
}

// _count(id) -> int: a lock's depth, a semaphore's value, an event's flag.
NativeResult count(Interpreter& vm, Thread&, Value, CallArgs args) {
    SyncId id = kNoSync;
    if (!check_arity(vm, "_count", args, 1, 1) || !sync_argument(vm, args[0], id))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int(machine_of(vm).sync().object(id).count));
}

// _join(ident, timeout) -> None
NativeResult join(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    int64_t ident = 0;
    SimTime timeout = kNever;
    if (!check_arity(vm, "join", args, 2, 2) || !int_argument(vm, args[0], ident))
        return NativeResult::raised();
    // CPython treats a negative join timeout as zero.
    if (args[1].is_number() && args[1].as_double() < 0)
        timeout = 0;
    else if (!timeout_argument(vm, args[1], timeout))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::join(static_cast<ThreadId>(ident), timeout), answer_none);
}

// _mirror(obj, kind): the machine keeps obj's attributes current (see Mirror): kind 0 a
// threading.local, 1 a Semaphore (`_value`), 2 a Barrier (`n_waiting`, `broken`).
NativeResult mirror(Interpreter& vm, Thread&, Value, CallArgs args) {
    int64_t kind = 0;
    auto* instance = args.count == 2 ? as<InstanceObject>(args[0]) : nullptr;
    if (!check_arity(vm, "_mirror", args, 2, 2) || !int_argument(vm, args[1], kind))
        return NativeResult::raised();
    if (!instance || kind < 0 || kind > 2)
        return vm.raise(vm.types.type_error, "_mirror() needs an instance and a kind 0..2");
    Mirror m;
    m.kind = static_cast<Mirror::Kind>(kind);
    m.object_id = instance->id;
    m.object = instance;
    if (m.kind != Mirror::Kind::Local) {
        Value* id = instance->attrs.find("_id");
        if (!id || !sync_argument(vm, *id, m.sync))
            return NativeResult::raised();
    }
    PythonRun::of(vm).add_mirror(vm, m);
    return NativeResult::of(Value::none());
}

// _deprecated(message, warned): CPython's DeprecationWarning for the caller of a deprecated
// function, "file:line: DeprecationWarning: message" and the source line, once per place, and
// only for code in __main__ (the default warning filters).
NativeResult deprecated(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    const StrObject* message = nullptr;
    auto* warned = args.count == 2 ? as<SetObject>(args[1]) : nullptr;
    if (!check_arity(vm, "_deprecated", args, 2, 2) || !str_argument(vm, args[0], "message", message))
        return NativeResult::raised();
    if (!warned)
        return vm.raise(vm.types.type_error, "_deprecated() needs the set of places warned");
    for (auto frame = thread.frames.rbegin(); frame != thread.frames.rend(); ++frame) {
        if (frame->is_native() || frame->code->hidden)
            continue;
        if (!frame->module || frame->module->name != "__main__")
            break;
        const std::string& file = frame->code->source->filename;
        const int line = frame->position().line;
        const std::string where = file + ":" + std::to_string(line) + ": ";
        const Value place = vm.new_str(where + message->text);
        if (warned->table.contains(place))
            break;
        warned->table.add(place);
        std::string text = where + "DeprecationWarning: " + message->text + "\n";
        auto source = vm.sources.find(file);
        if (source != vm.sources.end()) {
            std::string_view code = lang::source_line(source->second, line);
            const size_t start = code.find_first_not_of(" \t");
            if (start != std::string_view::npos)
                text += "  " + std::string(code.substr(start)) + "\n";
        }
        vm.host.write_stderr(text);
        break;
    }
    return NativeResult::of(Value::none());
}

// _format_exception(exc) -> str: its traceback and last line, as an uncaught one prints.
NativeResult format_exception(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "_format_exception", args, 1, 1))
        return NativeResult::raised();
    if (!vm.is_instance(args[0], vm.types.base_exception))
        return vm.raise(vm.types.type_error, "_format_exception() needs an exception");
    Thread report;
    report.uncaught = args[0];
    report.uncaught_text = vm.exception_line(args[0]);
    return NativeResult::of(vm.new_str(vm.format_uncaught(report)));
}

// _write_stderr(text): what threading.excepthook prints with.
NativeResult write_stderr(Interpreter& vm, Thread&, Value, CallArgs args) {
    const StrObject* text = nullptr;
    if (!check_arity(vm, "_write_stderr", args, 1, 1) || !str_argument(vm, args[0], "text", text))
        return NativeResult::raised();
    vm.host.write_stderr(text->text);
    return NativeResult::of(Value::none());
}

} // namespace

void install_threading(Interpreter& vm, ModuleObject& module) {
    vm.add_native(module, "_mirror", mirror);
    vm.add_native(module, "_deprecated", deprecated);
    vm.add_native(module, "_format_exception", format_exception);
    vm.add_native(module, "_write_stderr", write_stderr);
    vm.add_native(module, "_start_new_thread", start_new_thread);
    vm.add_native(module, "get_ident", get_ident);
    vm.add_native(module, "_main_ident", main_ident);
    vm.add_native(module, "_allocate", allocate);
    vm.add_native(module, "_acquire", acquire);
    vm.add_native(module, "_sync", sync_operation);
    vm.add_native(module, "_wait", wait);
    vm.add_native(module, "_count", count);
    vm.add_native(module, "_join", join);
}

// ---- Python source -----------------------------------------------------------------------------
// Sync kinds and operations are passed as SyncKind / SyncOp numbers:
//   kinds: 0 Lock, 1 RLock, 2 Semaphore, 3 BoundedSemaphore, 4 Event, 5 Condition, 6 Barrier
//   ops:   1 release, 3 set, 4 clear, 5 notify, 6 abort, 7 reset

extern const char* const kThreadingSource = R"PY(
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
)PY";

} // namespace python
