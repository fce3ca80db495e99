// Heap: owns every object of one process and gives each a stable id. Memory stays bounded on
// long runs by a mark-and-sweep collector: the interpreter marks from its roots (all threads'
// frames, modules, code constants) between instructions, when enough allocations happened.
//
// The heap also counts its bytes against the process's budget: the machine's memory
// (MachineConfig::max_memory) less what its other live processes hold (PythonRun::share_memory). An
// object's size (object_bytes) is that of a 64-bit process: its header plus its storage (list
// items, dict and set tables, string text), the same figure natively and in WebAssembly, so
// that the instruction at which a program runs out of memory is part of its deterministic run.
// A new object is counted when it is adopted; containers that grow in place are counted again
// by measure(), which the interpreter runs every few hundred thousand instructions (and every
// sweep recounts exactly). The interpreter checks over_budget() between instructions and then
// raises MemoryError in the running thread, as CPython does when malloc fails.
#pragma once
#include "python/object.h"
#include <cstddef>
#include <algorithm>
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

    size_t bytes = 0;                          // live and not yet collected, as last counted
    size_t max_bytes = SIZE_MAX;               // the process's budget
    size_t collection_bytes = kMinCollectionBytes;  // collect again when `bytes` reaches this
    uint64_t instructions_since_measure = 0;
    static constexpr size_t kMinCollectionBytes = size_t{8} << 20;
    static constexpr uint64_t kMinMeasureInterval = 250000;

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

    bool collection_due() const
    {
        return allocated_since_collection >= collection_threshold || bytes >= collection_bytes;
    }
    bool over_budget() const { return bytes > max_bytes; }
    // Makes the budget `max` bytes (and collects before it is reached).
    void set_budget(size_t max)
    {
        max_bytes = max;
        collection_bytes = std::min(collection_bytes, max);
    }

    // Recounts every live object's bytes (containers grow in place without the heap seeing it)
    // when `executed` more instructions bring the count since the last one past the interval:
    // one pass over the objects per at least four instructions per object, so it stays cheap.
    void count_instructions(uint64_t executed);
    void measure();

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

// The bytes `object` takes in a 64-bit process: header and storage.
size_t object_bytes(const Object& object);
// The bytes a sequence of `count` values takes as list or tuple storage.
constexpr size_t kValueBytes = 16;

} // namespace python
