// Interpreter: one Python process (its heap, modules, code and threads) and the bytecode loop.
//
// Threads are data. A Thread holds its frames; a Frame holds its code, instruction pointer,
// value stack, locals and block stack. Calling a Python function pushes a Frame (no C++
// recursion), so any thread can stop after any instruction and another can run; the UI reads
// the frames directly. Native functions (builtins, module functions) run inside one instruction
// and answer with a NativeResult: a value, an exception, a request to call Python code (whose
// result comes back to a continuation), or a suspension that parks the thread until the host
// resumes it. Dunder methods written in Python (__init__, __str__, __eq__, __enter__, ...) are
// always called through frames too.
//
// Frames (and the Block stack inside them) are declared in object.h, since a suspended
// generator keeps its frame in the heap. Sections of this header:
//   1. Threads
//   2. The Interpreter: loading, running, resuming
//   3. Services for native functions: values, classes, errors, conversions, operations
#pragma once
#include "python/heap.h"
#include "python/host.h"
#include "python/modules.h"
#include "python/object.h"
#include "lang/source.h"
#include <algorithm>
#include <map>
#include <unordered_map>
#include <memory>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lang { struct CompiledModule; }

namespace python {

// ---------------------------------------------------------------------------------------------
// 1. Threads
// ---------------------------------------------------------------------------------------------

enum class ThreadState : uint8_t {
    Runnable,
    Suspended,  // a native suspended it: waits for Interpreter::resume
    Finished,
};

// A thread's frames: the std::vector operations the engine uses on them, except that a popped
// frame stays constructed past size() with its buffers (stack, locals), so that the next call
// at that depth reuses it in place (push_cleared): a call moves no Frame and allocates nothing.
// Nothing reads a frame past size() (the collector marks the live ones only).
class FrameStack {
public:
    Frame& back() { return frames[count - 1]; }
    const Frame& back() const { return frames[count - 1]; }
    Frame& operator[](size_t i) { return frames[i]; }
    const Frame& operator[](size_t i) const { return frames[i]; }
    size_t size() const { return count; }
    bool empty() const { return count == 0; }
    size_t built() const { return frames.size(); }  // in use, or kept to be reused
    Frame* begin() { return frames.data(); }
    Frame* end() { return frames.data() + count; }
    const Frame* begin() const { return frames.data(); }
    const Frame* end() const { return frames.data() + count; }
    std::reverse_iterator<Frame*> rbegin() { return std::reverse_iterator<Frame*>(end()); }
    std::reverse_iterator<Frame*> rend() { return std::reverse_iterator<Frame*>(begin()); }
    std::reverse_iterator<const Frame*> rbegin() const { return std::reverse_iterator<const Frame*>(end()); }
    std::reverse_iterator<const Frame*> rend() const { return std::reverse_iterator<const Frame*>(begin()); }

    void push_back(Frame&& frame)
    {
        if (count < frames.size())
            frames[count] = std::move(frame);
        else
            frames.push_back(std::move(frame));
        count++;
    }
    void pop_back() { count--; }
    void clear() { count = 0; }
    // Frees every frame and the ones kept for reuse: the thread has exited.
    void release()
    {
        std::vector<Frame>().swap(frames);
        count = 0;
    }
    // Pushes an empty frame: the one last popped at this depth, cleared, when there is one.
    Frame& push_cleared();

private:
    std::vector<Frame> frames;  // [0, count) are the thread's; the rest wait to be reused
    size_t count = 0;
};

struct Thread {
    uint32_t id = 0;
    std::string name;
    ThreadState state = ThreadState::Runnable;
    FrameStack frames;           // frames.back() runs
    Value handled_exception;     // the exception an except clause is handling (bare `raise`)
    Value result;                // Finished: the return value of the bottom call
    Value uncaught;              // Finished by an exception: that exception, else None
    std::string uncaught_text;   // its last traceback line, "ValueError: bad" (set with uncaught)
    uint64_t instructions = 0;   // executed so far
};

enum class StopReason : uint8_t {
    BudgetUsed,  // ran `budget` instructions and can continue
    Finished,    // returned from its bottom frame
    Suspended,   // parked by a native (lock, sleep, join, ...)
    Error,       // finished by an uncaught exception (Thread::uncaught)
};

struct RunResult {
    uint64_t executed = 0;
    StopReason reason = StopReason::BudgetUsed;
};

// The built-in classes; values of these types are not Instances (except exceptions).
struct BuiltinTypes {
    ClassObject *object, *type, *none_type, *bool_type, *int_type, *float_type, *str, *list, *tuple, *dict, *set, *frozenset;
    ClassObject *function, *builtin_function, *method, *module, *cell, *code, *range, *slice, *super_type;
    ClassObject *dict_keys, *dict_values, *dict_items, *generator, *coroutine, *async_generator;
    ClassObject *bytes, *bytearray;  // bytes.cpp
    ClassObject *property, *staticmethod, *classmethod;  // descriptors: their values are Instances
    ClassObject* iterators[kIteratorKindCount];  // by IteratorKind
    ClassObject *base_exception, *system_exit, *keyboard_interrupt, *exception, *arithmetic_error,
        *overflow_error, *zero_division_error, *assertion_error, *attribute_error, *import_error,
        *module_not_found_error, *lookup_error, *index_error, *key_error, *name_error,
        *unbound_local_error, *runtime_error, *recursion_error, *not_implemented_error,
        *stop_iteration, *stop_async_iteration, *type_error, *value_error, *os_error, *timeout_error, *generator_exit, *memory_error,
        *unicode_error, *unicode_encode_error, *unicode_decode_error;
};

// ---------------------------------------------------------------------------------------------
// 2. The Interpreter
// ---------------------------------------------------------------------------------------------

struct LoadResult {
    Thread* thread = nullptr;                // the main thread, ready to run the module
    std::optional<lang::SourceError> error;  // a syntax error or unsupported construct
};

struct Interpreter {
    explicit Interpreter(Host& host, std::span<const ModuleDef> modules = standard_modules());
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;
    ~Interpreter();

