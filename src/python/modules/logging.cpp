// The logging module, written in Python: loggers in a dotted hierarchy under the root logger,
// levels, LogRecord with CPython's attribute names (where the call was made included),
// Formatter (styles '%', '{' and '$'), StreamHandler to stderr, basicConfig. Times come from the simulated clock (time.time_ns), so
// %(asctime)s reads 2024-01-01 12:00:00,000 at the start of every run. A record is written
// with one write() of the whole line, and the machine splits a thread's output only at line
// ends, so lines from several threads never mix.
//
// Its Python half is logging.py beside this file.
#include "python/native.h"
#include "python/python_machine.h"

#include <utility>

namespace python {

namespace {

// _process() -> (os.getpid(), process name) of the calling thread.
NativeResult process_info(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "_process", args, 0, 0))
        return NativeResult::raised();
    PythonRun& run = PythonRun::of(vm);
    const PythonProcess& process = run.process(vm);
    return NativeResult::of(vm.new_tuple(
        {Value::from_int(run.pid(process)), vm.new_str(run.machine().process(process.machine_id).name)}));
}

// _exception_text(exception=None) -> the traceback of `exception` (by default the one being
// handled) as the interpreter prints an uncaught one, without the last newline; None if there
// is none.
NativeResult exception_text(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    if (!check_arity(vm, "_exception_text", args, 0, 1))
        return NativeResult::raised();
    const Value exception = args.count == 1 && !args[0].is_none() ? args[0] : thread.handled_exception;
    if (!vm.is_instance(exception, vm.types.base_exception))
        return NativeResult::of(Value::none());
    // The interpreter formats a thread's uncaught exception: lend it this one for a moment.
    const Value uncaught = std::exchange(thread.uncaught, exception);
    std::string uncaught_text = std::exchange(thread.uncaught_text, vm.exception_line(exception));
    std::string text = vm.format_uncaught(thread);
    thread.uncaught = uncaught;
    thread.uncaught_text = std::move(uncaught_text);
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    return NativeResult::of(vm.new_str(text));
}

// _caller() -> (path, line, function) of the innermost frame outside this module: where the
// program called logging, for %(pathname)s, %(lineno)d and %(funcName)s.
NativeResult caller_info(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    if (!check_arity(vm, "_caller", args, 0, 0))
        return NativeResult::raised();
    for (size_t i = thread.frames.size(); i-- > 0;) {
        const Frame& frame = thread.frames[i];
        if (frame.is_native() || frame.code->source->filename == "<logging>")
            continue;
        return NativeResult::of(vm.new_tuple({vm.new_str(frame.code->source->filename),
                                                      Value::from_int(frame.position().line),
                                                      vm.new_str(frame.code->source->name)}));
    }
    return NativeResult::of(vm.new_tuple({vm.new_str("(unknown file)"), Value::from_int(0), vm.new_str("(unknown function)")}));
}

} // namespace

void install_logging(Interpreter& vm, ModuleObject& module) {
    vm.add_native(module, "_process", process_info);
    vm.add_native(module, "_caller", caller_info);
    vm.add_native(module, "_exception_text", exception_text);
}

} // namespace python
