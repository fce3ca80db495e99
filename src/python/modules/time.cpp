// The time module on the simulated clock. Every function that reads the clock asks the
// machine, so the time is exact to the instruction. time.time() counts from a fixed moment,
// 2024-01-01 12:00:00 UTC, at the start of every run (so logging shows 12:00:00, 12:00:01, ...);
// perf_counter() and monotonic() count from 0; process_time() and thread_time() are the CPU
// time the machine charged to the process's threads or to the calling thread. The simulated machine's local time is UTC, so
// localtime() and gmtime() agree; strftime() knows the directives that log formats use.
//
// Its Python half is time.py beside this file.
#include "python/native.h"
#include "python/python_machine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace python {

namespace {


constexpr int64_t kEpochSecondsAtStart = 1704110400;

NativeResult epoch_seconds(Interpreter&, Thread&, Value, Value now) {
    return NativeResult::of(Value::from_float(static_cast<double>(kEpochSecondsAtStart) + static_cast<double>(now.as_integral()) / 1e9));
}

NativeResult epoch_nanoseconds(Interpreter&, Thread&, Value, Value now) {
    return NativeResult::of(Value::from_int(kEpochSecondsAtStart * kSecond + now.as_integral()));
}

NativeResult run_seconds(Interpreter&, Thread&, Value, Value now) {
    return NativeResult::of(Value::from_float(static_cast<double>(now.as_integral()) / 1e9));
}

NativeResult run_nanoseconds(Interpreter&, Thread&, Value, Value now) {
    return NativeResult::of(now);
}

// The CPU time of the calling thread, or of all threads of its process, on the machine: the
// instructions they executed (and the threads they created), never their waits, so a thread
// that waits for the GIL or sleeps gains none. Read after a Now request, when the batch that
// asked has been charged.
SimTime cpu_time(Interpreter& vm, Thread& thread, bool whole_process) {
    PythonRun& run = PythonRun::of(vm);
    const Machine& m = run.machine();
    const machine::Thread& self = m.thread(run.python_thread(vm, thread).id());
    if (!whole_process)
        return self.cpu_time;
    SimTime total = 0;
    for (size_t i = 0; i < m.thread_count(); ++i)
        if (m.thread(static_cast<ThreadId>(i)).process == self.process)
            total += m.thread(static_cast<ThreadId>(i)).cpu_time;
    return total;
}

NativeResult process_seconds(Interpreter& vm, Thread& thread, Value, Value) {
    return NativeResult::of(Value::from_float(static_cast<double>(cpu_time(vm, thread, true)) / 1e9));
}

NativeResult process_nanoseconds(Interpreter& vm, Thread& thread, Value, Value) {
    return NativeResult::of(Value::from_int(cpu_time(vm, thread, true)));
}

NativeResult thread_seconds(Interpreter& vm, Thread& thread, Value, Value) {
    return NativeResult::of(Value::from_float(static_cast<double>(cpu_time(vm, thread, false)) / 1e9));
}

NativeResult thread_nanoseconds(Interpreter& vm, Thread& thread, Value, Value) {
    return NativeResult::of(Value::from_int(cpu_time(vm, thread, false)));
}

NativeResult returns_none(Interpreter&, Thread&, Value, Value) {
    return NativeResult::of(Value::none());
}

// The clock readings differ only in their name and how the machine's nanoseconds are converted.
template <const char* name, NativeContinuation convert>
NativeResult clock_reading(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    if (!check_arity(vm, name, args, 0, 0))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::now(), convert);
}

// _fields(seconds) -> (year, month, day, hour, minute, second, weekday, yearday, isdst), as
// struct_time orders them, for a time in seconds since 1970 (UTC).
NativeResult calendar_fields(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "_fields", args, 1, 1))
        return NativeResult::raised();
    if (!args[0].is_number())
        return vm.raise(vm.types.type_error, "'" + vm.type_name(args[0]) + "' object cannot be interpreted as an integer");
    // About 30 million years either way: far past any year the calendar below needs.
    if (!(std::fabs(args[0].as_double()) < 1e15))
        return vm.raise(vm.types.overflow_error, "timestamp out of range for platform time_t");
    const auto seconds = static_cast<int64_t>(std::floor(args[0].as_double()));
    int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const int64_t in_day = seconds - days * 86400;
    const int64_t weekday = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday (Monday is 0)
    const auto leap = [](int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
    int64_t year = 1970;
    // Whole 400-year cycles (146097 days) first, so that far-off times take no long loop.
    year += 400 * (days / 146097);
    days %= 146097;
    if (days < 0) {
        days += 146097;
        year -= 400;
    }
    while (days >= (leap(year) ? 366 : 365))
        days -= leap(year++) ? 366 : 365;
    const int64_t yearday = days + 1;
    static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int64_t month = 0;
    for (;; ++month) {
        const int64_t length = kMonthDays[month] + (month == 1 && leap(year));
        if (days < length)
            break;
        days -= length;
    }
    std::vector<Value> fields;
    for (int64_t v : {year, month + 1, days + 1, in_day / 3600, in_day / 60 % 60, in_day % 60, weekday, yearday, int64_t{0}})
        fields.push_back(Value::from_int(v));
    return NativeResult::of(vm.new_tuple(std::move(fields)));
}

