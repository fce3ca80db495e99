// The multiprocessing module on the simulated machine: Process, current_process,
// active_children, cpu_count. A child is a new machine process with its own interpreter (text,
// data, heap) and its own GIL, started spawn-like (see python_machine.h): it runs the program
// again as __mp_main__, then the Process object its parent pickled at start(). Joining a
// process joins its main thread, which ends when the process does.
//
// What differs from CPython on Linux, which forks: code outside `if __name__ == "__main__":`
// runs again in each child (and starting a process there is refused, as spawn refuses it); the
// target and its arguments must pickle (module-level functions and classes, plain data); a
// child's traceback leaves out multiprocessing's own frames; exitcode is an attribute that
// join(), is_alive() and repr() bring up to date; pids are 1000 + the machine's process number.
//
// Sections: natives | Python source
#include "python/native.h"
#include "python/python_machine.h"

namespace python {

namespace {


// ---- Natives -----------------------------------------------------------------------------------

NativeResult started(Interpreter& vm, Thread&, Value, Value main_thread) {
    PythonRun& run = PythonRun::of(vm);
    const ProcessId child = run.machine().thread(static_cast<ThreadId>(main_thread.as_integral())).process;
    return NativeResult::of(vm.new_tuple({main_thread, Value::from_int(kFirstPid + child)}));
}

// _start(process, name, daemon) -> (main thread, pid): pickles `process` for the child.
NativeResult start(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    const StrObject* name = nullptr;
    if (!check_arity(vm, "_start", args, 3, 3) || !str_argument(vm, args[1], "name", name))
        return NativeResult::raised();
    Pickled sent;
    if (!pickle(vm, args[0], sent))
        return NativeResult::raised();
    std::unique_ptr<PythonThread> program = PythonRun::of(vm).start_child(vm, std::move(sent), vm.truthy(args[2]));
    return ask_machine(vm, thread, Request::spawn_process(std::move(program), name->text), started);
}

bool child_argument(Interpreter& vm, Value v, PythonProcess*& out) {
    int64_t pid = 0;
    if (!int_argument(vm, v, pid))
        return false;
    out = PythonRun::of(vm).process_with_pid(pid);
    if (!out)
        vm.fail(vm.types.value_error, "no such process");
    return out != nullptr;
}

// _exitcode(pid) -> None while the process runs, else its exit code (-signal when ended by one).
NativeResult exitcode(Interpreter& vm, Thread&, Value, CallArgs args) {
    PythonProcess* child = nullptr;
    if (!check_arity(vm, "_exitcode", args, 1, 1) || !child_argument(vm, args[0], child))
        return NativeResult::raised();
    if (!PythonRun::of(vm).machine().process(child->machine_id).exited)
        return NativeResult::of(Value::none());
    return NativeResult::of(Value::from_int(child->signal ? -child->signal : child->exit_code));
}

// state: (pid, signal). A process that had already ended keeps its own exit code.
NativeResult ended(Interpreter& vm, Thread&, Value state, Value was_running) {
    const std::vector<Value>& pid_signal = as<TupleObject>(state)->items;
    if (was_running.as_integral() != 0)
        PythonRun::of(vm).process_with_pid(pid_signal[0].integer)->signal = static_cast<int>(pid_signal[1].integer);
    return NativeResult::of(Value::none());
}

// _end(pid, signal) -> None: terminate() (SIGTERM, 15) and kill() (SIGKILL, 9).
NativeResult end(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    PythonProcess* child = nullptr;
    int64_t signal = 0;
    if (!check_arity(vm, "_end", args, 2, 2) || !child_argument(vm, args[0], child) ||
        !int_argument(vm, args[1], signal))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::end_process(child->machine_id), ended, vm.new_tuple({args[0], args[1]}));
}

// _received() -> the Process object the parent sent, rebuilt in this process.
NativeResult received(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "_received", args, 0, 0))
        return NativeResult::raised();
    const Value process = unpickle(vm, PythonRun::of(vm).process(vm).sent);
    return process.is_empty() ? NativeResult::raised() : NativeResult::of(process);
}

} // namespace

void install_multiprocessing(Interpreter& vm, ModuleObject& module) {
    vm.add_native(module, "_start", start);
    vm.add_native(module, "_exitcode", exitcode);
    vm.add_native(module, "_end", end);
    vm.add_native(module, "_received", received);
}

// ---- Python source -----------------------------------------------------------------------------
// Attributes are plain (this Python has no properties): exitcode is brought up to date by
// join(), is_alive() and repr().

extern const char kMultiprocessingSource[] = R"PY(
from os import cpu_count, getpid as _getpid
from threading import _join

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
)PY";

} // namespace python
