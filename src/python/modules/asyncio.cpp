// The asyncio module: coroutines run as tasks of one event loop on the thread that calls
// asyncio.run. It is Python on top of generators, so a switch between tasks happens only at an
// `await` that has to wait, and costs no thread switch. When no task can run, the loop sleeps
// the thread on the machine (time.sleep) until its earliest timer: the timeline shows the
// thread blocked on sleep. Timers are kept in integer nanoseconds of the simulated clock, so a
// sleep ends exactly when it should. The loop API is 3.11's: get_event_loop() makes the main
// thread's loop on first use, run_until_complete runs run_forever until the future is done,
// call_soon/call_later/call_at, stop and close. Sections of asyncio.py, beside this file:
// errors | futures | tasks | the event loop | running coroutines (run, sleep, gather, wait_for,
// wait, as_completed, shield, timeout, TaskGroup) | Lock, Semaphore, Event, Condition and the
// queues.
#include "python/native.h"

namespace python {

namespace {

// _export_builtin(name, value): makes a name of the module a built-in one, unless the
// built-ins already have it (ExceptionGroup, which 3.11 has as a built-in).
NativeResult export_builtin(Interpreter& vm, Thread&, Value, CallArgs args) {
    const StrObject* name = nullptr;
    if (!check_arity(vm, "_export_builtin", args, 2, 2) || !str_argument(vm, args[0], "name", name))
        return NativeResult::raised();
    if (!vm.builtins->globals.find(name->text))
        vm.set_attr(vm.builtins->globals, name->text, args[1]);
    return NativeResult::of(Value::none());
}

} // namespace

void install_asyncio(Interpreter& vm, ModuleObject& module) {
    vm.add_native(module, "_export_builtin", export_builtin);
}

} // namespace python
