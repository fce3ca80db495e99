// The `sys` module: exit, argv, the standard streams (print(..., file=sys.stderr) works),
// the recursion limit and a few constants.
#include "python/native.h"

namespace python {

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

} // namespace

void install_sys(Interpreter& vm, ModuleObject& module)
{
    vm.add_native(module, "exit", sys_exit);
    vm.add_native(module, "getrecursionlimit", sys_getrecursionlimit);
    vm.add_native(module, "setrecursionlimit", sys_setrecursionlimit);
    vm.add_native(module, "_write", sys_write);
    vm.set_attr(module.globals, "argv", vm.new_list({vm.new_str(vm.main_file)}));
    vm.set_attr(module.globals, "maxsize", Value::from_int(INT64_MAX));
    vm.set_attr(module.globals, "platform", vm.new_str("threadlab"));
    vm.set_attr(module.globals, "version", vm.new_str("3.11 (Threadlab)"));
    vm.set_attr(module.globals, "version_info",
                vm.new_tuple({Value::from_int(3), Value::from_int(11), Value::from_int(0), vm.new_str("final"), Value::from_int(0)}));
}

extern const char kSysSource[] = R"PY(
class _Stream:
    def __init__(self, name, fd):
        self.name = name
        self._fd = fd

    def write(self, text):
        if type(text) is not str:
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        _write(self._fd, text)
        return len(text)

    def flush(self):
        pass


stdout = _Stream("<stdout>", 1)
stderr = _Stream("<stderr>", 2)
)PY";

} // namespace python
