// Sections: event names | recording, stats and hash | Chrome Trace Event JSON export
#include "machine/trace.h"

#include "machine/sync.h"

namespace machine {

// ---- Event names -------------------------------------------------------------------------------

const char* trace_kind_name(TraceKind kind) {
    switch (kind) {
    case TraceKind::ProcessStart: return "process start";
    case TraceKind::ProcessExit: return "process exit";
    case TraceKind::ThreadCreate: return "thread create";
    case TraceKind::ThreadReady: return "ready";
    case TraceKind::ThreadRun: return "run";
    case TraceKind::ThreadStop: return "stop";
    case TraceKind::ThreadBlock: return "block";
    case TraceKind::ThreadExit: return "exit";
    case TraceKind::ThreadKill: return "kill";
    case TraceKind::GilTake: return "GIL take";
    case TraceKind::GilRelease: return "GIL release";
    case TraceKind::GilDropRequest: return "GIL drop request";
    case TraceKind::Sync: return "sync";
    case TraceKind::MlfqDemote: return "MLFQ demote";
    case TraceKind::MlfqBoost: return "MLFQ boost";
    case TraceKind::Output: return "output";
    case TraceKind::RunEnd: return "run end";
    }
    return "?";
}

// ---- Recording, stats and hash -----------------------------------------------------------------

double TraceStats::utilisation(CpuId cpu) const {
    if (end_time <= 0 || cpu < 0 || cpu >= static_cast<CpuId>(cpus.size()))
        return 0.0;
    return static_cast<double>(cpus[cpu].busy) / static_cast<double>(end_time);
}

Trace::Trace(int cpu_count, const TraceLimits& limits) : limits_(limits) {
    if (limits_.max_events == 0)
        limits_.max_events = 1;
    if (limits_.max_output_lines == 0)
        limits_.max_output_lines = 1;
    stats_.cpus.resize(cpu_count);
    cpu_busy_since_.assign(cpu_count, kNever);
    cpu_process_.assign(cpu_count, -1);
}

void Trace::hash_bytes(const void* data, size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) {
        hash_ ^= bytes[i];
        hash_ *= 0x100000001b3ull;  // FNV-1a 64 prime
    }
}

void Trace::hash_u64(uint64_t v) {
    // Byte by byte, least significant first, so the hash does not depend on the host's endianness.
    for (int i = 0; i < 8; ++i) {
        hash_ ^= (v >> (8 * i)) & 0xff;
        hash_ *= 0x100000001b3ull;
    }
}

void Trace::update_stats(const TraceEvent& e) {
    ++stats_.events;
    switch (e.kind) {
    case TraceKind::ThreadRun: {
        ++stats_.context_switches;
        ++stats_.cpus[e.cpu].dispatches;
        if (e.other != kNoCpu && e.other != e.cpu)
            ++stats_.migrations;
        const ProcessId process = thread_process(e.thread);
        if (cpu_process_[e.cpu] >= 0 && cpu_process_[e.cpu] != process)
            ++stats_.process_switches;
        cpu_process_[e.cpu] = process;
        cpu_busy_since_[e.cpu] = e.time;
        break;
    }
    case TraceKind::ThreadStop:
        if (cpu_busy_since_[e.cpu] != kNever)
            stats_.cpus[e.cpu].busy += e.time - cpu_busy_since_[e.cpu];
        cpu_busy_since_[e.cpu] = kNever;
        if (e.reason == static_cast<uint8_t>(StopReason::SliceExpired))
            ++stats_.slice_expiries;
        if (e.reason == static_cast<uint8_t>(StopReason::Preempted))
            ++stats_.preemptions;
        break;
    case TraceKind::GilTake:
        if (e.other != kNoThread && e.other != e.thread)
            ++stats_.gil_handoffs;
        break;
    case TraceKind::GilDropRequest: ++stats_.gil_drop_requests; break;
    case TraceKind::ThreadCreate: ++stats_.threads_created; break;
    case TraceKind::Output: ++stats_.output_lines; break;
    default: break;
    }
    if (e.time > stats_.end_time)
        stats_.end_time = e.time;
}

void Trace::record(const TraceEvent& event) {
    update_stats(event);
    hash_u64(static_cast<uint64_t>(event.time));
    hash_u64(static_cast<uint64_t>(event.value));
    hash_u64(static_cast<uint32_t>(event.thread));
    hash_u64(static_cast<uint32_t>(event.object));
    hash_u64(static_cast<uint32_t>(event.other));
    hash_u64(static_cast<uint16_t>(event.cpu));
    hash_u64((static_cast<uint64_t>(event.kind) << 8) | event.reason);

    if (ring_.size() < limits_.max_events) {
        ring_.push_back(event);
        ++count_;
        return;
    }
    ring_[head_] = event;
    head_ = (head_ + 1) % ring_.size();
    ++stats_.dropped_events;
}

