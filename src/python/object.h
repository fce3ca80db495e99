// The heap objects of a Python process. Plain structs: one per kind, each starting with the
// Object header (kind, mark bit, stable id). The interpreter creates them through Heap::make.
#pragma once
#include "python/table.h"
#include "python/value.h"
#include "lang/bytecode.h"
#include "lang/source.h"
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace python {

struct Interpreter;
struct Thread;
struct ClassObject;
struct ModuleObject;
struct GeneratorObject;

enum class ObjectKind : uint8_t {
    Str, List, Tuple, Dict, Set, Function, Native, BoundMethod, Class, Instance, Module, Cell, Code,
    Range, Iterator, Slice, Super, DictView, Generator, BigInt, Bytes,
};

struct Object {
    ObjectKind kind;
    bool marked = false;  // garbage collector's mark bit
    uint32_t id = 0;      // stable while the object lives: id(), the Address-space view, reprs

    explicit Object(ObjectKind k) : kind(k) {}
    virtual ~Object() = default;
};

struct StrObject : Object {
    std::string text;       // UTF-8
    uint64_t hash = 0;
    uint32_t length = 0;    // in code points, as len() counts
    bool ascii = true;      // then code point i is byte i
    explicit StrObject(std::string t);
};

struct ListObject : Object {
    std::vector<Value> items;
    ListObject() : Object(ObjectKind::List) {}
    // Made with its items, so that the heap counts them when it adopts the list.
    explicit ListObject(std::vector<Value> v) : Object(ObjectKind::List), items(std::move(v)) {}
};

struct TupleObject : Object {
    std::vector<Value> items;
    TupleObject() : Object(ObjectKind::Tuple) {}
    explicit TupleObject(std::vector<Value> v) : Object(ObjectKind::Tuple), items(std::move(v)) {}
};

struct DictObject : Object {
    Table table;
    DictObject() : Object(ObjectKind::Dict) {}
};

struct SetObject : Object {
    SetTable table;
    bool frozen = false;  // frozenset: immutable and hashable
    SetObject() : Object(ObjectKind::Set) {}
};

struct CellObject : Object {
    Value value = Value::empty();  // Empty until the variable is bound
    CellObject() : Object(ObjectKind::Cell) {}
};

// A compiled code object loaded into a process: the bytecode plus its constants and names
// turned into runtime values. The text region of the Address-space view.
// A code object of this process's text region. Its constants and names become objects when it
// first runs (Interpreter::prepare): most of the prelude's and the modules' functions never run,
// and making their constants at load cost a fresh process a quarter of its start.
struct Code {
    const lang::CodeObject* source = nullptr;
    std::vector<Value> constants;
    std::vector<Value> names;  // str objects, hashed once
    std::vector<Code*> nested; // the codes of its Code constants, by constant index
    bool hidden = false;       // the prelude's helpers: left out of tracebacks
    bool prepared = false;     // constants and names made
};

struct CodeRefObject : Object {
    const Code* code;
    explicit CodeRefObject(const Code* c) : Object(ObjectKind::Code), code(c) {}
};

struct FunctionObject : Object {
    const Code* code = nullptr;
    ModuleObject* module = nullptr;   // its globals
    std::vector<Value> defaults;      // for the last positional parameters
    DictObject* kw_defaults = nullptr;
    std::vector<CellObject*> closure; // matches code->source->free_names
    std::string name, qualname;
    Value doc;                        // __doc__: the docstring, or what wraps() copied
    FunctionObject() : Object(ObjectKind::Function) {}
};

// Call arguments as natives see them: positional values, then keyword values whose names
// (str values) are in `kwnames`.
struct CallArgs {
    const Value* values = nullptr;
    uint32_t count = 0;           // all values, positional and keyword
    const Value* kwnames = nullptr;
    uint32_t kwcount = 0;

    uint32_t positional_count() const { return count - kwcount; }
    Value operator[](uint32_t i) const { return values[i]; }
    // The keyword argument `name`, or Empty.
    Value keyword(std::string_view name) const;
};

enum class NativeStatus : uint8_t {
    Return,   // `value` is the result
    Raise,    // an exception is pending (Interpreter::raise_* set it)
    Call,     // call `callee` with `call_args`; its result goes to `then`, or is this call's result
              // (a generator as callee is resumed: the result is its next value)
    Suspend,  // park the thread; the machine resumes it with a result (or an exception)
};

struct NativeResult;

// Continues a native call once the Python call it asked for (or the suspension) has a result.
using NativeContinuation = NativeResult (*)(Interpreter& vm, Thread& thread, Value state, Value result);

struct NativeResult {
    NativeStatus status = NativeStatus::Return;
    Value value;
    Value callee;
    std::vector<Value> call_args;     // positional, then keyword values
    std::vector<Value> call_kwnames;  // str values, for the trailing keyword values
    NativeContinuation then = nullptr;
    NativeContinuation recover = nullptr;  // Call: gets an exception the call raises (see Frame)
    Value state;                      // kept alive (a GC root) until `then` runs

    static NativeResult of(Value v)
    {
        NativeResult r;
        r.value = v;
        return r;
    }
    static NativeResult raised()
    {
        NativeResult r;
        r.status = NativeStatus::Raise;
        return r;
    }
    static NativeResult call(Value callee, std::vector<Value> args, NativeContinuation then = nullptr, Value state = {})
    {
        NativeResult r;
        r.status = NativeStatus::Call;
        r.callee = callee;
        r.call_args = std::move(args);
        r.then = then;
        r.state = state;
        return r;
    }
    static NativeResult suspend(NativeContinuation then = nullptr, Value state = {})
    {
        NativeResult r;
        r.status = NativeStatus::Suspend;
        r.then = then;
        r.state = state;
        return r;
    }
};

// `data` is the value the native was created with (its "closure"); for methods of built-in
// types, args[0] is self.
using NativeFunction = NativeResult (*)(Interpreter& vm, Thread& thread, Value data, CallArgs args);

struct NativeObject : Object {
    NativeFunction function = nullptr;
    const char* name = "";
    Value data;
    ClassObject* owner = nullptr;  // the built-in type it is a method of, if any
    NativeObject() : Object(ObjectKind::Native) {}
};

struct BoundMethodObject : Object {
    Value self;
    Value function;
    BoundMethodObject() : Object(ObjectKind::BoundMethod) {}
};

struct ClassObject : Object {
    std::string name, qualname, module_name;
    ClassObject* base = nullptr;      // single inheritance; null only for `object`
    std::vector<ClassObject*> mro;    // this class, its base, ... object
    Table attrs;
    NativeFunction constructor = nullptr;  // built-in types: how calling the type builds a value
    bool is_exception = false;             // derives from BaseException
    bool is_builtin = false;               // int, str, list, ...: values are not Instances
    bool has_data_descriptor = false;      // holds a property (or another data descriptor): instance reads look here first
    bool has_slots = false;                // it and its bases define __slots__: instances take only those attributes
    // The class whose Python methods serve this class's own protocol (iterating it, len(), `in`,
    // subscripting it), as a metaclass's do: enum's EnumType. Null for plain classes; inherited.
    ClassObject* metaclass = nullptr;
    // IntEnum and IntFlag: an instance stands for the int in its _value_ where a native needs an
    // int (an index, int(), hex(), '%d', a dict key equal to that int), as a member of an int
    // subclass does in CPython. Inherited.
    bool int_valued = false;
    // A frozen dataclass: its instances hash and compare as dict keys and set members by these
    // attributes, which is what its generated __hash__ and __eq__ compute (the tables call no
    // Python code). Inherited.
    std::vector<std::string> key_fields;
    ClassObject() : Object(ObjectKind::Class) {}

    // The attribute from this class or the first base that has it.
    Value* lookup(std::string_view name);
    bool is_subclass_of(const ClassObject* other) const;
};

// The metaclass of cls or of its first base that has one (null: type).
ClassObject* metaclass_of(const ClassObject* cls);

struct TracebackEntry {
    const Code* code;
    int32_t instruction;   // index into code->source->code
    ModuleObject* module;  // the frame's globals ("Did you mean" looks there)
};

struct InstanceObject : Object {
    ClassObject* cls;
    Table attrs;
    std::vector<TracebackEntry> traceback;  // exceptions: the frames it passed, innermost first
    explicit InstanceObject(ClassObject* c) : Object(ObjectKind::Instance), cls(c) {}
};

struct ModuleObject : Object {
    std::string name;
    Table globals;
    ModuleObject() : Object(ObjectKind::Module) {}
};

struct RangeObject : Object {
    int64_t start = 0, stop = 0, step = 1;
    RangeObject() : Object(ObjectKind::Range) {}
    int64_t length() const;
};

enum class IteratorKind : uint8_t { Sequence, Str, Range, DictKeys, DictValues, DictItems, Enumerate, Zip, Reversed, Set, Bytes };
constexpr int kIteratorKindCount = 11;

struct IteratorObject : Object {
    IteratorKind iterator_kind;
    Value source;                 // list/tuple/str/dict being walked; Enumerate: the inner iterator
    std::vector<Value> sources;   // Zip: the inner iterators
    int64_t index = 0;            // position (bytes for Str); Range: the next value
    int64_t stop = 0, step = 1;   // Range
    uint32_t dict_version = 0;    // Dict* and Set: detects size changes during iteration
    explicit IteratorObject(IteratorKind k) : Object(ObjectKind::Iterator), iterator_kind(k) {}
};

struct SliceObject : Object {
    Value start, stop, step;
    SliceObject() : Object(ObjectKind::Slice) {}
};

struct SuperObject : Object {
    ClassObject* cls = nullptr;  // lookups start after this class in self's MRO
    Value self;
    SuperObject() : Object(ObjectKind::Super) {}
};

enum class DictViewKind : uint8_t { Keys, Values, Items };

struct DictViewObject : Object {
    DictObject* dict = nullptr;
    DictViewKind view = DictViewKind::Keys;
    DictViewObject() : Object(ObjectKind::DictView) {}
};

// --- Frames ------------------------------------------------------------------------------------

enum class BlockKind : uint8_t {
    Handler,        // SETUP_FINALLY: an exception jumps to `handler`
    ExceptHandler,  // an except/finally clause is running; holds the exception it replaced
};

struct Block {
    BlockKind kind;
    int32_t handler = 0;
    int32_t stack_depth = 0;     // the value stack is cut back to this depth
    Value previous_exception;    // ExceptHandler: Thread::handled_exception to restore
};

// A frame's value stack: the few std::vector operations the bytecode loop uses, with the
// common case (room left) inlined. The loop is too large a function for the compiler to inline
// std::vector::push_back into it, and nearly every instruction pushes or pops; frames reserve
// their code's max_stack, so growing is the rare case. Slots past size() hold stale values that
// nothing reads (the collector marks [0, size()) only).
class ValueStack {
public:
    ValueStack() = default;
    ValueStack(const ValueStack&) = default;
    ValueStack& operator=(const ValueStack&) = default;
    ValueStack(ValueStack&& other) noexcept : slots(std::move(other.slots)), top(std::exchange(other.top, 0)) {}
    ValueStack& operator=(ValueStack&& other) noexcept
    {
        slots = std::move(other.slots);
        top = std::exchange(other.top, 0);
        return *this;
    }

    [[gnu::always_inline]] void push_back(Value v)
    {
        if (top == slots.size()) [[unlikely]]
            grow(top + 1);
        slots[top++] = v;
    }
    [[gnu::always_inline]] void pop_back() { top--; }
    [[gnu::always_inline]] Value& back() { return slots[top - 1]; }
    [[gnu::always_inline]] const Value& back() const { return slots[top - 1]; }
    [[gnu::always_inline]] Value& operator[](size_t i) { return slots[i]; }
    [[gnu::always_inline]] const Value& operator[](size_t i) const { return slots[i]; }
    [[gnu::always_inline]] size_t size() const { return top; }
    bool empty() const { return top == 0; }
    Value* data() { return slots.data(); }
    const Value* data() const { return slots.data(); }
    Value* begin() { return slots.data(); }
    Value* end() { return slots.data() + top; }
    const Value* begin() const { return slots.data(); }
    const Value* end() const { return slots.data() + top; }
    // As std::vector's: new slots (when it grows) hold None.
    [[gnu::always_inline]] void resize(size_t count)
    {
        if (count > top) [[unlikely]]
            fill_to(count);
        top = count;
    }
    void clear() { top = 0; }
    void reserve(size_t count)
    {
        if (count > slots.size())
            slots.resize(count);
    }

private:
    [[gnu::noinline]] void grow(size_t count) { slots.resize(std::max(count, 2 * slots.size())); }
    [[gnu::noinline]] void fill_to(size_t count)
    {
        if (count > slots.size())
            grow(count);
        std::fill(slots.begin() + (ptrdiff_t)top, slots.begin() + (ptrdiff_t)count, Value());
    }
    std::vector<Value> slots;
    size_t top = 0;
};

struct Frame {
    const Code* code = nullptr;          // null: a native continuation frame (see `resume`)
    FunctionObject* function = nullptr;  // null for module and prelude code
    ModuleObject* module = nullptr;      // the globals
    uint32_t ip = 0;                     // the next instruction
    ValueStack stack;
    std::vector<Value> locals;           // code->source->local_names
    std::vector<CellObject*> cells;      // cell_names, then free_names
    std::vector<Block> blocks;

    // A native continuation frame waits for the result of the frame above it (or of a
    // suspension) and hands it to `resume` together with `state`. If an exception unwinds to
    // it instead, `recover` (when set) gets the exception: it may return a value (the
    // exception is handled) or raise.
    NativeContinuation resume = nullptr;
    NativeContinuation recover = nullptr;
    Value state;

    GeneratorObject* generator = nullptr;  // the generator this frame belongs to, if any

    bool is_native() const { return code == nullptr; }
    // Where the frame is: the instruction being executed (or the call it waits on).
    lang::SourcePos position() const;
};

// A generator (a function that yields, a generator expression), a coroutine (an async def's
// call) or an async generator (an async def that yields): its frame, kept here while it is
// suspended and moved onto the thread that resumes it until it yields again. An async
// generator runs as a generator whose `yield`s are told apart from what its awaits pass on
// (`yielded`); the prelude's _AsyncGenStep drives it for __anext__, asend, athrow and aclose.
struct GeneratorObject : Object {
    Frame frame;
    const Code* code = nullptr;  // its function's code (the frame is away while it runs)
    Value thrown = Value::empty();  // set by throw(): raised where it is suspended when resumed
    bool coroutine = false;
    bool async_generator = false;
    bool yielded = false;   // async generator: its last suspension was a `yield`, not an await
    bool started = false;   // has run up to a yield once: resuming pushes the sent value
    bool running = false;   // its frame is on a thread now
    bool finished = false;
    GeneratorObject() : Object(ObjectKind::Generator) {}
};

// Checked downcasts: `as<StrObject>(v)` is null unless v holds a str.
template <class T> constexpr ObjectKind kind_of();
template <> constexpr ObjectKind kind_of<StrObject>() { return ObjectKind::Str; }
template <> constexpr ObjectKind kind_of<ListObject>() { return ObjectKind::List; }
template <> constexpr ObjectKind kind_of<TupleObject>() { return ObjectKind::Tuple; }
template <> constexpr ObjectKind kind_of<DictObject>() { return ObjectKind::Dict; }
template <> constexpr ObjectKind kind_of<SetObject>() { return ObjectKind::Set; }
template <> constexpr ObjectKind kind_of<FunctionObject>() { return ObjectKind::Function; }
template <> constexpr ObjectKind kind_of<NativeObject>() { return ObjectKind::Native; }
template <> constexpr ObjectKind kind_of<BoundMethodObject>() { return ObjectKind::BoundMethod; }
template <> constexpr ObjectKind kind_of<ClassObject>() { return ObjectKind::Class; }
template <> constexpr ObjectKind kind_of<InstanceObject>() { return ObjectKind::Instance; }
template <> constexpr ObjectKind kind_of<ModuleObject>() { return ObjectKind::Module; }
template <> constexpr ObjectKind kind_of<CellObject>() { return ObjectKind::Cell; }
template <> constexpr ObjectKind kind_of<CodeRefObject>() { return ObjectKind::Code; }
template <> constexpr ObjectKind kind_of<RangeObject>() { return ObjectKind::Range; }
template <> constexpr ObjectKind kind_of<IteratorObject>() { return ObjectKind::Iterator; }
template <> constexpr ObjectKind kind_of<SliceObject>() { return ObjectKind::Slice; }
template <> constexpr ObjectKind kind_of<SuperObject>() { return ObjectKind::Super; }
template <> constexpr ObjectKind kind_of<DictViewObject>() { return ObjectKind::DictView; }
template <> constexpr ObjectKind kind_of<GeneratorObject>() { return ObjectKind::Generator; }

template <class T>
T* as(Value v)
{
    return v.kind == ValueKind::Object && v.object->kind == kind_of<T>() ? static_cast<T*>(v.object) : nullptr;
}

} // namespace python
