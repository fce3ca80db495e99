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
// Queues and pipes carry pickled values through channels that live outside every process
// (PythonRun::channels); their mutex and wait queues are queue.Queue's, machine objects, so a
// waiting getter shows on the timeline as waiting on a Queue. A Manager is a server process
// holding dicts and lists, which proxies call through queues. Locks, semaphores, events and conditions are the machine's
// sync objects, which every process reaches by their number. Value and Array keep their
// contents in shared slots; a Value's `value` attribute is a Mirror, loaded before each batch
// of a thread and written back after it, in every process that holds the Value.
//
// Its Python half is multiprocessing.py beside this file.
#include "python/native.h"
#include "python/python_machine.h"

#include <algorithm>

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
    // As fork() fails when the OS's process table is full (EAGAIN), before the child exists.
    if (PythonRun::of(vm).process_limit_reached()) {
        auto* blocking = as<ClassObject>(*vm.builtins->globals.find("BlockingIOError"));
        return vm.raise(blocking, "[Errno 11] Resource temporarily unavailable");
    }
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

// Registers the Mirror of a multiprocessing.Value (an instance with `_slot` and `_typecode`).
void mirror_shared(Interpreter& vm, InstanceObject& value) {
    Value* slot = value.attrs.find("_slot");
    Value* typecode = value.attrs.find("_typecode");
    auto* code = typecode ? as<StrObject>(*typecode) : nullptr;
    PythonRun& run = PythonRun::of(vm);
    if (!slot || !slot->is_integral() || !code || slot->as_integral() < 0 ||
        static_cast<size_t>(slot->as_integral()) >= run.shared_slots().size())
        return;
    Mirror m;
    m.kind = Mirror::Kind::Shared;
    m.object_id = value.id;
    m.object = &value;
    m.slot = slot->as_integral();
    m.integral = code->text != "d" && code->text != "f";
    run.add_mirror(vm, m);
}

// Every Value reachable from `v` (a value just rebuilt in this process) gets its Mirror here.
void adopt_shared_values(Interpreter& vm, Value v, std::vector<Object*>& seen) {
    if (!v.is_object() || std::find(seen.begin(), seen.end(), v.object) != seen.end() || seen.size() > 10000)
        return;
    seen.push_back(v.object);
    if (auto* instance = as<InstanceObject>(v)) {
        if (instance->cls->name == "_SharedValue" && instance->cls->module_name == "multiprocessing") {
            mirror_shared(vm, *instance);
            return;
        }
        for (const TableEntry& entry : instance->attrs.entries)
            adopt_shared_values(vm, entry.value, seen);
    } else if (auto* tuple = as<TupleObject>(v)) {
        for (Value item : tuple->items)
            adopt_shared_values(vm, item, seen);
    } else if (auto* list = as<ListObject>(v)) {
        for (Value item : list->items)
            adopt_shared_values(vm, item, seen);
    } else if (auto* dict = as<DictObject>(v)) {
        for (const TableEntry& entry : dict->table.entries)
            adopt_shared_values(vm, entry.value, seen);
    }
}

Value rebuilt(Interpreter& vm, const Pickled& p) {
    const Value v = unpickle(vm, p);
    std::vector<Object*> seen;
    if (!v.is_empty())
        adopt_shared_values(vm, v, seen);
    return v;
}

// _received() -> the Process object the parent sent, rebuilt in this process.
NativeResult received(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "_received", args, 0, 0))
        return NativeResult::raised();
    const Value process = rebuilt(vm, PythonRun::of(vm).process(vm).sent);
    return process.is_empty() ? NativeResult::raised() : NativeResult::of(process);
}

// The entry a Python int names in one of PythonRun's tables, or `error` raised.
template <class T>
bool entry_argument(Interpreter& vm, Value v, std::vector<T>& table, ClassObject* error, const char* message, T*& out) {
    int64_t index = 0;
    if (!int_argument(vm, v, index))
        return false;
    if (index < 0 || static_cast<size_t>(index) >= table.size()) {
        vm.fail(error, message);
        return false;
    }
    out = &table[static_cast<size_t>(index)];
    return true;
}

bool channel_argument(Interpreter& vm, Value v, std::deque<Pickled>*& out) {
    return entry_argument(vm, v, PythonRun::of(vm).channels(), vm.types.value_error, "no such channel", out);
}

// _channel() -> id: a new, empty channel.
NativeResult channel(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "_channel", args, 0, 0))
        return NativeResult::raised();
    auto& channels = PythonRun::of(vm).channels();
    if (channels.size() >= PythonRun::kMaxChannelItems)
        return vm.raise(vm.types.os_error, "[Errno 24] Too many open files: Threadlab's queues and pipes are bounded");
    channels.emplace_back();
    return NativeResult::of(Value::from_int(static_cast<int64_t>(channels.size() - 1)));
}