void Trace::add_output(SimTime time, ThreadId thread, std::string_view text, OutputStream stream, bool newline) {
    TraceEvent e;
    e.time = time;
    e.thread = thread;
    e.kind = TraceKind::Output;
    e.object = static_cast<int32_t>(output_total_);
    e.reason = static_cast<uint8_t>(stream);
    e.value = newline ? 1 : 0;
    record(e);
    hash_bytes(text.data(), text.size());

    output_ring_.push_back(OutputLine{time, thread, stream, newline, std::string(text)});
    output_ring_bytes_ += text.size();
    while (output_ring_.size() > 1 &&
           (output_ring_.size() > limits_.max_output_lines || output_ring_bytes_ > limits_.max_output_bytes)) {
        output_ring_bytes_ -= output_ring_.front().text.size();
        output_ring_.pop_front();
    }
    ++output_total_;
}

const OutputLine& Trace::output(uint64_t index) const {
    return output_ring_[index - output_first()];
}

void Trace::name_process(ProcessId process, std::string_view name) {
    if (process >= static_cast<ProcessId>(process_names_.size()))
        process_names_.resize(process + 1);
    process_names_[process] = std::string(name);
    hash_u64(static_cast<uint32_t>(process));
    hash_bytes(name.data(), name.size());
}

void Trace::name_thread(ThreadId thread, ProcessId process, std::string_view name) {
    if (thread >= static_cast<ThreadId>(thread_names_.size())) {
        thread_names_.resize(thread + 1);
        thread_processes_.resize(thread + 1, 0);
    }
    thread_names_[thread] = std::string(name);
    thread_processes_[thread] = process;
    hash_u64(static_cast<uint32_t>(thread));
    hash_bytes(name.data(), name.size());
}

const std::string& Trace::process_name(ProcessId process) const {
    static const std::string unknown = "?";
    return process >= 0 && process < static_cast<ProcessId>(process_names_.size()) ? process_names_[process] : unknown;
}

const std::string& Trace::thread_name(ThreadId thread) const {
    static const std::string unknown = "?";
    return thread >= 0 && thread < static_cast<ThreadId>(thread_names_.size()) ? thread_names_[thread] : unknown;
}

ProcessId Trace::thread_process(ThreadId thread) const {
    return thread >= 0 && thread < static_cast<ThreadId>(thread_processes_.size()) ? thread_processes_[thread] : 0;
}

void Trace::finish(SimTime end, uint8_t status) {
    for (CpuId c = 0; c < cpu_count(); ++c) {
        if (cpu_busy_since_[c] == kNever)
            continue;
        TraceEvent stop;
        stop.time = end;
        stop.cpu = static_cast<int16_t>(c);
        stop.kind = TraceKind::ThreadStop;
        stop.reason = static_cast<uint8_t>(StopReason::Killed);
        update_stats(stop);
    }
    TraceEvent e;
    e.time = end;
    e.kind = TraceKind::RunEnd;
    e.reason = status;
    record(e);
}

// ---- Chrome Trace Event JSON export ------------------------------------------------------------
// Lanes: pid 0 holds one tid per CPU; process p is pid p+1, with tid 0 its GIL and tid t+1
// thread t. Spans are "X" (complete) events, built by pairing start and end events; a span
// whose start was dropped from the ring starts at the oldest retained event.

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

namespace {


// Microseconds with three decimals, from integer nanoseconds (no floating point formatting).
void append_micros(std::string& out, SimTime ns) {
    if (ns < 0) {
        out += '-';
        ns = -ns;
    }
    out += std::to_string(ns / 1000);
    const int frac = static_cast<int>(ns % 1000);
    out += '.';
    out += static_cast<char>('0' + frac / 100);
    out += static_cast<char>('0' + frac / 10 % 10);
    out += static_cast<char>('0' + frac % 10);
}

struct Span {
    bool open = false;
    SimTime start = 0;
    std::string name;
    std::string args;  // JSON object body without braces, may be empty
};

class ChromeWriter {
public:
    explicit ChromeWriter(const Trace& trace) : trace_(trace) {}