// _strftime(format, fields) with fields as _fields gives them.
NativeResult format_time(Interpreter& vm, Thread&, Value, CallArgs args) {
    const StrObject* format = nullptr;
    if (!check_arity(vm, "strftime", args, 2, 2) || !str_argument(vm, args[0], "strftime() argument 1", format))
        return NativeResult::raised();
    auto* tuple = as<TupleObject>(args[1]);
    if (!tuple || tuple->items.size() != 9)
        return vm.raise(vm.types.type_error, "Tuple or struct_time argument required");
    int64_t f[9];
    for (size_t i = 0; i < 9; ++i) {
        if (!int_argument(vm, tuple->items[i], f[i]))
            return NativeResult::raised();
    }
    static constexpr const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
    const int64_t weekday = ((f[6] % 7) + 7) % 7;
    const int64_t month = std::clamp<int64_t>(f[1], 1, 12) - 1;
    const std::string& text = format->text;
    std::string out;
    char buf[32];
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char directive = text[++i];
        switch (directive) {
        case 'Y': std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(f[0])); break;
        case 'y': std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(f[0] % 100)); break;
        case 'm': std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(f[1])); break;
        case 'd': std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(f[2])); break;
        case 'H': std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(f[3])); break;
        case 'I': std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>((f[3] + 11) % 12 + 1)); break;
        case 'p': std::snprintf(buf, sizeof buf, "%s", f[3] < 12 ? "AM" : "PM"); break;
        case 'M': std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(f[4])); break;
        case 'S': std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(f[5])); break;
        case 'j': std::snprintf(buf, sizeof buf, "%03lld", static_cast<long long>(f[7])); break;
        case 'a': std::snprintf(buf, sizeof buf, "%.3s", kDays[weekday]); break;
        case 'A': std::snprintf(buf, sizeof buf, "%s", kDays[weekday]); break;
        case 'b': std::snprintf(buf, sizeof buf, "%.3s", kMonths[month]); break;
        case 'B': std::snprintf(buf, sizeof buf, "%s", kMonths[month]); break;
        case 'Z': std::snprintf(buf, sizeof buf, "UTC"); break;
        case 'z': std::snprintf(buf, sizeof buf, "+0000"); break;
        case '%': std::snprintf(buf, sizeof buf, "%%"); break;
        default:
            return vm.raise(vm.types.value_error, std::string("strftime directive '%") + directive + "' is not supported");
        }
        out += buf;
    }
    return NativeResult::of(vm.new_str(out));
}

NativeResult time_sleep(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    if (!check_arity(vm, "sleep", args, 1, 1))
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
constexpr char kProcessTime[] = "process_time";
constexpr char kProcessTimeNs[] = "process_time_ns";
constexpr char kThreadTime[] = "thread_time";
constexpr char kThreadTimeNs[] = "thread_time_ns";

} // namespace

void install_time(Interpreter& vm, ModuleObject& module) {
    vm.add_native(module, kTime, clock_reading<kTime, epoch_seconds>);
    vm.add_native(module, kTimeNs, clock_reading<kTimeNs, epoch_nanoseconds>);
    vm.add_native(module, kPerfCounter, clock_reading<kPerfCounter, run_seconds>);
    vm.add_native(module, kPerfCounterNs, clock_reading<kPerfCounterNs, run_nanoseconds>);
    vm.add_native(module, kMonotonic, clock_reading<kMonotonic, run_seconds>);
    vm.add_native(module, kMonotonicNs, clock_reading<kMonotonicNs, run_nanoseconds>);
    vm.add_native(module, kProcessTime, clock_reading<kProcessTime, process_seconds>);
    vm.add_native(module, kProcessTimeNs, clock_reading<kProcessTimeNs, process_nanoseconds>);
    vm.add_native(module, kThreadTime, clock_reading<kThreadTime, thread_seconds>);
    vm.add_native(module, kThreadTimeNs, clock_reading<kThreadTimeNs, thread_nanoseconds>);
    vm.add_native(module, "sleep", time_sleep);
    vm.add_native(module, "_fields", calendar_fields);
    vm.add_native(module, "_strftime", format_time);
}

} // namespace python
