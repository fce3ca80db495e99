// Heap: owns every object of one process and gives each a stable id. Memory stays bounded on
// long runs by a mark-and-sweep collector: the interpreter marks from its roots (all threads'
// frames, modules, code constants) between instructions, when enough allocations happened.
#pragma once
#include "python/object.h"
#include <cstddef>
#include <cstdint>
#include <vector>

namespace python {

struct Heap {
    std::vector<Object*> objects;     // by id; null where an id is free
    std::vector<uint32_t> free_ids;   // reused last-freed first (deterministic)
    size_t live = 0;
    size_t allocated_since_collection = 0;
    size_t collection_threshold = 20000;
    uint64_t collections = 0;

    Heap() = default;
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    ~Heap();

    template <class T, class... Args>
    T* make(Args&&... args)
    {
        T* object = new T(std::forward<Args>(args)...);
        adopt(object);
        return object;
    }

    bool collection_due() const { return allocated_since_collection >= collection_threshold; }

    // Marking: mark(v) for each root, then trace() follows references until all reachable
    // objects are marked; sweep() frees the rest and clears the marks.
    void mark(Value v)
    {
        if (v.kind == ValueKind::Object)
            mark(v.object);
    }
    void mark(Object* object)
    {
        if (object && !object->marked) {
            object->marked = true;
            gray.push_back(object);
        }
    }
    void mark_frame(const Frame& frame);
    void trace();
    size_t sweep();

    Object* find(uint32_t id) const { return id < objects.size() ? objects[id] : nullptr; }

private:
    std::vector<Object*> gray;  // marked, children not yet visited
    void adopt(Object* object);
    void mark_children(Object* object);
};

} // namespace python
