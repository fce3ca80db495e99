// The `sys` module: exit, argv, the standard streams (print(..., file=sys.stderr) works),
// the recursion limit and a few constants. On the machine it also sets the process's GIL
// switch interval (install_machine_sys).
#include "python/native.h"
#include "python/python_machine.h"

namespace python {

void install_sys(Interpreter& vm, ModuleObject& module);

namespace {

NativeResult sys_exit(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "exit", args, 0, 1))
        return NativeResult::raised();
    Value exception = vm.make_exception(vm.types.system_exit, "");
    if (args.count == 1)
        vm.set_attr(as<InstanceObject>(exception)->attrs, "args", vm.new_tuple({args[0]}));
    vm.pending = exception;
    return NativeResult::raised();
}

NativeResult sys_getrecursionlimit(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "getrecursionlimit", args, 0, 0))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int(vm.recursion_limit));
}

NativeResult sys_setrecursionlimit(Interpreter& vm, Thread&, Value, CallArgs args)
{
    int64_t limit;
    if (!check_arity(vm, "setrecursionlimit", args, 1, 1) || !int_argument(vm, args[0], limit))
        return NativeResult::raised();
    if (limit < 1)
        return vm.raise(vm.types.value_error, "recursion limit must be greater or equal than 1");
    // Frames are data, so a deep limit costs memory only; it stays bounded for the browser.
    vm.recursion_limit = (uint32_t)std::min<int64_t>(limit, 100000);
    return NativeResult::of(Value::none());
}

// _write(fd, text): what sys.stdout.write and sys.stderr.write end in.
NativeResult sys_write(Interpreter& vm, Thread&, Value, CallArgs args)
{
    const std::string& text = as<StrObject>(args[1])->text;
    if (args[0].integer == 2)
        vm.host.write_stderr(text);
    else
        vm.host.write_stdout(text);
    return NativeResult::of(Value::none());
}

// The process of the calling thread, whose GIL the switch interval belongs to.
const machine::Process& process_of(Interpreter& vm, Thread& thread)
{
    PythonRun& run = PythonRun::of(vm);
    const machine::Machine& m = run.machine();
    return m.process(m.thread(run.python_thread(vm, thread).id()).process);
}

// exception(): the exception an except clause of this thread is handling, else None.
NativeResult sys_exception(Interpreter& vm, Thread& thread, Value, CallArgs args)
{
    if (!check_arity(vm, "exception", args, 0, 0))
        return NativeResult::raised();
    return NativeResult::of(thread.handled_exception.is_empty() ? Value::none() : thread.handled_exception);
}

// exc_info(): (type, value, traceback) of that exception; Threadlab has no traceback objects.
NativeResult sys_exc_info(Interpreter& vm, Thread& thread, Value, CallArgs args)
{
    if (!check_arity(vm, "exc_info", args, 0, 0))
        return NativeResult::raised();
    Value exception = thread.handled_exception;
    if (exception.is_empty() || exception.is_none())
        return NativeResult::of(vm.new_tuple({Value::none(), Value::none(), Value::none()}));
    return NativeResult::of(vm.new_tuple({Value::from_object(vm.type_of(exception)), exception, Value::none()}));
}

NativeResult sys_getswitchinterval(Interpreter& vm, Thread& thread, Value, CallArgs args)
{
    if (!check_arity(vm, "getswitchinterval", args, 0, 0))
        return NativeResult::raised();
    const SimTime interval = process_of(vm, thread).switch_interval;
    return NativeResult::of(Value::from_float(static_cast<double>(interval / machine::kMicrosecond) / 1e6));
}

NativeResult sys_setswitchinterval(Interpreter& vm, Thread& thread, Value, CallArgs args)
{
    if (!check_arity(vm, "setswitchinterval", args, 1, 1))
        return NativeResult::raised();
    if (!args[0].is_number())
        return vm.raise(vm.types.type_error, "must be real number, not " + vm.type_name(args[0]));
    const double seconds = args[0].as_double();
    if (!(seconds > 0))
        return vm.raise(vm.types.value_error, "switch interval must be strictly positive");
    // CPython keeps whole microseconds (so 1e-7 reads back as 0.0). Beyond an hour the GIL never
    // asks in a lab's run; the bound keeps the nanoseconds exact.
    const auto microseconds = static_cast<int64_t>(std::min(seconds, 3600.0) * 1e6);
    PythonRun::of(vm).machine().set_switch_interval(process_of(vm, thread).id, microseconds * machine::kMicrosecond);
    return NativeResult::of(Value::none());
}

} // namespace

void install_machine_sys(Interpreter& vm, ModuleObject& module)
{
    install_sys(vm, module);
    vm.add_native(module, "getswitchinterval", sys_getswitchinterval);
    vm.add_native(module, "setswitchinterval", sys_setswitchinterval);
}

void install_sys(Interpreter& vm, ModuleObject& module)
{
    vm.add_native(module, "exit", sys_exit);
    vm.add_native(module, "getrecursionlimit", sys_getrecursionlimit);
    vm.add_native(module, "setrecursionlimit", sys_setrecursionlimit);
    vm.add_native(module, "_write", sys_write);
    vm.add_native(module, "exception", sys_exception);
    vm.add_native(module, "exc_info", sys_exc_info);
    vm.set_attr(module.globals, "argv", vm.new_list({vm.new_str(vm.main_file)}));
    vm.set_attr(module.globals, "maxsize", Value::from_int(INT64_MAX));
    vm.set_attr(module.globals, "platform", vm.new_str("threadlab"));
    vm.set_attr(module.globals, "version", vm.new_str("3.11 (Threadlab)"));
    vm.set_attr(module.globals, "version_info",
                vm.new_tuple({Value::from_int(3), Value::from_int(11), Value::from_int(0), vm.new_str("final"), Value::from_int(0)}));
}

} // namespace python