    Host& host;
    Heap heap;
    BuiltinTypes types{};
    ModuleObject* builtins = nullptr;
    ModuleObject* prelude = nullptr;                  // hidden helpers written in Python
    // The NotImplemented singleton (made by the prelude): an operator method returns it to let
    // the other operand's method, or the built-in fallback, decide.
    Value not_implemented;
    std::map<std::string, ModuleObject*> modules;     // imported so far, by name
    std::vector<ModuleDef> module_table;              // what `import` can find
    std::vector<std::unique_ptr<Code>> codes;         // the text region
    // One str object per name the codes use (kept alive by the codes): a global stored by one
    // function and loaded by another is then the same key, found without comparing text.
    struct NameHash {
        using is_transparent = void;
        size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
    };
    std::unordered_map<std::string, Value, NameHash, std::equal_to<>> interned_names;
    std::map<std::string, std::string> sources;       // file name -> source (tracebacks)
    std::string main_file;                            // the program's file name (sys.argv[0])
    std::vector<std::unique_ptr<Thread>> threads;
    std::vector<Value> pinned;                        // extra GC roots held by the host
    Value pending = Value::empty();                   // the exception a native is raising
    uint32_t recursion_limit = 1000;                  // frames per thread, as CPython's default
    uint32_t native_depth = 0;                        // see NativeNesting
    uint64_t native_steps = 0;
    uint32_t next_thread_id = 1;

    // Compiles `source` as __main__ and creates the main thread to run it. `compiled`, when
    // given, is `source` compiled already (the schedule explorer compiles once for all its runs).
    LoadResult load_main(std::string_view source, std::string_view filename,
                         std::shared_ptr<const lang::CompiledModule> compiled = nullptr);

    // A new thread that calls callable(*args); it starts Runnable.
    Thread& start_thread(Value callable, std::vector<Value> args, std::string name);

    // Executes up to `budget` instructions of `thread` (Runnable) and says why it stopped.
    RunResult run(Thread& thread, uint64_t budget);
    // Exactly one instruction: the same loop as run(), so stepping and running agree.
    RunResult step(Thread& thread) { return run(thread, 1); }

    // Ends a suspension: the suspended native call returns `result` (or raises `exception`).
    void resume(Thread& thread, Value result);
    void resume_with_exception(Thread& thread, Value exception);

    // What CPython prints for an exception that ends a thread: "Traceback (most recent call
    // last):", the frames with their source lines, then Thread::uncaught_text.
    std::string format_uncaught(const Thread& thread);

    // Frees what no thread, module or code object can reach. Runs by itself between
    // instructions; callable by the host at any point where it holds no Values of its own
    // outside `pinned`.
    void collect_garbage();
    // Between instructions, once heap.bytes reached heap.collection_bytes: collects and, if the
    // process is past its heap budget even then, sets MemoryError pending and returns true.
    bool memory_exhausted();
    // For a native about to allocate `bytes` at once ([0] * n, 'x'.ljust(n), a join): false with
    // MemoryError pending when that could never fit in the process's budget, so that it fails
    // before it is made. One that could is made; if the process is then past its budget, the
    // next check between instructions collects and raises. 64-bit, so that a size past a 32-bit
    // size_t (WebAssembly's) is refused, not wrapped.
    bool reserve(uint64_t bytes);

    // -----------------------------------------------------------------------------------------
    // 3. Services for native functions (and the interpreter's own files)
    // -----------------------------------------------------------------------------------------

    // Making values
    Value new_str(std::string_view text);
    Value new_list(std::vector<Value> items = {});
    Value new_tuple(std::vector<Value> items);
    DictObject* new_dict();
    ModuleObject* new_module(std::string name);
    ClassObject* new_class(std::string name, ClassObject* base, std::string module_name);
    NativeObject* new_native(const char* name, NativeFunction function, Value data = {});
    void add_native(ModuleObject& module, const char* name, NativeFunction function, Value data = {});
    void add_method(ClassObject* cls, const char* name, NativeFunction function);
    void set_attr(Table& table, std::string_view name, Value value);

