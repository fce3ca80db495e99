// Table: the insertion-ordered hash map behind dicts, module globals, class namespaces and
// instance attributes. Iteration follows insertion order (Python's dict order), never hash
// order, so what a program prints does not depend on hashing.
#pragma once
#include "python/value.h"
#include <cstdint>
#include <string_view>
#include <vector>

namespace python {

struct TableEntry {
    Value key;    // Empty marks a removed entry (kept until the table is rebuilt)
    Value value;
    uint64_t hash = 0;
};

struct Table {
    std::vector<TableEntry> entries;  // insertion order
    std::vector<int32_t> slots;       // open addressing: index into entries, or -1
    uint32_t live = 0;                // entries that are not removed
    uint32_t version = 0;             // bumped when keys are added or removed (iteration checks it)

    // Keys must be hashable (see is_hashable); callers check before inserting.
    Value* find(Value key);
    Value* find(std::string_view str_key);
    void set(Value key, Value value);
    bool remove(Value key);
    void clear();
    uint32_t size() const { return live; }

private:
    int32_t find_index(Value key, uint64_t hash) const;
    int32_t find_str_index(std::string_view key, uint64_t hash) const;
    void rebuild(size_t slot_count);
};

// SetTable: the table behind set and frozenset. Unlike dicts, sets iterate in slot order, so
// the slots follow CPython's layout (size, probe sequence, resizing) and a set of ints prints
// in the order CPython prints it.
struct SetSlot {
    Value key;         // Empty: never used (hash 0) or removed (hash -1)
    int64_t hash = 0;
};

struct SetTable {
    std::vector<SetSlot> slots = std::vector<SetSlot>(8, SetSlot{Value::empty(), 0});
    size_t used = 0;     // live keys
    size_t fill = 0;     // live and removed slots
    size_t finger = 0;   // where pop() looks first
    uint32_t version = 0;

    bool contains(Value key) const;
    void add(Value key);
    bool remove(Value key);
    Value pop();  // Empty when the set is empty
    void clear();
    // Adds every key of `other` as CPython's set update does (a bulk resize first, and an
    // empty table takes other's layout).
    void merge(const SetTable& other);
    // Grows the table ahead of adding `count` keys from a dict, as CPython does.
    void reserve_for(size_t count);

private:
    void insert_clean(Value key, int64_t hash);
    static constexpr size_t kNotFound = SIZE_MAX;
    size_t find(Value key, int64_t hash) const;
    void resize(size_t minimum_used);
};

// CPython's hash of numbers (n for small ints, -1 becomes -2), Threadlab's hash for the rest:
// what a SetTable places keys by.
int64_t set_hash(Value v);

// Python's hash/equality for dict keys: 1 == 1.0 == True hash alike, strings and tuples by
// content, an IntEnum member as its int, a frozen dataclass by its fields, every other object
// by identity.
bool is_hashable(Value v);
uint64_t hash_value(Value v);
uint64_t hash_string(std::string_view text);
bool keys_equal(Value a, Value b);

// The int that an IntEnum or IntFlag member stands for (ClassObject::int_valued), else empty.
Value carried_int(Value v);
// v, or the int it stands for when it is such a member.
Value int_or_itself(Value v);

} // namespace python
