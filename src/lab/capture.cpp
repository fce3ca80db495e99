// Index:
//   Values        short reprs and the heap id of a value
//   Heap walk     objects reachable from globals and frames, nearest first, with referrers
//   Threads       TCB fields, waits in words, frames
//   Processes     code objects, globals, heap
//   capture       all of it, and what changed since the previous snapshot
#include "lab/capture.h"

#include "lang/repr.h"
#include "python/bytes.h"
#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace lab {

namespace {

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

// Containers longer than this are summarised instead of printed: a snapshot must stay cheap
// however big the program's data grows.
constexpr size_t kMaxItemsInRepr = 16;

size_t container_length(const python::Value& v) {
    if (auto* list = python::as<python::ListObject>(v))
        return list->items.size();
    if (auto* tuple = python::as<python::TupleObject>(v))
        return tuple->items.size();
    if (auto* dict = python::as<python::DictObject>(v))
        return dict->table.size();
    return 0;
}

// The lab's own look at a value: a repr that fails (a list nested past the recursion limit, an
// int past the digit limit) must not leave its exception for the program to raise.
std::string quiet_repr(python::Interpreter& vm, python::Value v) {
    python::Value pending = vm.pending;
    vm.pending = python::Value::empty();
    std::string text = vm.repr(v);
    vm.pending = pending;
    return text;
}

// At most `bytes` bytes of `text`, never splitting a UTF-8 character.
std::string utf8_prefix(std::string_view text, size_t bytes) {
    if (text.size() <= bytes)
        return std::string(text);
    size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(text.substr(0, cut));
}

ValueView view_of(python::Interpreter& vm, python::Value v) {
    ValueView view;
    view.type = vm.type_name(v);
    if (v.kind == python::ValueKind::Object && v.object)
        view.object = v.object->id;
    size_t length = container_length(v);
    if (length > kMaxItemsInRepr) {
        view.repr = view.type + " of " + std::to_string(length) + " items";
        return view;
    }
    // A long string's repr is made from its start only: a 50 MB string costs no more to show.
    auto* str = python::as<python::StrObject>(v);
    // So is a long bytes' (4 bytes of repr at most per byte).
    auto* bytes = python::as<python::BytesObject>(v);
    if (str && str->text.size() > kMaxReprBytes)
        view.repr = lang::str_repr(utf8_prefix(str->text, kMaxReprBytes));
    else if (bytes && bytes->data.size() > kMaxReprBytes)
        view.repr = (bytes->bytearray ? "bytearray of " : "bytes of ") + std::to_string(bytes->data.size()) + " bytes: " +
                    lang::bytes_repr(std::string_view(bytes->data).substr(0, kMaxReprBytes / 4)) + "…";
    else
        view.repr = quiet_repr(vm, v);
    if (view.repr.size() > kMaxReprBytes) {
        view.repr = utf8_prefix(view.repr, kMaxReprBytes);
        view.repr += "…";
    }
    return view;
}

// The engine's own objects (modules, classes, functions) are shown as values but not walked
// into: the heap view is about the program's data.
bool walk_into(const python::Object* object) {
    switch (object->kind) {
    case python::ObjectKind::List:
    case python::ObjectKind::Tuple:
    case python::ObjectKind::Dict:
    case python::ObjectKind::Instance:
    case python::ObjectKind::Cell:
    case python::ObjectKind::BoundMethod:
        return true;
    default:
        return false;
    }
}

// The first children of a huge container stand for it: a snapshot walks at most this many of
// one object's (its repr already says how many items it has).
constexpr size_t kMaxChildrenWalked = 64;

template <class Visit>
void for_each_child(python::Object* object, Visit&& visit) {
    using namespace python;
    auto items = [&](const std::vector<Value>& values) {
        for (size_t i = 0; i < values.size() && i < kMaxChildrenWalked; ++i)
            visit(values[i], "[" + std::to_string(i) + "]");
    };
    auto entries = [&](const Table& table, bool attributes) {
        size_t walked = 0;
        for (const TableEntry& e : table.entries) {
            if (e.key.kind == ValueKind::Empty || (attributes && !as<StrObject>(e.key)))
                continue;
            if (walked++ == kMaxChildrenWalked)
                break;
            visit(e.value, attributes ? "." + as<StrObject>(e.key)->text : std::string("value"));
        }
    };
    switch (object->kind) {
    case ObjectKind::List:
        items(static_cast<ListObject*>(object)->items);
        break;
    case ObjectKind::Tuple:
        items(static_cast<TupleObject*>(object)->items);
        break;
    case ObjectKind::Dict:
        entries(static_cast<DictObject*>(object)->table, false);
        break;
    case ObjectKind::Instance:
        entries(static_cast<InstanceObject*>(object)->attrs, true);
        break;
    case ObjectKind::Cell:
        visit(static_cast<CellObject*>(object)->value, "cell");
        break;
    case ObjectKind::BoundMethod:
        visit(static_cast<BoundMethodObject*>(object)->self, "self");
        break;
    default:
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// Heap walk
// ---------------------------------------------------------------------------------------------

constexpr size_t kMaxReferrers = 4;

struct HeapWalk {
    python::Interpreter& vm;
    std::vector<HeapObjectView>& out;
    std::unordered_map<uint32_t, size_t> index; // heap id -> position in out
    std::vector<python::Object*> queue;
    python::PythonRun& run;                     // its shared memory and thread-local attributes

    void reach(python::Value v, const std::string& referrer) {
        if (v.kind != python::ValueKind::Object || !v.object)
            return;
        auto found = index.find(v.object->id);
        if (found != index.end()) {
            auto& referrers = out[found->second].referrers;
            if (referrers.size() < kMaxReferrers)
                referrers.push_back(referrer);
            return;
        }
        if (out.size() >= kMaxHeapObjects)
            return;
        index.emplace(v.object->id, out.size());
        HeapObjectView object;
        ValueView view = view_of(vm, v);
        object.id = v.object->id;
        object.type = std::move(view.type);
        object.repr = std::move(view.repr);
        object.size_bytes = static_cast<uint32_t>(64 + 16 * container_length(v));
        object.referrers.push_back(referrer);
        if (auto* instance = python::as<python::InstanceObject>(v)) {
            describe_shared(*instance, object);
            describe_thread_local(*instance, object);
        }
        out.push_back(std::move(object));
        if (walk_into(v.object))
            queue.push_back(v.object);
    }

    // A multiprocessing Value or Array (see the multiprocessing module's source) shows its
    // numbers as they are in the memory every process sees, and where they are.
    void describe_shared(python::InstanceObject& instance, HeapObjectView& object) {
        using namespace python;
        if (instance.cls->module_name != "multiprocessing")
            return;
        const bool is_value = instance.cls->name == "_SharedValue";
        if (!is_value && instance.cls->name != "_SharedArray")
            return;
        Value* first = instance.attrs.find(is_value ? "_slot" : "_first");
        Value* length = instance.attrs.find("_length");
        Value* typecode_attribute = instance.attrs.find("_typecode");
        auto* typecode = typecode_attribute ? as<StrObject>(*typecode_attribute) : nullptr;
        const std::vector<Value>& slots = run.shared_slots();
        const int64_t count = is_value ? 1 : length && length->is_integral() ? length->as_integral() : -1;
        if (!first || !first->is_integral() || !typecode || count < 0 || first->as_integral() < 0 ||
            static_cast<size_t>(first->as_integral() + count) > slots.size())
            return;
        object.shared_slot = first->as_integral();
        object.shared_count = static_cast<uint32_t>(count);
        object.type = (is_value ? "Value('" : "Array('") + typecode->text + "'" +
                      (is_value ? std::string(")") : ", " + std::to_string(count) + ")");
        if (is_value) {
            object.repr = quiet_repr(vm, slots[static_cast<size_t>(object.shared_slot)]);
            return;
        }
        object.repr = "[";
        for (int64_t i = 0; i < count && i < static_cast<int64_t>(kMaxItemsInRepr); ++i)
            object.repr += (i ? ", " : "") + quiet_repr(vm, slots[static_cast<size_t>(object.shared_slot + i)]);
        object.repr += count > static_cast<int64_t>(kMaxItemsInRepr) ? ", …]" : "]";
    }

    // A threading.local holds the attributes of the thread its process ran last and parks the
    // others' by thread (see python::Mirror): each thread's, by machine thread.
    void describe_thread_local(python::InstanceObject& instance, HeapObjectView& object) {
        using namespace python;
        Value* parked = instance.attrs.find("_local__dicts");
        auto* by_thread = parked ? as<DictObject>(*parked) : nullptr;
        if (!by_thread)
            return;
        const PythonProcess& process = run.process(vm);
        const auto attributes_of = [&](uint32_t python_thread, const Table& table) {
            if (python_thread >= process.threads.size() || !process.threads[python_thread])
                return;
            ThreadLocalView view;
            view.thread = process.threads[python_thread]->id();
            for (const TableEntry& e : table.entries) {
                auto* name = as<StrObject>(e.key);
                if (name && name->text != "_local__dicts" && view.attributes.size() < kMaxChildrenWalked)
                    view.attributes.push_back({name->text, view_of(vm, e.value)});
            }
            object.per_thread.push_back(std::move(view));
        };
        if (process.locals_thread != 0)
            attributes_of(process.locals_thread, instance.attrs);
        for (const TableEntry& e : by_thread->table.entries)
            if (auto* own = as<DictObject>(e.value); own && e.key.is_integral())
                attributes_of(static_cast<uint32_t>(e.key.as_integral()), own->table);
        std::sort(object.per_thread.begin(), object.per_thread.end(),
                  [](const ThreadLocalView& a, const ThreadLocalView& b) { return a.thread < b.thread; });
    }

    // Breadth first, so the objects nearest to the program's names come first when the list
    // is cut at kMaxHeapObjects.
    void drain() {
        for (size_t next = 0; next < queue.size(); ++next) {
            python::Object* parent = queue[next];
            const std::string parent_name = vm.type_name(python::Value::from_object(parent)) + " #" +
                                            std::to_string(parent->id);
            for_each_child(parent, [&](python::Value child, const std::string& where) {
                reach(child, parent_name + where);
            });
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------------

std::string seconds_text(machine::SimTime t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f s", static_cast<double>(t) / 1e9);
    return buf;
}

std::string thread_label(const machine::Machine& machine, machine::ThreadId id) {
    if (id < 0 || static_cast<size_t>(id) >= machine.thread_count())
        return "nobody";
    return machine.thread(id).name;
}

std::string sync_label(const machine::Machine& machine, machine::SyncId id) {
    if (!machine.sync().valid(id))
        return "?";
    return std::string(machine::sync_kind_name(machine.sync().object(id).kind)) + " #" + std::to_string(id);
}

std::string waiting_on_text(const machine::Machine& machine, const machine::Thread& tcb) {
    using machine::WaitKind;
    if (tcb.state != machine::ThreadState::Blocked)
        return "";
    machine::WaitInfo wait = machine.blocked_on(tcb.id);
    std::string text;
    switch (tcb.wait) {
    case WaitKind::Sleep: return "sleep until " + seconds_text(tcb.wait_deadline);
    case WaitKind::Io: return "I/O until " + seconds_text(tcb.wait_deadline);
    case WaitKind::Join: return "join " + thread_label(machine, tcb.wait_object);
    case WaitKind::Gil: text = "the GIL"; break;
    case WaitKind::Children: return "its non-daemon threads to finish";
    default: text = sync_label(machine, tcb.wait_object); break;
    }
    if (wait.holder != machine::kNoThread)
        text += " held by " + thread_label(machine, wait.holder);
    if (tcb.wait_deadline != machine::kNever && tcb.wait != WaitKind::Gil)
        text += ", timeout at " + seconds_text(tcb.wait_deadline);
    return text;
}

FrameView frame_view(python::Interpreter& vm, const python::Frame& frame,
                     const std::unordered_map<const python::Code*, uint32_t>& code_ids) {
    FrameView view;
    const lang::CodeObject& code = *frame.code->source;
    // A built-in module's body is named after the module ("<threading>"): it runs on an import.
    const bool module_body = code.kind == lang::CodeKind::Module;
    view.function = module_body ? (frame.code->hidden ? code.filename : "<module>") : code.qualname;
    view.filename = code.filename;
    auto id = code_ids.find(frame.code);
    view.code = id != code_ids.end() ? id->second : kNoCode;
    view.ip = frame.ip > 0 ? frame.ip - 1 : 0;
    if (view.ip < code.code.size())
        view.instruction = lang::instruction_text(code, view.ip);
    lang::SourcePos pos = frame.position();
    view.line = pos.line;
    view.col = pos.col;
    for (size_t i = 0; i < frame.locals.size() && i < code.local_names.size(); ++i)
        if (frame.locals[i].kind != python::ValueKind::Empty)
            view.locals.push_back({code.local_names[i], view_of(vm, frame.locals[i])});
    const size_t cell_count = code.cell_names.size();
    for (size_t i = 0; i < frame.cells.size(); ++i) {
        const python::CellObject* cell = frame.cells[i];
        const std::string& name = i < cell_count ? code.cell_names[i] : code.free_names[i - cell_count];
        if (cell && cell->value.kind != python::ValueKind::Empty)
            view.locals.push_back({name, view_of(vm, cell->value)});
    }
    for (const python::Value& v : frame.stack)
        view.value_stack.push_back(view_of(vm, v));
    return view;
}

// A thread's stack as the student sees it: each run of frames of the lab's built-in code (hidden
// code objects, which CPython has in C) becomes one built-in call, named after the outermost of
// them, the call the program made.
std::vector<FrameView> stack_view(python::Interpreter& vm, const python::Thread& thread,
                                  const std::unordered_map<const python::Code*, uint32_t>& code_ids) {
    std::vector<FrameView> frames;
    std::vector<FrameView> internals;
    auto end_builtin_call = [&] {
        if (internals.empty())
            return;
        FrameView call;
        call.function = internals.front().function;
        call.filename = internals.front().filename;
        call.code = kNoCode;
        call.builtin = true;
        call.internals = std::move(internals);
        internals.clear();
        frames.push_back(std::move(call));
    };
    for (const python::Frame& frame : thread.frames) {
        if (frame.is_native())
            continue;
        FrameView view = frame_view(vm, frame, code_ids);
        if (frame.code->hidden) {
            internals.push_back(std::move(view));
            continue;
        }
        end_builtin_call();
        frames.push_back(std::move(view));
    }
    end_builtin_call();
    return frames;
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

std::vector<CodeView> code_views(const python::Interpreter& vm,
                                 std::unordered_map<const python::Code*, uint32_t>& ids) {
    std::vector<CodeView> codes;
    for (const auto& code : vm.codes) {
        if (code->hidden)
            continue;
        const lang::CodeObject& source = *code->source;
        ids.emplace(code.get(), static_cast<uint32_t>(codes.size()));
        CodeView view;
        view.id = static_cast<uint32_t>(codes.size());
        view.name = source.kind == lang::CodeKind::Module ? "<module>" : source.qualname;
        view.filename = source.filename;
        view.first_line = source.first_line;
        for (size_t i = 0; i < source.code.size(); ++i)
            view.instructions.push_back({lang::instruction_text(source, i), source.positions[i].line,
                                         source.positions[i].col});
        codes.push_back(std::move(view));
    }
    return codes;
}

bool is_program_global(std::string_view name) { return name.size() < 2 || name.substr(0, 2) != "__"; }

void mark_changes(LabSnapshot& now, const LabSnapshot& before) {
    for (size_t p = 0; p < now.processes.size() && p < before.processes.size(); ++p) {
        std::map<std::string_view, std::string_view> old_globals;
        for (const Variable& g : before.processes[p].globals)
            old_globals.emplace(g.name, g.value.repr);
        for (Variable& g : now.processes[p].globals) {
            auto old = old_globals.find(g.name);
            g.changed = old == old_globals.end() || old->second != g.value.repr;
        }
        std::unordered_map<uint32_t, std::string_view> old_heap;
        for (const HeapObjectView& o : before.processes[p].heap)
            old_heap.emplace(o.id, o.repr);
        for (HeapObjectView& o : now.processes[p].heap) {
            auto old = old_heap.find(o.id);
            o.changed = old == old_heap.end() || old->second != o.repr;
        }
    }
    // Both lists are in id order: walk them side by side.
    for (size_t t = 0, u = 0; t < now.threads.size() && u < before.threads.size();) {
        if (now.threads[t].id < before.threads[u].id) {
            ++t;
            continue;
        }
        if (now.threads[t].id > before.threads[u].id) {
            ++u;
            continue;
        }
        auto& frames = now.threads[t++].frames;
        const auto& old_frames = before.threads[u++].frames;
        for (size_t f = 0; f < frames.size() && f < old_frames.size(); ++f) {
            if (frames[f].code != old_frames[f].code)
                break;
            std::map<std::string_view, std::string_view> old_locals;
            for (const Variable& v : old_frames[f].locals)
                old_locals.emplace(v.name, v.value.repr);
            for (Variable& v : frames[f].locals) {
                auto old = old_locals.find(v.name);
                v.changed = old == old_locals.end() || old->second != v.value.repr;
            }
        }
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// capture
// ---------------------------------------------------------------------------------------------

std::shared_ptr<LabSnapshot> capture(python::PythonRun& run, const LabSnapshot* previous) {
    auto snapshot = std::make_shared<LabSnapshot>();
    const machine::Machine& machine = run.machine();
    snapshot->now = machine.now();
    snapshot->trace_hash = machine.trace().hash();

    std::vector<std::unordered_map<const python::Code*, uint32_t>> code_ids(machine.process_count());
    for (size_t p = 0; p < machine.process_count(); ++p) {
        const machine::Process& process = machine.process(static_cast<machine::ProcessId>(p));
        ProcessView view;
        view.id = process.id;
        view.name = process.name;
        view.main_thread = process.main_thread;
        view.gil_enabled = process.gil_enabled;
        view.gil_holder = process.gil.holder();
        if (python::Interpreter* vm = run.interpreter(static_cast<machine::ProcessId>(p))) {
            view.codes = code_views(*vm, code_ids[p]);
            if (!view.codes.empty()) {
                auto source = vm->sources.find(view.codes.front().filename);
                if (source != vm->sources.end())
                    view.source = source->second;
            }
            HeapWalk walk{*vm, view.heap, {}, {}, run};
            auto main = vm->modules.find("__main__");
            if (main != vm->modules.end()) {
                for (const python::TableEntry& e : main->second->globals.entries) {
                    auto* name = python::as<python::StrObject>(e.key);
                    if (!name || !is_program_global(name->text))
                        continue;
                    view.globals.push_back({name->text, view_of(*vm, e.value)});
                    walk.reach(e.value, "global " + name->text);
                }
            }
            for (size_t t = 0; t < machine.thread_count(); ++t) {
                const python::Thread* thread = run.python_thread(static_cast<machine::ThreadId>(t));
                if (!thread || machine.thread(static_cast<machine::ThreadId>(t)).process != process.id)
                    continue;
                for (const python::Frame& frame : thread->frames) {
                    if (frame.is_native())
                        continue;
                    const std::string owner = machine.thread(static_cast<machine::ThreadId>(t)).name + " " +
                                              frame.code->source->name + "()";
                    for (size_t i = 0; i < frame.locals.size(); ++i)
                        walk.reach(frame.locals[i], owner + ": local " + frame.code->source->local_names[i]);
                }
            }
            walk.drain();
        }
        snapshot->processes.push_back(std::move(view));
    }

    // The locks each thread holds, in one pass over the sync objects (a program that starts
    // 100 000 threads has as many Events: thread by object would be quadratic).
    std::unordered_map<machine::ThreadId, std::vector<std::string>> holds;
    for (size_t s = 0; s < machine.sync().size(); ++s) {
        const machine::SyncObject& object = machine.sync().object(static_cast<machine::SyncId>(s));
        bool lock = object.kind == machine::SyncKind::Lock || object.kind == machine::SyncKind::RLock;
        if (lock && object.count > 0)
            holds[object.owner].push_back(sync_label(machine, static_cast<machine::SyncId>(s)));
    }
    std::vector<bool> shown(machine.thread_count());
    uint64_t finished_shown = 0;
    for (size_t t = machine.thread_count(); t-- > 0;) {
        const machine::Thread& tcb = machine.thread(static_cast<machine::ThreadId>(t));
        shown[t] = tcb.state != machine::ThreadState::Terminated || tcb.is_main || finished_shown++ < kMaxFinishedThreads;
    }
    for (size_t t = 0; t < machine.thread_count(); ++t) {
        const machine::Thread& tcb = machine.thread(static_cast<machine::ThreadId>(t));
        if (!shown[t]) {
            ++snapshot->threads_not_shown;
            continue;
        }
        ThreadView view;
        view.id = tcb.id;
        view.process = tcb.process;
        view.name = tcb.name;
        view.state = tcb.state;
        view.wait = tcb.wait;
        view.waiting_on = waiting_on_text(machine, tcb);
        view.cpu = tcb.cpu;
        view.last_cpu = tcb.last_cpu;
        view.cpu_time = tcb.cpu_time;
        view.instructions = tcb.instructions;
        view.context_switches = tcb.context_switches;
        view.daemon = tcb.daemon;
        view.is_main = tcb.is_main;
        view.priority = tcb.priority;
        view.holds_gil = tcb.holds_gil;
        if (auto held = holds.find(tcb.id); held != holds.end())
            view.holds = std::move(held->second);
        const python::Thread* thread = run.python_thread(tcb.id);
        python::Interpreter* vm = run.interpreter(tcb.process);
        if (thread && vm)
            view.frames = stack_view(*vm, *thread, code_ids[static_cast<size_t>(tcb.process)]);
        snapshot->processes[static_cast<size_t>(tcb.process)].threads.push_back(tcb.id);
        snapshot->threads.push_back(std::move(view));
    }

    const machine::TraceStats& stats = machine.trace().stats();
    for (int c = 0; c < machine.cpu_count(); ++c)
        snapshot->cpus.push_back({machine.cpu(c).thread, stats.utilisation(c)});
    snapshot->stats.wall_time = machine.now();
    snapshot->stats.context_switches = stats.context_switches;
    snapshot->stats.gil_handoffs = stats.gil_handoffs;
    snapshot->stats.instructions = machine.instructions();

    const machine::Trace& trace = machine.trace();
    snapshot->output_first = std::max(trace.output_first(), trace.output_count() - std::min<uint64_t>(trace.output_count(), kMaxOutputLines));
    for (uint64_t i = snapshot->output_first; i < trace.output_count(); ++i) {
        const machine::OutputLine& line = trace.output(i);
        std::string text = utf8_prefix(line.text, kMaxOutputLineBytes);
        if (text.size() < line.text.size())
            text += "… (" + std::to_string(line.text.size() - text.size()) + " more bytes)";
        snapshot->output.push_back({line.time, line.thread, line.stream == machine::OutputStream::Stderr, std::move(text)});
    }

    if (previous)
        mark_changes(*snapshot, *previous);
    return snapshot;
}

} // namespace lab
