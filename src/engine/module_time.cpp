// The time module on the simulated clock. Every function that reads the clock asks the
// machine, so the time is exact to the instruction. time.time() counts from a fixed moment,
// 2024-01-01 12:00:00 UTC, at the start of every run (so logging shows 12:00:00, 12:00:01, ...);
// perf_counter() and monotonic() count from 0.
#include "engine/native.h"
#include "engine/python_machine.h"

namespace sim {

namespace {

using engine::CallArgs;
using engine::Interpreter;
using engine::NativeResult;
using engine::Value;

constexpr int64_t kEpochSecondsAtStart = 1704110400;

NativeResult epoch_seconds(Interpreter&, engine::Thread&, Value, Value now) {
    return NativeResult::of(Value::from_float(static_cast<double>(kEpochSecondsAtStart) + static_cast<double>(now.as_integral()) / 1e9));
}

NativeResult epoch_nanoseconds(Interpreter&, engine::Thread&, Value, Value now) {
    return NativeResult::of(Value::from_int(kEpochSecondsAtStart * kSecond + now.as_integral()));
}

NativeResult run_seconds(Interpreter&, engine::Thread&, Value, Value now) {
    return NativeResult::of(Value::from_float(static_cast<double>(now.as_integral()) / 1e9));
}

NativeResult run_nanoseconds(Interpreter&, engine::Thread&, Value, Value now) {
    return NativeResult::of(now);
}

NativeResult returns_none(Interpreter&, engine::Thread&, Value, Value) {
    return NativeResult::of(Value::none());
}

// The clock readings differ only in their name and how the machine's nanoseconds are converted.
template <const char* name, engine::NativeContinuation convert>
NativeResult clock_reading(Interpreter& vm, engine::Thread& thread, Value, CallArgs args) {
    if (!engine::check_arity(vm, name, args, 0, 0))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::now(), convert);
}

NativeResult time_sleep(Interpreter& vm, engine::Thread& thread, Value, CallArgs args) {
    if (!engine::check_arity(vm, "sleep", args, 1, 1))
        return NativeResult::raised();
    SimTime duration = 0;
    if (!seconds_argument(vm, args[0], "sleep length", duration))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::sleep(duration), returns_none);
}

constexpr char kTime[] = "time";
constexpr char kTimeNs[] = "time_ns";
constexpr char kPerfCounter[] = "perf_counter";
constexpr char kPerfCounterNs[] = "perf_counter_ns";
constexpr char kMonotonic[] = "monotonic";
constexpr char kMonotonicNs[] = "monotonic_ns";

} // namespace

void install_time(Interpreter& vm, engine::ModuleObject& module) {
    vm.add_native(module, kTime, clock_reading<kTime, epoch_seconds>);
    vm.add_native(module, kTimeNs, clock_reading<kTimeNs, epoch_nanoseconds>);
    vm.add_native(module, kPerfCounter, clock_reading<kPerfCounter, run_seconds>);
    vm.add_native(module, kPerfCounterNs, clock_reading<kPerfCounterNs, run_nanoseconds>);
    vm.add_native(module, kMonotonic, clock_reading<kMonotonic, run_seconds>);
    vm.add_native(module, kMonotonicNs, clock_reading<kMonotonicNs, run_nanoseconds>);
    vm.add_native(module, "sleep", time_sleep);
}

} // namespace sim