    std::string write() {
        out_ = "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[";
        write_metadata();
        window_start_ = trace_.size() > 0 ? trace_.at(0).time : 0;
        cpu_spans_.assign(trace_.cpu_count(), {});
        thread_spans_.assign(trace_.thread_count(), {});
        gil_spans_.assign(trace_.process_count(), {});
        for (size_t i = 0; i < trace_.size(); ++i)
            on_event(trace_.at(i));
        const SimTime end = trace_.stats().end_time;
        for (CpuId c = 0; c < static_cast<CpuId>(cpu_spans_.size()); ++c)
            close(cpu_spans_[c], 0, c, end, "");
        for (ThreadId t = 0; t < static_cast<ThreadId>(thread_spans_.size()); ++t)
            close(thread_spans_[t], pid_of(t), t + 1, end, "");
        for (ProcessId p = 0; p < static_cast<ProcessId>(gil_spans_.size()); ++p)
            close(gil_spans_[p], p + 1, 0, end, "");
        out_ += "]}\n";
        return std::move(out_);
    }

private:
    int pid_of(ThreadId t) const { return trace_.thread_process(t) + 1; }
    const std::string& name(ThreadId t) const { return trace_.thread_name(t); }

    void begin_event() {
        if (!first_)
            out_ += ',';
        first_ = false;
        out_ += '\n';
    }

    void metadata(int pid, int tid, const char* what, std::string_view value) {
        begin_event();
        out_ += "{\"ph\":\"M\",\"pid\":" + std::to_string(pid);
        if (tid >= 0)
            out_ += ",\"tid\":" + std::to_string(tid);
        out_ += ",\"name\":\"";
        out_ += what;
        out_ += "\",\"args\":{\"name\":";
        append_json_string(out_, value);
        out_ += "}}";
    }

    void write_metadata() {
        metadata(0, -1, "process_name", "CPUs");
        for (CpuId c = 0; c < trace_.cpu_count(); ++c)
            metadata(0, c, "thread_name", "CPU " + std::to_string(c));
        for (ProcessId p = 0; p < static_cast<ProcessId>(trace_.process_count()); ++p) {
            metadata(p + 1, -1, "process_name", trace_.process_name(p));
            metadata(p + 1, 0, "thread_name", "GIL");
        }
        for (ThreadId t = 0; t < static_cast<ThreadId>(trace_.thread_count()); ++t)
            metadata(pid_of(t), t + 1, "thread_name", name(t));
    }

    void open(Span& span, SimTime start, std::string label, std::string args = {}) {
        span.open = true;
        span.start = start;
        span.name = std::move(label);
        span.args = std::move(args);
    }

    // Ends `span` at `end`; a span never opened in the retained window starts at its beginning
    // only when `fallback_name` names it.
    void close(Span& span, int pid, int tid, SimTime end, std::string_view extra_args,
               std::string_view fallback_name = {}) {
        if (!span.open) {
            if (fallback_name.empty())
                return;
            open(span, window_start_, std::string(fallback_name));
        }
        span.open = false;
        begin_event();
        out_ += "{\"ph\":\"X\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) + ",\"ts\":";
        append_micros(out_, span.start);
        out_ += ",\"dur\":";
        append_micros(out_, end - span.start);
        out_ += ",\"name\":";
        append_json_string(out_, span.name);
        std::string args = span.args;
        if (!extra_args.empty())
            args += (args.empty() ? "" : ",") + std::string(extra_args);
        if (!args.empty())
            out_ += ",\"args\":{" + args + "}";
        out_ += '}';
    }

    // tid < 0: a global instant, drawn across every lane.
    void instant(int pid, int tid, SimTime time, std::string_view name, std::string_view args = {}) {
        begin_event();
        if (tid < 0)
            out_ += "{\"ph\":\"i\",\"s\":\"g\",\"pid\":" + std::to_string(pid) + ",\"ts\":";
        else
            out_ += "{\"ph\":\"i\",\"s\":\"t\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) + ",\"ts\":";
        append_micros(out_, time);
        out_ += ",\"name\":";
        append_json_string(out_, name);
        if (!args.empty())
            out_ += ",\"args\":{" + std::string(args) + "}";
        out_ += '}';
    }

    static std::string arg(std::string_view key, std::string_view text) {
        std::string s;
        append_json_string(s, key);
        s += ':';
        append_json_string(s, text);
        return s;
    }

    Span& thread_span(ThreadId t) {
        if (t >= static_cast<ThreadId>(thread_spans_.size()))
            thread_spans_.resize(t + 1);
        return thread_spans_[t];
    }