// _send(id, obj): a copy of obj at the end of the channel (the caller counts it).
NativeResult send(Interpreter& vm, Thread&, Value, CallArgs args) {
    std::deque<Pickled>* queue = nullptr;
    if (!check_arity(vm, "_send", args, 2, 2) || !channel_argument(vm, args[0], queue))
        return NativeResult::raised();
    if (queue->size() >= PythonRun::kMaxChannelItems)
        return vm.raise(vm.types.os_error, "Threadlab's multiprocessing queues hold at most 100000 items");
    Pickled sent;
    if (!pickle(vm, args[1], sent))
        return NativeResult::raised();
    queue->push_back(std::move(sent));
    return NativeResult::of(Value::none());
}

// _receive(id) -> the first value of the channel, rebuilt here (the caller waited for it).
NativeResult receive(Interpreter& vm, Thread&, Value, CallArgs args) {
    std::deque<Pickled>* queue = nullptr;
    if (!check_arity(vm, "_receive", args, 1, 1) || !channel_argument(vm, args[0], queue))
        return NativeResult::raised();
    if (queue->empty())
        return vm.raise(vm.types.runtime_error, "the channel is empty");
    const Pickled first = std::move(queue->front());
    queue->pop_front();
    const Value v = rebuilt(vm, first);
    return v.is_empty() ? NativeResult::raised() : NativeResult::of(v);
}

// _pending(id) -> how many values wait in the channel.
NativeResult pending(Interpreter& vm, Thread&, Value, CallArgs args) {
    std::deque<Pickled>* queue = nullptr;
    if (!check_arity(vm, "_pending", args, 1, 1) || !channel_argument(vm, args[0], queue))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int(static_cast<int64_t>(queue->size())));
}

bool slot_argument(Interpreter& vm, Value v, Value*& out) {
    return entry_argument(vm, v, PythonRun::of(vm).shared_slots(), vm.types.index_error, "invalid index", out);
}

// _shared_new(values) -> the first of len(values) new shared slots, holding the numbers given.
NativeResult shared_new(Interpreter& vm, Thread&, Value, CallArgs args) {
    auto* values = args.count == 1 ? as<ListObject>(args[0]) : nullptr;
    if (!check_arity(vm, "_shared_new", args, 1, 1))
        return NativeResult::raised();
    if (!values)
        return vm.raise(vm.types.type_error, "_shared_new() needs a list of numbers");
    auto& slots = PythonRun::of(vm).shared_slots();
    if (slots.size() + values->items.size() > PythonRun::kMaxSharedSlots)
        return vm.raise(vm.types.os_error, "Threadlab's shared memory holds at most 1000000 values");
    const auto first = static_cast<int64_t>(slots.size());
    for (Value v : values->items)
        slots.push_back(v);
    return NativeResult::of(Value::from_int(first));
}

NativeResult shared_get(Interpreter& vm, Thread&, Value, CallArgs args) {
    Value* slot = nullptr;
    if (!check_arity(vm, "_shared_get", args, 1, 1) || !slot_argument(vm, args[0], slot))
        return NativeResult::raised();
    return NativeResult::of(*slot);
}

// _shared_set(index, number): the Python side has converted it to the slot's type.
NativeResult shared_set(Interpreter& vm, Thread&, Value, CallArgs args) {
    Value* slot = nullptr;
    if (!check_arity(vm, "_shared_set", args, 2, 2) || !slot_argument(vm, args[0], slot))
        return NativeResult::raised();
    if (!args[1].is_number())
        return vm.raise(vm.types.type_error, "shared memory holds numbers only, not " + vm.type_name(args[1]));
    *slot = args[1];
    return NativeResult::of(Value::none());
}

// _share(value): the machine keeps value.value current (see Mirror).
NativeResult share(Interpreter& vm, Thread&, Value, CallArgs args) {
    auto* instance = args.count == 1 ? as<InstanceObject>(args[0]) : nullptr;
    if (!check_arity(vm, "_share", args, 1, 1))
        return NativeResult::raised();
    if (!instance)
        return vm.raise(vm.types.type_error, "_share() needs a Value");
    mirror_shared(vm, *instance);
    return NativeResult::of(Value::none());
}

} // namespace

void install_multiprocessing(Interpreter& vm, ModuleObject& module) {
    vm.add_native(module, "_start", start);
    vm.add_native(module, "_exitcode", exitcode);
    vm.add_native(module, "_end", end);
    vm.add_native(module, "_received", received);
    vm.add_native(module, "_channel", channel);
    vm.add_native(module, "_send", send);
    vm.add_native(module, "_receive", receive);
    vm.add_native(module, "_pending", pending);
    vm.add_native(module, "_shared_new", shared_new);
    vm.add_native(module, "_shared_get", shared_get);
    vm.add_native(module, "_shared_set", shared_set);
    vm.add_native(module, "_share", share);
}

} // namespace python
