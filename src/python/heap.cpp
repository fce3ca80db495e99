#include "python/heap.h"
#include <algorithm>

namespace python {

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
}

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
    case ObjectKind::Str: case ObjectKind::Range: case ObjectKind::Code:
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

size_t Heap::sweep()
{
    size_t freed = 0;
    for (size_t id = objects.size(); id-- > 1;) {
        Object* object = objects[id];
        if (!object)
            continue;
        if (object->marked) {
            object->marked = false;
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
    collections++;
    return freed;
}

} // namespace python