    void on_event(const TraceEvent& e) {
        const int tid = e.thread + 1;
        switch (e.kind) {
        case TraceKind::ThreadRun:
            close(thread_span(e.thread), pid_of(e.thread), tid, e.time, "");
            open(cpu_spans_[e.cpu], e.time, name(e.thread), arg("thread", std::to_string(e.thread)));
            open(thread_span(e.thread), e.time, "running on CPU " + std::to_string(e.cpu),
                 e.other != kNoCpu && e.other != e.cpu ? arg("migrated from CPU", std::to_string(e.other)) : "");
            break;
        case TraceKind::ThreadStop: {
            const std::string why = arg("stop", stop_reason_name(static_cast<StopReason>(e.reason)));
            close(cpu_spans_[e.cpu], 0, e.cpu, e.time, why, name(e.thread));
            close(thread_span(e.thread), pid_of(e.thread), tid, e.time, why);
            break;
        }
        case TraceKind::ThreadBlock: {
            const auto kind = static_cast<WaitKind>(e.reason);
            std::string label = std::string("blocked: ") + wait_kind_name(kind);
            if (kind == WaitKind::Join && e.object >= 0)
                label += " " + name(e.object);
            else if (e.object >= 0)
                label += " #" + std::to_string(e.object);
            std::string args;
            if (e.other != kNoThread)
                args = arg("held by", name(e.other));
            close(thread_span(e.thread), pid_of(e.thread), tid, e.time, "");
            open(thread_span(e.thread), e.time, std::move(label), std::move(args));
            break;
        }
        case TraceKind::ThreadReady: {
            close(thread_span(e.thread), pid_of(e.thread), tid, e.time, "");
            std::string args = arg("why", ready_reason_name(static_cast<ReadyReason>(e.reason)));
            if (e.other != kNoThread)
                args += "," + arg("woken by", name(e.other));
            open(thread_span(e.thread), e.time, "ready", std::move(args));
            break;
        }
        case TraceKind::ThreadExit:
            close(thread_span(e.thread), pid_of(e.thread), tid, e.time, "");
            instant(pid_of(e.thread), tid, e.time, "exit");
            break;
        case TraceKind::ThreadKill:
            close(thread_span(e.thread), pid_of(e.thread), tid, e.time, "");
            instant(pid_of(e.thread), tid, e.time, "killed (daemon)",
                    arg("was", thread_state_name(static_cast<ThreadState>(e.reason))));
            break;
        case TraceKind::ThreadCreate:
            instant(pid_of(e.thread), tid, e.time, "created",
                    e.other != kNoThread ? arg("by", name(e.other)) : "");
            break;
        case TraceKind::GilTake:
            open(gil_spans_[e.object], e.time, "held by " + name(e.thread));
            break;
        case TraceKind::GilRelease:
            close(gil_spans_[e.object], e.object + 1, 0, e.time,
                  arg("released", gil_release_reason_name(static_cast<GilReleaseReason>(e.reason))),
                  "held by " + name(e.thread));
            break;
        case TraceKind::GilDropRequest:
            instant(e.object + 1, 0, e.time, "drop request",
                    arg("by", name(e.thread)) + "," + arg("holder", name(e.other)));
            break;
        case TraceKind::Sync: {
            std::string args = arg("result", std::to_string(e.value));
            if (e.other > 0)
                args += "," + arg("error", kernel_error_exception(static_cast<KernelError>(e.other)));
            instant(pid_of(e.thread), tid, e.time, std::string(sync_op_name(static_cast<SyncOp>(e.reason))) + " #" + std::to_string(e.object), args);
            break;
        }
        case TraceKind::Output: {
            std::string args = arg("stream", e.reason == static_cast<uint8_t>(OutputStream::Stderr) ? "stderr" : "stdout");
            if (static_cast<uint64_t>(e.object) >= trace_.output_first())
                args += "," + arg("text", trace_.output(static_cast<uint64_t>(e.object)).text);
            instant(pid_of(e.thread), tid, e.time, "output", args);
            break;
        }
        case TraceKind::MlfqDemote:
            instant(pid_of(e.thread), tid, e.time, "demoted to level " + std::to_string(e.object));
            break;
        case TraceKind::MlfqBoost: instant(0, -1, e.time, "MLFQ boost"); break;
        case TraceKind::ProcessStart: instant(e.object + 1, 0, e.time, "process start"); break;
        case TraceKind::ProcessExit: instant(e.object + 1, 0, e.time, "process exit"); break;
        case TraceKind::RunEnd: instant(0, -1, e.time, "run end"); break;
        }
    }

    const Trace& trace_;
    std::string out_;
    bool first_ = true;
    SimTime window_start_ = 0;
    std::vector<Span> cpu_spans_;
    std::vector<Span> thread_spans_;
    std::vector<Span> gil_spans_;
};

} // namespace

std::string chrome_trace_json(const Trace& trace) {
    return ChromeWriter(trace).write();
}

} // namespace machine
