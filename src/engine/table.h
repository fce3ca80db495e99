// Table: the insertion-ordered hash map behind dicts, module globals, class namespaces and
// instance attributes. Iteration follows insertion order (Python's dict order), never hash
// order, so what a program prints does not depend on hashing.
#pragma once
#include "engine/value.h"
#include <cstdint>
#include <string_view>
#include <vector>

namespace engine {

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

// Python's hash/equality for dict keys: 1 == 1.0 == True hash alike, strings and tuples by
// content, every other object by identity.
bool is_hashable(Value v);
uint64_t hash_value(Value v);
uint64_t hash_string(std::string_view text);
bool keys_equal(Value a, Value b);

} // namespace engine
