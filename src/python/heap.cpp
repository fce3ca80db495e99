// Sections: object sizes · adopting and counting · marking · sweeping
#include "python/heap.h"
#include "python/bigint.h"
#include "python/bytes.h"
#include <algorithm>

namespace python {

// --- Object sizes --------------------------------------------------------------------------------

// The model of a 64-bit process's layouts (what the native build's objects take, rounded): the
// same on every platform, since where a budget runs out must not depend on the pointer size.
namespace {
constexpr size_t kHeaderBytes = 16;   // vtable pointer, kind, mark bit, id
constexpr size_t kPointerBytes = 8;
constexpr size_t kVectorBytes = 24;   // a std::vector's three pointers
constexpr size_t kStringBytes = 32;   // a std::string, short text inline

size_t text_bytes(const std::string& text) { return kStringBytes + (text.size() > 15 ? text.size() + 1 : 0); }
size_t values_bytes(size_t count) { return kVectorBytes + count * kValueBytes; }
size_t table_bytes(const Table& table)
{
    return 2 * kVectorBytes + 8 + table.entries.size() * sizeof(TableEntry) + table.slots.size() * sizeof(int32_t);
}
size_t frame_bytes(const Frame& frame)
{
    return 8 * kPointerBytes + 4 * kVectorBytes + (frame.stack.size() + frame.locals.size()) * kValueBytes +
           frame.cells.size() * kPointerBytes + frame.blocks.size() * (8 + 8 + kValueBytes);
}
} // namespace

static_assert(sizeof(Value) == kValueBytes && sizeof(TableEntry) == 40 && sizeof(SetSlot) == 24,
              "the size model counts these as their 64-bit layouts, which every platform shares");

size_t object_bytes(const Object& object)
{
    switch (object.kind) {
    case ObjectKind::Str:
        return kHeaderBytes + text_bytes(static_cast<const StrObject&>(object).text) + 16;
    case ObjectKind::BigInt: {
        // cpp_int's inline part, then its 64-bit limbs (counted from the bits, the same everywhere).
        const BigInt& n = static_cast<const BigIntObject&>(object).value;
        const size_t bits = n == 0 ? 0 : boost::multiprecision::msb(boost::multiprecision::abs(n)) + 1;
        return kHeaderBytes + 32 + (bits + 63) / 64 * 8;
    }
    case ObjectKind::Bytes:
        return kHeaderBytes + text_bytes(static_cast<const BytesObject&>(object).data) + 8;
    case ObjectKind::List:
        return kHeaderBytes + values_bytes(static_cast<const ListObject&>(object).items.size());
    case ObjectKind::Tuple:
        return kHeaderBytes + values_bytes(static_cast<const TupleObject&>(object).items.size());
    case ObjectKind::Dict:
        return kHeaderBytes + table_bytes(static_cast<const DictObject&>(object).table);
    case ObjectKind::Set:
        return kHeaderBytes + kVectorBytes + 40 + static_cast<const SetObject&>(object).table.slots.size() * sizeof(SetSlot);
    case ObjectKind::Function: {
        const auto& f = static_cast<const FunctionObject&>(object);
        return kHeaderBytes + 3 * kPointerBytes + kValueBytes + values_bytes(f.defaults.size()) + kVectorBytes +
               f.closure.size() * kPointerBytes + text_bytes(f.name) + text_bytes(f.qualname);
    }
    case ObjectKind::Native: return kHeaderBytes + 3 * kPointerBytes + kValueBytes;
    case ObjectKind::BoundMethod: return kHeaderBytes + 2 * kValueBytes;
    case ObjectKind::Class: {
        const auto& c = static_cast<const ClassObject&>(object);
        return kHeaderBytes + text_bytes(c.name) + text_bytes(c.qualname) + text_bytes(c.module_name) + kPointerBytes +
               kVectorBytes + c.mro.size() * kPointerBytes + table_bytes(c.attrs) + kPointerBytes + 8;
    }
    case ObjectKind::Instance: {
        const auto& i = static_cast<const InstanceObject&>(object);
        return kHeaderBytes + kPointerBytes + table_bytes(i.attrs) + kVectorBytes + i.traceback.size() * 24;
    }
    case ObjectKind::Module: {
        const auto& m = static_cast<const ModuleObject&>(object);
        return kHeaderBytes + text_bytes(m.name) + table_bytes(m.globals);
    }
    case ObjectKind::Cell: return kHeaderBytes + kValueBytes;
    case ObjectKind::Code: return kHeaderBytes + kPointerBytes;
    case ObjectKind::Range: return kHeaderBytes + 24;
    case ObjectKind::Iterator:
        return kHeaderBytes + kValueBytes + values_bytes(static_cast<const IteratorObject&>(object).sources.size()) + 32;
    case ObjectKind::Slice: return kHeaderBytes + 3 * kValueBytes;
    case ObjectKind::Super: return kHeaderBytes + kPointerBytes + kValueBytes;
    case ObjectKind::DictView: return kHeaderBytes + kPointerBytes + 8;
    case ObjectKind::Generator:
        return kHeaderBytes + frame_bytes(static_cast<const GeneratorObject&>(object).frame) + kPointerBytes +
               kValueBytes + 8;
    }
    return kHeaderBytes;
}

// --- Adopting and counting -----------------------------------------------------------------------

Heap::~Heap()
{
    for (Object* object : objects)
        delete object;
}

void Heap::adopt(Object* object)
{
    if (!free_ids.empty()) {
        object->id = free_ids.back();
        free_ids.pop_back();
        objects[object->id] = object;
    } else {
        // Id 0 stays unused so that 0 never names an object.
        if (objects.empty())
            objects.push_back(nullptr);
        object->id = (uint32_t)objects.size();
        objects.push_back(object);
    }
    live++;
    allocated_since_collection++;
    bytes += object_bytes(*object);
}

void Heap::count_instructions(uint64_t executed)
{
    instructions_since_measure += executed;
    if (instructions_since_measure >= std::max<uint64_t>(kMinMeasureInterval, 4 * (uint64_t)live))
        measure();
}

void Heap::measure()
{
    size_t total = 0;
    for (const Object* object : objects)
        if (object)
            total += object_bytes(*object);
    bytes = total;
    instructions_since_measure = 0;
}

// --- Marking -------------------------------------------------------------------------------------

static void mark_table(Heap& heap, const Table& table)
{
    for (const TableEntry& e : table.entries) {
        heap.mark(e.key);
        heap.mark(e.value);
    }
}

void Heap::mark_children(Object* object)
{
    switch (object->kind) {
    case ObjectKind::Str: case ObjectKind::Range: case ObjectKind::Code: case ObjectKind::BigInt: case ObjectKind::Bytes:
        break;
    case ObjectKind::List:
        for (Value v : static_cast<ListObject*>(object)->items) mark(v);
        break;
    case ObjectKind::Tuple:
        for (Value v : static_cast<TupleObject*>(object)->items) mark(v);
        break;
    case ObjectKind::Dict:
        mark_table(*this, static_cast<DictObject*>(object)->table);
        break;
    case ObjectKind::Set:
        for (const SetSlot& slot : static_cast<SetObject*>(object)->table.slots)
            mark(slot.key);
        break;
    case ObjectKind::Function: {
        auto* f = static_cast<FunctionObject*>(object);
        mark(f->module);
        for (Value v : f->defaults) mark(v);
        mark(f->kw_defaults);
        mark(f->doc);
        for (CellObject* cell : f->closure) mark(cell);
        break;
    }
    case ObjectKind::Native: {
        auto* n = static_cast<NativeObject*>(object);
        mark(n->data);
        mark(n->owner);
        break;
    }
    case ObjectKind::BoundMethod: {
        auto* m = static_cast<BoundMethodObject*>(object);
        mark(m->self);
        mark(m->function);
        break;
    }
    case ObjectKind::Class: {
        auto* c = static_cast<ClassObject*>(object);
        mark(c->base);
        mark_table(*this, c->attrs);
        break;
    }
    case ObjectKind::Instance: {
        auto* i = static_cast<InstanceObject*>(object);
        mark(i->cls);
        mark_table(*this, i->attrs);
        for (const TracebackEntry& entry : i->traceback)
            mark(entry.module);
        break;
    }
    case ObjectKind::Module:
        mark_table(*this, static_cast<ModuleObject*>(object)->globals);
        break;
    case ObjectKind::Cell:
        mark(static_cast<CellObject*>(object)->value);
        break;
    case ObjectKind::Iterator: {
        auto* it = static_cast<IteratorObject*>(object);
        mark(it->source);
        for (Value v : it->sources) mark(v);
        break;
    }
    case ObjectKind::Slice: {
        auto* s = static_cast<SliceObject*>(object);
        mark(s->start);
        mark(s->stop);
        mark(s->step);
        break;
    }
    case ObjectKind::Super: {
        auto* s = static_cast<SuperObject*>(object);
        mark(s->cls);
        mark(s->self);
        break;
    }
    case ObjectKind::DictView:
        mark(static_cast<DictViewObject*>(object)->dict);
        break;
    case ObjectKind::Generator:
        mark_frame(static_cast<GeneratorObject*>(object)->frame);
        mark(static_cast<GeneratorObject*>(object)->thrown);
        break;
    }
}

void Heap::mark_frame(const Frame& frame)
{
    mark(frame.function);
    mark(frame.module);
    for (Value v : frame.stack) mark(v);
    for (Value v : frame.locals) mark(v);
    for (CellObject* cell : frame.cells) mark(cell);
    for (const Block& block : frame.blocks) mark(block.previous_exception);
    mark(frame.state);
    mark(frame.generator);
}

void Heap::trace()
{
    while (!gray.empty()) {
        Object* object = gray.back();
        gray.pop_back();
        mark_children(object);
    }
}

// --- Sweeping ------------------------------------------------------------------------------------

size_t Heap::sweep()
{
    size_t freed = 0;
    size_t kept_bytes = 0;
    for (size_t id = objects.size(); id-- > 1;) {
        Object* object = objects[id];
        if (!object)
            continue;
        if (object->marked) {
            object->marked = false;
            kept_bytes += object_bytes(*object);
            continue;
        }
        delete object;
        objects[id] = nullptr;
        free_ids.push_back((uint32_t)id);
        freed++;
    }
    live -= freed;
    allocated_since_collection = 0;
    // Collect again after as many new objects as survived (at least 20000): the cost of a
    // collection stays proportional to the allocation that triggers it.
    collection_threshold = std::max<size_t>(20000, live);
    // The same rule for bytes: again after as many new bytes as survived (at least 8 MiB).
    bytes = kept_bytes;
    // Never later than the budget: what is counted there must be live, not garbage.
    collection_bytes = std::min(bytes + std::max(kMinCollectionBytes, bytes), max_bytes);
    instructions_since_measure = 0;
    collections++;
    return freed;
}

} // namespace python