    // Types
    ClassObject* type_of(Value v) const;
    std::string type_name(Value v) const { return type_of(v)->name; }
    bool is_instance(Value v, const ClassObject* cls) const { return type_of(v)->is_subclass_of(cls); }
    // The user-level (Python) method `name` of v's class (of a class's metaclass), or Empty: the
    // dunders that must run through frames.
    Value python_method(Value v, std::string_view name) const;

    // Raising. `raise` and `fail` set `pending`; natives return raise(...), helpers return
    // fail(...) (an Empty value).
    Value make_exception(ClassObject* type, std::string message);
    // StopIteration(value): how a generator's `return value` reaches whoever resumed it.
    Value make_stop_iteration(Value value);
    // StopIteration's value: its first argument, or None.
    Value stop_iteration_value(Value exception);
    NativeResult raise(ClassObject* type, std::string message);
    Value fail(ClassObject* type, std::string message);
    // NameError and AttributeError record the name (and object) they miss, as CPython's do:
    // the uncaught report suggests a close existing name from them.
    Value fail_name(Value name);
    // "unhashable type: 'list'" (and the clear refusal for classes with a Python __hash__).
    Value fail_unhashable(Value v);
    Value fail_attribute(Value object, std::string_view name, std::string message);

    // Conversions that need no Python code (callers check python_method first for instances).
    std::string repr(Value v);
    std::string str(Value v);
    bool truthy(Value v) const;
    bool is_not_implemented(Value v) const { return v.kind == ValueKind::Object && v.object == not_implemented.object; }
    // Whether v's truth comes from a user-defined __bool__ or __len__ (then bool(v) runs it).
    bool has_python_truth(Value v) const;
    // The text a traceback's last line shows for an exception: "KeyError: 'k'".
    std::string exception_line(Value exception);

    // Operations with Python's semantics on built-in types; Empty (or false) when they raised.
    Value binary_op(lang::BinaryOp op, Value a, Value b, bool in_place);
    Value set_operation(lang::BinaryOp op, SetObject* a, SetObject* b, bool in_place);
    Value unary_op(lang::UnaryOp op, Value v);
    Value compare(lang::CompareOp op, Value a, Value b);
    int equals(Value a, Value b);  // 1, 0, or -1 when it raised
    Value contains(Value container, Value item);
    Value get_item(Value container, Value index);
    bool set_item(Value container, Value index, Value value);
    bool delete_item(Value container, Value index);
    Value get_attr(Value object, std::string_view name);
    bool set_attr_checked(Value object, std::string_view name, Value value);
    bool delete_attr(Value object, std::string_view name);
    Value length(Value v);
    Value get_iter(Value iterable);
    // Advances a built-in iterator: true with `out` set, or false at the end (or when it
    // raised: then `pending` is set).
    bool next(IteratorObject* iterator, Value& out);
    // Every element of an iterable, in order; false when it raised.
    bool collect(Value iterable, std::vector<Value>& out);
    Value hash(Value v);

    // Formatting (format.cpp): format(value, spec), "%" formatting, str.format.
    bool format_value(Value v, std::string_view spec, std::string& out);
    Value percent_format(const StrObject* format, Value args);
    Value str_format(std::string_view format, CallArgs args, uint32_t first);

    // Turns compiled code into this process's text region; returns the module body's code.
    Code* load_compiled(std::shared_ptr<const lang::CompiledModule> compiled, bool hidden);
    // Makes a code's constants and names, before it first runs.
    void prepare(const Code& code);

private:
    void install_types();
    void run_module_source(ModuleObject* module, const char* source, const char* filename);
    std::vector<std::shared_ptr<const lang::CompiledModule>> compiled_modules;
};

// A native that recurses into the values it holds (==, <, repr) goes one level deeper per
// container it enters: past the recursion limit it raises RecursionError, as CPython's C code
// does, long before a list nested a million deep could exhaust the host's own stack. It also
// counts the containers it enters: a list that holds itself twice per level, 40 levels deep, is
// 2**40 of them, and CPython would compare it forever in one bytecode, out of reach of any
// instruction budget. One instruction may enter as many as the process's memory could hold
// references to (at least a million); past that the lab stops it with RuntimeError.
class NativeNesting {
public:
    // `doing` ends CPython's message: "in comparison", "while getting the repr of an object".
    NativeNesting(Interpreter& vm, const char* doing) : vm_(vm)
    {
        if (vm.native_depth++ == 0)
            vm.native_steps = 0;
        if (vm.native_depth > vm.recursion_limit) {
            vm.fail(vm.types.recursion_error, std::string("maximum recursion depth exceeded ") + doing);
        } else if (uint64_t limit = std::max<uint64_t>(vm.heap.max_bytes / kValueBytes, 1'000'000); ++vm.native_steps > limit) {
            vm.fail(vm.types.runtime_error, "Threadlab stopped this instruction: it entered more than " + std::to_string(limit) +
                                                " nested values " + doing);
        } else {
            ok_ = true;
        }
    }
    ~NativeNesting() { vm_.native_depth--; }
    NativeNesting(const NativeNesting&) = delete;
    NativeNesting& operator=(const NativeNesting&) = delete;
    bool ok() const { return ok_; }

private:
    Interpreter& vm_;
    bool ok_ = false;
};

} // namespace python
