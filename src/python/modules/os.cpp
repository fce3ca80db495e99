// The os module on the simulated machine: process ids (kFirstPid + the machine's process id),
// the machine's CPU count, and a few constants. environ starts empty: a run sees no real
// environment.
#include "python/native.h"
#include "python/python_machine.h"

namespace python {

namespace {


NativeResult getpid(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "getpid", args, 0, 0))
        return NativeResult::raised();
    PythonRun& run = PythonRun::of(vm);
    return NativeResult::of(Value::from_int(run.pid(run.process(vm))));
}

NativeResult getppid(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "getppid", args, 0, 0))
        return NativeResult::raised();
    PythonRun& run = PythonRun::of(vm);
    const PythonProcess& self = run.process(vm);
    return NativeResult::of(Value::from_int(self.parent < 0 ? kShellPid : run.pid(run.processes()[self.parent])));
}

NativeResult cpu_count(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "cpu_count", args, 0, 0))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int(PythonRun::of(vm).machine().cpu_count()));
}

} // namespace

void install_os(Interpreter& vm, ModuleObject& module) {
    vm.add_native(module, "getpid", getpid);
    vm.add_native(module, "getppid", getppid);
    vm.add_native(module, "cpu_count", cpu_count);
}

} // namespace python
